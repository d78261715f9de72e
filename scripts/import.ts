// npm run import -- <file.csv> [--bron "<source label>"]
// Imports indicator values in long format (area_code, indicator_key, value, year[, source]) into
// DATABASE_URL or the embedded database, with a progress bar and a report.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { importLongFormat } from "../app/features/scan/indicator-import.server";
import { openDatabase } from "../app/shared/database/database-url.server";
import { applyMigrations } from "../app/shared/database/schema-engine.server";
import { disconnectDb } from "../app/shared/db.server";
import { runScript } from "./run-script";

function progressBar(done: number, total: number): string {
  const width = 30;
  const share = total ? Math.min(1, done / total) : 0;
  const filled = Math.round(share * width);
  return `[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${Math.round(share * 100)}%`;
}

await runScript(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { bron: { type: "string" } },
  });
  const file = positionals[0];
  if (!file)
    throw new Error('Give a file: npm run import -- cijfers.csv [--bron "Wijkmonitor 2025"]');
  if (!file.toLowerCase().endsWith(".csv")) {
    throw new Error(
      "Only CSV files in long format (area_code, indicator_key, value, year, source) can be imported so far.",
    );
  }
  const { size } = await stat(file);
  const database = await openDatabase();
  process.env.DATABASE_URL = database.url;
  try {
    await applyMigrations(database.url);
    let bytesRead = 0;
    async function* counted() {
      for await (const chunk of createReadStream(file!)) {
        bytesRead += (chunk as Buffer).length;
        if (process.stderr.isTTY) process.stderr.write(`\r${progressBar(bytesRead, size)}`);
        yield chunk as Buffer;
      }
    }
    const report = await importLongFormat(counted(), { defaultSource: values.bron });
    if (process.stderr.isTTY) process.stderr.write(`\r${progressBar(size, size)}\n`);
    if (report.status === "failed") {
      throw new Error(`Nothing was imported: ${report.error}`);
    }
    console.log(
      `Rows read: ${report.rowsRead}; inserted: ${report.inserted}; updated: ${report.updated}; unchanged: ${report.unchanged}; missing values: ${report.missing}; rejected: ${report.rejectedCount}`,
    );
    for (const rejection of report.rejected)
      console.log(`  line ${rejection.line}: ${rejection.reason}`);
    if (report.rejectedCount > report.rejected.length) {
      console.log(`  … and ${report.rejectedCount - report.rejected.length} more`);
    }
  } finally {
    await disconnectDb();
    await database.stop();
  }
});
