// npm run dev: the embedded database (or DATABASE_URL), migrations and demo data as in npm start,
// then React Router's dev server with hot reload on PORT (default 5173).
import { spawn } from "node:child_process";
import { openDatabase } from "../app/shared/database/database-url.server";
import { applyMigrations } from "../app/shared/database/schema-engine.server";
import { isSeeded, seedDatabase } from "../app/shared/database/seed.server";
import { disconnectDb } from "../app/shared/db.server";
import { startImportWorker } from "../app/features/scan/import-jobs.server";
import { queueWorkerInAppProcess, startQueueWorker, stopQueue } from "../app/shared/queue.server";
import { onStopSignal, runScript } from "./run-script";

await runScript(async () => {
  const database = await openDatabase();
  process.env.DATABASE_URL = database.url;
  await applyMigrations(database.url);
  if (!(await isSeeded())) await seedDatabase();
  // The dev server runs in a child process; uploads are imported here, in the parent.
  const stopImportWorker = await startImportWorker();
  // Mail and scheduled jobs run here too (the dev server's process only queues them).
  const stopQueueWorker = queueWorkerInAppProcess() ? await startQueueWorker() : stopQueue;
  const port = process.env.PORT ?? "5173";
  const child = spawn("npx", ["react-router", "dev", "--port", port], {
    stdio: "inherit",
    env: process.env,
  });
  onStopSignal(() => child.kill("SIGTERM"));
  await new Promise((resolve) => child.on("exit", resolve));
  stopImportWorker();
  await stopQueueWorker();
  await disconnectDb();
  await database.stop();
});
