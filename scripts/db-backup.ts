// npm run db:backup [-- <file>]
// Writes the app's data from DATABASE_URL or the embedded database to a gzipped backup file
// (default .data/backups/buurtagenda-<date>.backup.gz). Runs beside a running app: it reads one
// consistent snapshot. Restore with npm run db:restore (docs/decisions/0025).
import path from "node:path";
import { parseArgs } from "node:util";
import { backupDatabase } from "../app/shared/database/backup.server";
import { dataDir, openDatabase } from "../app/shared/database/database-url.server";
import { runScript } from "./run-script";

await runScript(async () => {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");
  const file = path.resolve(
    positionals[0] ?? path.join(dataDir(), "backups", `buurtagenda-${stamp}.backup.gz`),
  );
  const database = await openDatabase({ shareRunning: true });
  try {
    const summary = await backupDatabase(database.url, file);
    const rows = Object.values(summary.rows).reduce((sum, count) => sum + count, 0);
    const tables = Object.keys(summary.rows).length;
    console.log(`Backup written to ${summary.file}`);
    console.log(`${rows} rows in ${tables} tables; schema at ${summary.migrations.at(-1)}.`);
  } finally {
    await database.stop();
  }
});
process.exit(process.exitCode ?? 0);
