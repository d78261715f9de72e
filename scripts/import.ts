// npm run import -- <file> [--bron "<source label>"] [--jaar <year>]
// Imports one file into DATABASE_URL or the embedded database, with a progress bar and a report:
//   - indicator values in long format (.csv: area_code, indicator_key, value, year[, source]);
//   - CBS Kerncijfers wijken en buurten (.csv as downloaded from StatLine; --jaar when the file
//     name does not hold the CBS table id, e.g. 85984NED);
//   - buurt boundaries (.geojson or .json FeatureCollection).
// The kind of file is recognised from its name and first line (docs/decisions/0010).
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { importFile } from "../app/features/scan/import-file.server";
import { openDatabase } from "../app/shared/database/database-url.server";
import { applyMigrations } from "../app/shared/database/schema-engine.server";
import { disconnectDb } from "../app/shared/db.server";
import { runScript } from "./run-script";

const USAGE =
  'Give a file: npm run import -- cijfers.csv [--bron "Wijkmonitor 2025"] [--jaar 2024] (CSV in long format or CBS Kerncijfers, or buurtgrenzen.geojson)';

function progressBar(done: number, total: number): string {
  const width = 30;
  const share = total ? Math.min(1, done / total) : 0;
  const filled = Math.round(share * width);
  return `[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${Math.round(share * 100)}%`;
}

const KINDS = {
  long: "indicator values (long format)",
  kerncijfers: "CBS Kerncijfers wijken en buurten",
  boundaries: "buurt boundaries (GeoJSON)",
} as const;

await runScript(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { bron: { type: "string" }, jaar: { type: "string" } },
  });
  const file = positionals[0];
  if (!file) throw new Error(USAGE);
  if (!/\.(csv|txt|geojson|json)$/i.test(file)) {
    throw new Error(`Only .csv, .geojson and .json files can be imported. ${USAGE}`);
  }
  let year: number | undefined;
  if (values.jaar !== undefined) {
    if (!/^\d{4}$/.test(values.jaar)) throw new Error("--jaar must be a year, e.g. --jaar 2024");
    year = Number(values.jaar);
  }
  const { size } = await stat(file);
  const database = await openDatabase();
  process.env.DATABASE_URL = database.url;
  try {
    await applyMigrations(database.url);
    const showProgress = process.stderr.isTTY;
    const report = await importFile(createReadStream(file), {
      fileName: path.basename(file),
      defaultSource: values.bron,
      year,
      onProgress: ({ bytesRead }) => {
        if (showProgress) process.stderr.write(`\r${progressBar(bytesRead, size)}`);
      },
    });
    if (showProgress) process.stderr.write(`\r${progressBar(size, size)}\n`);
    if (report.kind) console.log(`File: ${KINDS[report.kind]}`);
    if (report.year !== undefined) console.log(`Year: ${report.year}; source: ${report.source}`);
    if (report.status === "failed") {
      for (const rejection of report.rejected)
        console.log(`  ${where(report.kind)} ${rejection.line}: ${rejection.reason}`);
      throw new Error(`Nothing was imported: ${report.error}`);
    }
    const unit = report.kind === "boundaries" ? "Features" : "Rows";
    console.log(
      `${unit} read: ${report.rowsRead}; inserted: ${report.inserted}; updated: ${report.updated}; unchanged: ${report.unchanged}; missing values: ${report.missing}; rejected: ${report.rejectedCount}`,
    );
    if (report.skippedColumns?.length) {
      console.log(
        `Columns skipped (no known indicator): ${report.skippedColumns.length} — ${report.skippedColumns.slice(0, 20).join(", ")}${report.skippedColumns.length > 20 ? ", …" : ""}`,
      );
    }
    for (const rejection of report.rejected)
      console.log(`  ${where(report.kind)} ${rejection.line}: ${rejection.reason}`);
    if (report.rejectedCount > report.rejected.length) {
      console.log(`  … and ${report.rejectedCount - report.rejected.length} more`);
    }
  } finally {
    await disconnectDb();
    await database.stop();
  }
});

function where(kind: string | undefined): string {
  return kind === "boundaries" ? "feature" : "line";
}
