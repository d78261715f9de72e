import { randomBytes } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import { isbot } from "isbot";
import type { RenderToPipeableStreamOptions } from "react-dom/server";
import { renderToPipeableStream } from "react-dom/server";
import { ServerRouter, type EntryContext } from "react-router";
import { contentSecurityPolicy } from "./shared/security-headers";

// React Router's default Node entry, plus the Content-Security-Policy of every HTML page with a
// fresh nonce per response for the inline scripts React Router writes. The other security headers
// are set for every response by the server (scripts/start.ts; decision 0024).

export const streamTimeout = 5_000;

/**
 * Passes React's output on as one chunk per batch React writes. React writes 4 KB pieces and calls
 * `flush()` when a batch (the shell, or a resolved Suspense boundary) is complete; React Router's
 * adapter flushes the compression stream after every chunk it gets, so 4 KB pieces meant a brotli
 * flush and a socket write each: 50 for a 200 KB page, about a tenth of the server's time under
 * load. Streaming still happens per batch.
 */
class ReactBatchStream extends Transform {
  private pending: Buffer[] = [];
  constructor(private readonly onEnd: () => void) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.pending.push(chunk);
    callback();
  }
  flush() {
    if (this.pending.length === 0) return;
    this.push(this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending));
    this.pending = [];
  }
  override _flush(callback: TransformCallback) {
    this.flush();
    this.onEnd();
    callback();
  }
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
) {
  const nonce = randomBytes(16).toString("base64");
  // Vite's development server injects its own scripts without our nonce; the policy holds for the
  // built app, which is what `npm start` and the end-to-end tests run.
  if (!import.meta.env.DEV) {
    responseHeaders.set("Content-Security-Policy", contentSecurityPolicy({ nonce }));
  }
  if (request.method.toUpperCase() === "HEAD") {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const userAgent = request.headers.get("user-agent");
    // Crawlers and SPA renders wait for everything; browsers get the shell as soon as it is ready.
    const readyOption: keyof RenderToPipeableStreamOptions =
      (userAgent && isbot(userAgent)) || routerContext.isSpaMode ? "onAllReady" : "onShellReady";
    let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(
      () => abort(),
      streamTimeout + 1000,
    );

    const { pipe, abort } = renderToPipeableStream(
      <ServerRouter context={routerContext} url={request.url} nonce={nonce} />,
      {
        nonce,
        [readyOption]() {
          shellRendered = true;
          const body = new ReactBatchStream(() => {
            clearTimeout(timeoutId);
            timeoutId = undefined;
          });
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html");
          pipe(body);
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors in the shell are logged by React Router; these come later, while streaming.
          if (shellRendered) console.error(error);
        },
      },
    );
  });
}
