// npm start: the embedded PostgreSQL (unless DATABASE_URL is set), pending migrations, the demo
// data on first run, then the built app on PORT (default 3000). Ctrl-C / SIGTERM stops it all.
// This primary process keeps the database, the imports and the queue's jobs; WEB_CONCURRENCY
// HTTP worker processes (node:cluster, one per core by default) serve the requests (decision 0034).
import "./react-production";
import cluster, { type Worker } from "node:cluster";
import os from "node:os";
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
import { startImportWorker, wakeImportWorker } from "../app/features/scan/import-jobs.server";
import { queueWorkerInAppProcess, startQueueWorker, stopQueue } from "../app/shared/queue.server";
import { isAllowedRequest } from "../app/shared/csrf";
import { baseSecurityHeaders } from "../app/shared/security-headers";
import { PageCache, pageCacheMiddleware } from "../app/shared/page-cache.server";
import { gzipRenderedResponses } from "../app/shared/content-encoding.server";
import { withRequestScope } from "../app/shared/request-scope.server";
import {
  PAGE_CACHE_CLEARED,
  WAKE_IMPORT_WORKER,
  isProcessMessage,
  tellPrimary,
} from "../app/shared/process-messages";
import { env, isProduction } from "../app/shared/env.server";
import { disconnectDb } from "../app/shared/db.server";
import { assertPortFree } from "./port";
import { onStopSignal } from "./run-script";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
/** How long a worker may take to answer the requests in flight when asked to stop. */
const STOP_GRACE_MS = 5000;

function fail(message: string): never {
  console.error(`Error: ${message}`);
  process.exit(1);
}

/** WEB_CONCURRENCY, or one HTTP worker per core, at most 4 (each has its own database pool). */
function httpWorkerCount(): number {
  const configured = process.env.WEB_CONCURRENCY;
  if (configured === undefined || configured === "") return Math.min(os.availableParallelism(), 4);
  const count = Number(configured);
  if (!Number.isInteger(count) || count < 1 || count > 32)
    fail(`WEB_CONCURRENCY must be a whole number from 1 to 32, not "${configured}".`);
  return count;
}

async function primary() {
  let database: DatabaseHandle | undefined;
  try {
    if (!Number.isInteger(port) || port < 1 || port > 65535)
      fail(`PORT must be a port number, not "${process.env.PORT}".`);
    const workerCount = httpWorkerCount();
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

    let stopping = false;
    let announced = false;
    const listening = new Set<Worker>();
    const fork = () => {
      const worker = cluster.fork();
      worker.on("listening", () => {
        listening.add(worker);
        if (listening.size === workerCount && !announced) {
          announced = true;
          console.log(
            `Buurtagenda runs on http://localhost:${port} (${database!.embedded ? "embedded PostgreSQL in " + (process.env.DATA_DIR ?? ".data") : "DATABASE_URL"}). Stop with Ctrl-C.`,
          );
        }
      });
      worker.on("message", (message: unknown) => {
        if (isProcessMessage(message, WAKE_IMPORT_WORKER)) wakeImportWorker();
        if (isProcessMessage(message, PAGE_CACHE_CLEARED)) {
          for (const other of Object.values(cluster.workers ?? {}))
            if (other && other !== worker && other.isConnected())
              other.send({ type: PAGE_CACHE_CLEARED });
        }
      });
      worker.on("exit", (code, signal) => {
        const wasListening = listening.delete(worker);
        if (stopping) return;
        // A worker that never listened failed at start (its error is printed): give up, clearly.
        if (!wasListening) return void shutdown(code || 1);
        console.error(
          `An HTTP worker stopped (${signal ?? `exit code ${code}`}); starting a new one.`,
        );
        fork();
      });
    };
    for (let i = 0; i < workerCount; i++) fork();

    async function shutdown(code: number) {
      if (stopping) return;
      stopping = true;
      // The workers answer the requests in flight and close their pools, then the jobs, the pool
      // and PostgreSQL stop here (a clean shutdown checkpoint).
      const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.isDead()) return resolve();
              worker.once("exit", () => resolve());
              worker.process.kill("SIGTERM");
              setTimeout(() => {
                worker.process.kill("SIGKILL");
                resolve();
              }, STOP_GRACE_MS * 2).unref();
            }),
        ),
      );
      stopImportWorker();
      await stopQueueWorker().catch(() => {});
      await disconnectDb().catch(() => {});
      await database?.stop().catch(() => {});
      process.exit(code);
    }
    onStopSignal(() => void shutdown(0));
  } catch (error) {
    await stopQueue().catch(() => {});
    await database?.stop().catch(() => {});
    if (error instanceof StartupError) fail(error.message);
    console.error(error);
    process.exit(1);
  }
}

async function httpWorker() {
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
  // Public pages for signed-out visitors are rendered once and shared for a few seconds (0029);
  // a write through any worker clears every worker's copy.
  const pageCache = new PageCache({ ttlSeconds: env().PAGE_CACHE_SECONDS });
  process.on("message", (message: unknown) => {
    if (isProcessMessage(message, PAGE_CACHE_CLEARED)) pageCache.clear();
  });
  app.use(pageCacheMiddleware(pageCache, { onWrite: () => tellPrimary(PAGE_CACHE_CLEARED) }));
  app.all("/{*path}", (req, res, next) =>
    withAuditOrigin({ origin: "web", ip: req.ip }, () =>
      withRequestScope(() => handleRequest(req, res, next)),
    ),
  );

  const server = app.listen(port, host);
  server.on("error", (error: NodeJS.ErrnoException) => {
    console.error(
      `Error: ${
        error.code === "EADDRINUSE"
          ? `Port ${port} is already in use. Stop the other program or start with PORT=<another port> npm start.`
          : error.message
      }`,
    );
    process.exit(1);
  });

  let stopping = false;
  async function stop() {
    if (stopping) return;
    stopping = true;
    // Let requests in flight finish, then close this worker's pool.
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
      setTimeout(resolve, STOP_GRACE_MS).unref();
    });
    await disconnectDb().catch(() => {});
    process.exit(0);
  }
  // Ctrl-C reaches every process of the terminal; the primary sends SIGTERM. Both mean: stop.
  onStopSignal(() => void stop());
  // Without its primary (killed hard) a worker must not linger holding the port.
  process.on("disconnect", () => void stop());
}

if (cluster.isPrimary) void primary();
else
  httpWorker().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
