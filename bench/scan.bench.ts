// npm run bench:scan — the buurtscan budgets of issue 4 / ARCHITECTURE.md §7, on a national-size
// synthetic data set in its own embedded PostgreSQL (.data/bench):
//   - import of a long-format file of ≈17,500 areas × 100 indicators: < 60 s, peak RSS < 300 MB;
//   - ranking of all buurten of a gemeente for one indicator: < 50 ms.
// Prints its figures and exits non-zero when a budget is missed. Not part of npm test.
import { createReadStream, createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { once } from "node:events";
import {
  ensureDatabase,
  startEmbeddedCluster,
} from "../app/shared/database/embedded-postgres.server";
import { PROJECT_ROOT, applyMigrations } from "../app/shared/database/schema-engine.server";
import { db, disconnectDb } from "../app/shared/db.server";
import { importFile } from "../app/features/scan/import-file.server";
import { rankingFor } from "../app/features/scan/scan.server";

const GEMEENTEN = 340;
const WIJKEN_PER_GEMEENTE = 10;
const BUURTEN_PER_WIJK = 4;
const INDICATORS = Number(process.env.BENCH_INDICATORS ?? 100);
const BUDGET = { importSeconds: 60, importPeakMb: 300, rankingP95Ms: 50 };

const dataDir = path.join(PROJECT_ROOT, ".data", "bench");
await rm(dataDir, { recursive: true, force: true });
const cluster = await startEmbeddedCluster(dataDir);
let failed = false;
try {
  await ensureDatabase(cluster.urlFor("postgres"), "bench");
  process.env.DATABASE_URL = cluster.urlFor("bench");
  await applyMigrations(process.env.DATABASE_URL);

  console.log(
    `Generating ${GEMEENTEN} gemeenten × ${WIJKEN_PER_GEMEENTE} wijken × ${BUURTEN_PER_WIJK} buurten and ${INDICATORS} indicators…`,
  );
  await db().$executeRawUnsafe(`
    INSERT INTO gemeente (code, year, name, bbox_west, bbox_south, bbox_east, bbox_north, centroid_lon, centroid_lat)
    SELECT 'GM' || (5000 + g), 2024, 'Gemeente ' || g, 4, 52, 5, 53, 4.5, 52.5 FROM generate_series(0, ${GEMEENTEN - 1}) g`);
  await db().$executeRawUnsafe(`
    INSERT INTO wijk (code, year, name, gemeente_code, bbox_west, bbox_south, bbox_east, bbox_north, centroid_lon, centroid_lat)
    SELECT 'WK' || (5000 + g) || lpad(w::text, 2, '0'), 2024, 'Wijk ' || w, 'GM' || (5000 + g), 4, 52, 5, 53, 4.5, 52.5
    FROM generate_series(0, ${GEMEENTEN - 1}) g, generate_series(0, ${WIJKEN_PER_GEMEENTE - 1}) w`);
  await db().$executeRawUnsafe(`
    INSERT INTO buurt (code, year, name, wijk_code, gemeente_code, bbox_west, bbox_south, bbox_east, bbox_north, centroid_lon, centroid_lat)
    SELECT 'BU' || (5000 + g) || lpad(w::text, 2, '0') || lpad(b::text, 2, '0'), 2024, 'Buurt ' || w || '-' || b,
           'WK' || (5000 + g) || lpad(w::text, 2, '0'), 'GM' || (5000 + g), 4, 52, 5, 53, 4.5, 52.5
    FROM generate_series(0, ${GEMEENTEN - 1}) g, generate_series(0, ${WIJKEN_PER_GEMEENTE - 1}) w, generate_series(0, ${BUURTEN_PER_WIJK - 1}) b`);
  await db().$executeRawUnsafe(`
    INSERT INTO indicator (key, label_nl, label_en, unit, direction, source, licence)
    SELECT 'bench_' || lpad(i::text, 3, '0'), 'Indicator ' || i, 'Indicator ' || i, 'percent', 'higher_is_worse', 'bench', 'bench'
    FROM generate_series(1, ${INDICATORS}) i`);
  const areas = await db().$queryRaw<{ code: string }[]>`
    SELECT code FROM gemeente UNION ALL SELECT code FROM wijk UNION ALL SELECT code FROM buurt`;

  // A national-size long-format file, written as a stream.
  const file = path.join(dataDir, "national.csv");
  const out = createWriteStream(file);
  out.write("area_code,indicator_key,value,year,source\n");
  let rows = 0;
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 100;
  for (const { code } of areas) {
    let chunk = "";
    for (let i = 1; i <= INDICATORS; i++) {
      chunk += `${code},bench_${String(i).padStart(3, "0")},${random().toFixed(1)},2024,bench\n`;
      rows++;
    }
    if (!out.write(chunk)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  console.log(
    `File: ${rows.toLocaleString("nl-NL")} rows for ${areas.length.toLocaleString("nl-NL")} areas.`,
  );

  if (process.env.BENCH_SKIP_IMPORT) {
    // Ranking only: load the same values with SQL instead of through the importer.
    await db().$executeRawUnsafe(`
      INSERT INTO indicator_value (area_code, indicator_key, year, value, source)
      SELECT a.code, i.key, 2024, random() * 100, 'bench'
      FROM (SELECT code FROM gemeente UNION ALL SELECT code FROM wijk UNION ALL SELECT code FROM buurt) a, indicator i`);
    console.log("Import: not measured (BENCH_SKIP_IMPORT is set).");
  } else {
    // The same entry point as `npm run import` and the admin upload.
    const measureImport = async () => {
      let peakRss = process.memoryUsage().rss;
      const sampler = setInterval(
        () => (peakRss = Math.max(peakRss, process.memoryUsage().rss)),
        50,
      );
      const started = performance.now();
      const report = await importFile(createReadStream(file), { fileName: "national.csv" });
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      return { report, seconds, peakMb: peakRss / 1024 / 1024 };
    };
    const first = await measureImport();
    console.log(
      `Import: ${first.seconds.toFixed(1)} s (budget < ${BUDGET.importSeconds} s), peak RSS ${first.peakMb.toFixed(0)} MB (budget < ${BUDGET.importPeakMb} MB); inserted ${first.report.inserted}, rejected ${first.report.rejectedCount}`,
    );
    const again = await measureImport();
    console.log(
      `Import again (idempotent): ${again.seconds.toFixed(1)} s, peak RSS ${again.peakMb.toFixed(0)} MB; inserted ${again.report.inserted}, updated ${again.report.updated}, unchanged ${again.report.unchanged}`,
    );
    for (const run of [first, again]) {
      if (
        run.report.status !== "done" ||
        run.seconds > BUDGET.importSeconds ||
        run.peakMb > BUDGET.importPeakMb
      )
        failed = true;
    }
    if (again.report.inserted + again.report.updated !== 0) {
      console.log("The second import changed values; it should not.");
      failed = true;
    }
  }
  await db().$executeRawUnsafe("ANALYZE");
  const timings: number[] = [];
  for (let run = 0; run < 60; run++) {
    const gemeente = `GM${5000 + ((run * 37) % GEMEENTEN)}`;
    const t0 = performance.now();
    const ranking = await rankingFor(
      gemeente,
      `bench_${String((run % INDICATORS) + 1).padStart(3, "0")}`,
    );
    timings.push(performance.now() - t0);
    if (ranking?.ranked.length !== WIJKEN_PER_GEMEENTE * BUURTEN_PER_WIJK)
      throw new Error("Ranking is incomplete");
  }
  const measured = timings.slice(10).sort((a, b) => a - b);
  const p = (q: number) =>
    measured[Math.min(measured.length - 1, Math.floor(q * measured.length))]!;
  console.log(
    `Ranking (${WIJKEN_PER_GEMEENTE * BUURTEN_PER_WIJK} buurten, ${rows.toLocaleString("nl-NL")} values in the table): p50 ${p(0.5).toFixed(1)} ms, p95 ${p(0.95).toFixed(1)} ms (budget p95 < ${BUDGET.rankingP95Ms} ms)`,
  );
  if (p(0.95) > BUDGET.rankingP95Ms) failed = true;
} finally {
  await disconnectDb();
  await cluster.stop();
  await rm(dataDir, { recursive: true, force: true });
}
console.log(failed ? "A budget was missed." : "All budgets met.");
process.exit(failed ? 1 : 0);
