// npm start: the embedded PostgreSQL (unless DATABASE_URL is set), pending migrations, the demo
// data on first run, then the built app on PORT (default 3000). Ctrl-C / SIGTERM stops it all.
import "./react-production";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@react-router/express";
import { withAuditOrigin } from "../app/shared/audit.server";
import compression from "compression";
import express from "express";
import type { ServerBuild } from "react-router";
import { openDatabase, type DatabaseHandle } from "../app/shared/database/database-url.server";
import { StartupError } from "../app/shared/database/embedded-postgres.server";
import { PROJECT_ROOT, applyMigrations } from "../app/shared/database/schema-engine.server";
import { isSeeded, seedDatabase } from "../app/shared/database/seed.server";
import { startImportWorker } from "../app/features/scan/import-jobs.server";
import { queueWorkerInAppProcess, startQueueWorker, stopQueue } from "../app/shared/queue.server";
import { isAllowedRequest } from "../app/shared/csrf";
import { baseSecurityHeaders } from "../app/shared/security-headers";
import { PageCache, pageCacheMiddleware } from "../app/shared/page-cache.server";
import { gzipRenderedResponses } from "../app/shared/content-encoding.server";
import { withRequestScope } from "../app/shared/request-scope.server";
import { env, isProduction } from "../app/shared/env.server";
import { disconnectDb } from "../app/shared/db.server";
import { assertPortFree } from "./port";
import { onStopSignal } from "./run-script";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
let database: DatabaseHandle | undefined;

function fail(message: string): never {
  console.error(`Error: ${message}`);
  process.exit(1);
}

async function main() {
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    fail(`PORT must be a port number, not "${process.env.PORT}".`);
  await assertPortFree(port, host);

  database = await openDatabase();
  process.env.DATABASE_URL = database.url;
  const applied = await applyMigrations(database.url);
  if (applied.length) console.log(`Migrations applied: ${applied.join(", ")}`);
  if (!(await isSeeded())) {
    const report = await seedDatabase();
    console.log(
      `Demo data loaded: ${report.territory.map((t) => `${t.gemeente} (${t.buurten} buurten)`).join(", ")}; ${report.demoAccounts} demo accounts.`,
    );
  }

  // Uploaded files are imported in the background, one at a time, by this process.
  const stopImportWorker = await startImportWorker();
  // Mail and scheduled jobs (pg-boss), unless QUEUE_WORKER=off: then `npm run worker` runs them.
  const stopQueueWorker = queueWorkerInAppProcess() ? await startQueueWorker() : stopQueue;

  const build = (await import(
    pathToFileURL(path.join(PROJECT_ROOT, "build/server/index.js")).href
  )) as ServerBuild;

  const app = express();
  app.disable("x-powered-by");
  // Behind a reverse proxy, set TRUST_PROXY (e.g. "1") so req.ip and req.protocol are the client's.
  if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);
  // Rendered responses are gzipped, stored pages sent as brotli (decision 0031).
  app.use(gzipRenderedResponses());
  app.use(compression());
  // Files and downloads get the same base headers as pages; pages add their CSP (entry.server).
  const securityHeaders = baseSecurityHeaders({ production: isProduction() });
  const defaultNames = new Set(Object.keys(securityHeaders).map((name) => name.toLowerCase()));
  app.use((_req, res, next) => {
    res.set(securityHeaders);
    // React Router's adapter appends the route's headers; a route that sets one of these itself
    // (open data sends nosniff) replaces the default instead of doubling it.
    const append = res.append.bind(res);
    res.append = (field: string, value?: string | string[]) =>
      defaultNames.has(field.toLowerCase()) ? res.set(field, value) : append(field, value);
    next();
  });
  app.use(
    "/assets",
    express.static(path.join(PROJECT_ROOT, "build/client/assets"), {
      immutable: true,
      maxAge: "1y",
    }),
  );
  app.use(express.static(path.join(PROJECT_ROOT, "build/client"), { maxAge: "1h" }));
  app.use((req, res, next) => {
    const allowed = isAllowedRequest({
      method: req.method,
      path: req.path,
      secFetchSite: req.get("Sec-Fetch-Site"),
      origin: req.get("Origin"),
      expectedOrigin: process.env.APP_URL ?? `${req.protocol}://${req.get("host")}`,
    });
    if (allowed) return next();
    res
      .status(403)
      .type("text/plain; charset=utf-8")
      .send(
        "Dit verzoek is geweigerd: het kwam niet van deze website. / This request was refused: it did not come from this website.",
      );
  });
  const handleRequest = createRequestHandler({
    build,
    getLoadContext: (req) => ({ clientIp: req.ip ?? "unknown" }),
  });
  // Public pages for signed-out visitors are rendered once and shared for a few seconds (0029).
  app.use(pageCacheMiddleware(new PageCache({ ttlSeconds: env().PAGE_CACHE_SECONDS })));
  app.all("/{*path}", (req, res, next) =>
    withAuditOrigin({ origin: "web", ip: req.ip }, () =>
      withRequestScope(() => handleRequest(req, res, next)),
    ),
  );

  const server = app.listen(port, host);
  server.on("error", (error: NodeJS.ErrnoException) => {
    void shutdown(
      1,
      error.code === "EADDRINUSE"
        ? `Port ${port} is already in use. Stop the other program or start with PORT=<another port> npm start.`
        : error.message,
    );
  });
  server.on("listening", () => {
    console.log(
      `Buurtagenda runs on http://localhost:${port} (${database!.embedded ? "embedded PostgreSQL in " + (process.env.DATA_DIR ?? ".data") : "DATABASE_URL"}). Stop with Ctrl-C.`,
    );
  });

  let stopping = false;
  async function shutdown(code: number, message?: string) {
    if (stopping) return;
    stopping = true;
    if (message) console.error(`Error: ${message}`);
    // Let requests in flight finish, then close the pool and PostgreSQL (a clean shutdown checkpoint).
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
      setTimeout(resolve, 5000).unref();
    });
    stopImportWorker();
    await stopQueueWorker().catch(() => {});
    await disconnectDb().catch(() => {});
    await database?.stop().catch(() => {});
    process.exit(code);
  }
  onStopSignal(() => void shutdown(0));
}

main().catch(async (error: unknown) => {
  await stopQueue().catch(() => {});
  await database?.stop().catch(() => {});
  if (error instanceof StartupError) fail(error.message);
  console.error(error);
  process.exit(1);
});
