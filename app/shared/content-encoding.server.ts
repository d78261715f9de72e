import type { Request, RequestHandler, Response } from "express";
import { renderedResponseAcceptEncoding } from "./content-encoding";

/**
 * In front of the compression middleware: it negotiates from the request's Accept-Encoding, so
 * that header is narrowed to gzip for what is rendered now (decision 0031). What the client sent
 * stays available for the page cache, which sends its stored brotli copy.
 */
export function gzipRenderedResponses(): RequestHandler {
  return (req, res, next) => {
    const sent = req.get("accept-encoding");
    res.locals.clientAcceptEncoding = sent;
    const forRendering = renderedResponseAcceptEncoding(sent);
    if (forRendering !== undefined) req.headers["accept-encoding"] = forRendering;
    next();
  };
}

/** The Accept-Encoding the client sent, before gzipRenderedResponses narrowed it. */
export function clientAcceptEncoding(req: Request, res: Response): string | undefined {
  return "clientAcceptEncoding" in res.locals
    ? (res.locals.clientAcceptEncoding as string | undefined)
    : req.get("accept-encoding");
}
