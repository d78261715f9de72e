// npm run worker: only the background queue (mail, the morning digest, scheduled jobs), for a
// deployment that runs it apart from the web app (which then has QUEUE_WORKER=off). Uses
// DATABASE_URL, or the embedded database when no app runs on it. Ctrl-C / SIGTERM stops it.
import { openDatabase } from "../app/shared/database/database-url.server";
import { applyMigrations } from "../app/shared/database/schema-engine.server";
import { disconnectDb } from "../app/shared/db.server";
import { startQueueWorker, stopQueue } from "../app/shared/queue.server";
import { onStopSignal, runScript } from "./run-script";

await runScript(async () => {
  const database = await openDatabase();
  process.env.DATABASE_URL = database.url;
  try {
    await applyMigrations(database.url);
    const stopQueueWorker = await startQueueWorker();
    console.log(
      `Buurtagenda worker runs (${database.embedded ? "embedded PostgreSQL" : "DATABASE_URL"}). Stop with Ctrl-C.`,
    );
    await new Promise<void>((resolve) => onStopSignal(resolve));
    await stopQueueWorker();
  } finally {
    await stopQueue().catch(() => {});
    await disconnectDb();
    await database.stop();
  }
});
