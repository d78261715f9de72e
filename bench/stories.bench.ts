// npm run bench:stories — the stories budget of issue 5 / ARCHITECTURE.md §7: the published-story
// list and map of one buurtagenda, the buurt page and the moderation queue, with 100,000 stories
// in the database, over real HTTP against the production build (build/server/index.js, started
// with scripts/start.ts), 32 concurrent clients: p95 < 100 ms and no errors.
//
// Its own embedded PostgreSQL under .data/bench-stories: the real demo territory and accounts
// (seedDatabase without demo stories), synthetic national territory (≈14,400 buurten), one
// Heemstede buurtagenda (De Glip + Glipper Dreef) and 100,000 stories spread over the country
// with SQL generate_series. pg_stat_statements is loaded so each scenario can say which queries
// took the database's time. Prints a table and exits non-zero on a miss. Not part of npm test.
//
// Environment: BENCH_REQUESTS (per scenario, default 1000), BENCH_CONCURRENCY (default 32),
// BENCH_KEEP_DATA=1 keeps .data/bench-stories after the run (for EXPLAIN by hand),
// BENCH_THINK_MS (default 0) lets each client pause that long between its requests, like a person
// reading the page: with 32 clients and 1000 ms the load is about 32 requests a second.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import {
  ensureDatabase,
  freePort,
  startEmbeddedCluster,
  type EmbeddedCluster,
} from "../app/shared/database/embedded-postgres.server";
import { PROJECT_ROOT, applyMigrations } from "../app/shared/database/schema-engine.server";
import { seedDatabase } from "../app/shared/database/seed.server";
import { startAgenda } from "../app/features/agenda/agenda.server";
import { db, disconnectDb } from "../app/shared/db.server";

const BUDGET_P95_MS = 100;
const TOTAL_STORIES = 100_000;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 0);
const WARMUP_REQUESTS = Math.max(2 * CONCURRENCY, 64);
const SINGLE_CLIENT_REQUESTS = 30;
const SCENARIO_TIME_LIMIT_MS = 120_000;
const REQUEST_TIMEOUT_MS = 30_000;
const SYNTHETIC_GEMEENTEN = 339; // + the 3 real ones ≈ 342 gemeenten
const SYNTHETIC_WIJKEN_PER_GEMEENTE = 10;
const SYNTHETIC_BUURTEN_PER_GEMEENTE = 42; // 339 × 42 + 162 real ≈ 14,400 buurten
const GLIPPER_DREEF = "BU03970101";
const DE_GLIP = "BU03970100";
const PLATFORM_EMAIL = "buurtplatform@demo.buurtagenda.nl";
const DEMO_PASSWORD = "buurtagenda-demo";

const TITLES = [
  "Donker pad naar de bushalte",
  "Te hard rijden",
  "Geen plek om elkaar te zien",
  "Speeltuin",
  "Alleen thuis",
  "Zwerfvuil bij de containers",
  "Stoep niet te doen met rollator",
  "Hangjongeren bij het winkelcentrum",
  "Mooi initiatief",
  "Groen in de straat",
  "Fietsen op de stoep",
  "Geen huis te vinden",
  "Energierekening",
  "De buurtbus",
  "Ons plein",
  "Wat ik mis",
];

const SENTENCES = [
  "Het pad van de hoofdweg naar de bushalte is 's avonds heel donker.",
  "Ik loop er niet graag alleen, zeker niet in de winter.",
  "Op onze straat wordt vaak te hard gereden, ook als de school uitgaat.",
  "Sinds het buurthuis dicht is, zie ik mijn buren bijna niet meer.",
  "De speeltuin achter de flat is oud en de kinderen spelen nu op straat.",
  "Bij de containers ligt elke week weer afval naast de bakken.",
  "Met mijn rollator kom ik de stoep niet op, de randen zijn te hoog.",
  "'s Avonds hangen er jongeren bij het winkelcentrum en dat voelt onveilig.",
  "Een paar buren zijn samen een moestuin begonnen, dat is echt leuk.",
  "Er zijn bijna geen bomen in onze straat; in de zomer is het er heet.",
  "Fietsers rijden op de stoep omdat het fietspad kapot is.",
  "Mijn kinderen kunnen hier geen betaalbaar huis vinden.",
  "De energierekening is zo hoog dat we de verwarming laag zetten.",
  "Sinds de buurtbus niet meer rijdt, kom ik moeilijk bij de huisarts.",
  "Het plein is mooi opgeknapt, maar er staat geen bankje.",
  "Ik mis de bibliotheek, daar kwam ik iedere week.",
  "Onder het viaduct is het donker en er ligt vaak glas.",
  "De buren helpen elkaar, vooral sinds de storm van vorig jaar.",
  "Er is veel overlast van geparkeerde auto's op de stoep.",
  "Ik ben na mijn pensioen veel alleen en ken weinig mensen hier.",
  "De school zoekt vrijwilligers voor het voorleesuur.",
  "Het is lastig om werk te vinden als je de taal nog leert.",
  "In de flat is het vaak vochtig en er zit schimmel in de badkamer.",
  "De straatverlichting bij het park doet het al maanden niet.",
];

const sqlArray = (values: string[]) =>
  `ARRAY[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ")}]`;

const TICK_MS = 10; // USER_HZ is 100 on Linux

const dataDir = path.join(PROJECT_ROOT, ".data", "bench-stories");
const appDataDir = path.join(PROJECT_ROOT, ".data", "bench-stories-app");

if (!existsSync(path.join(PROJECT_ROOT, "build/server/index.js"))) {
  console.error("Error: build/server/index.js is missing: run npm run build first.");
  process.exit(2);
}

console.log(`Machine: ${os.cpus().length} cores, load average ${loadAverage()} (before).`);
await rm(dataDir, { recursive: true, force: true });
await rm(appDataDir, { recursive: true, force: true });

let cluster: EmbeddedCluster | undefined;
let server: ChildProcess | undefined;
let serverOutput = "";
let failed = false;

const clients = new Set<pg.Client>();
/** A pg client that is closed on clean-up, also after a failure. */
function client(connectionString: string) {
  const c = new pg.Client({ connectionString });
  c.on("error", () => {});
  clients.add(c);
  return c;
}

async function cleanUp() {
  for (const c of clients) await c.end().catch(() => {});
  clients.clear();
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    const timer = setTimeout(() => server?.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  }
  await disconnectDb().catch(() => {});
  await cluster?.stop().catch(() => {});
  cluster = undefined;
}
process.on("SIGINT", () => void cleanUp().then(() => process.exit(130)));

try {
  // ─── Database: real demo data, national territory, 100,000 stories ──────────────────────────
  cluster = await startEmbeddedCluster(dataDir);
  await ensureDatabase(cluster.urlFor("postgres"), "bench");
  process.env.DATABASE_URL = cluster.urlFor("bench");
  await applyMigrations(process.env.DATABASE_URL);
  process.env.CBS_DATA_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");
  let t0 = performance.now();
  const seed = await seedDatabase({ demoStories: false });
  console.log(
    `Seeded the demo data in ${seconds(t0)} s: ${seed.territory.map((t) => `${t.gemeente} (${t.buurten} buurten)`).join(", ")}; ${seed.demoAccounts} demo accounts.`,
  );

  const userId = async (email: string) =>
    (await db().user.findUniqueOrThrow({ where: { email } })).id;
  const gemeenteUser = await userId("gemeente@demo.buurtagenda.nl");
  const platformUser = await userId(PLATFORM_EMAIL);
  const year = (await db().buurt.findFirstOrThrow({ where: { code: GLIPPER_DREEF } })).year;
  const agendaId = await startAgenda(
    gemeenteUser,
    {
      title: "De Glip en Glipper Dreef",
      publicDescription: "Samen werken aan een fijne buurt.",
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
      buurtCodes: [DE_GLIP, GLIPPER_DREEF],
    },
    { gemeenteCode: "GM0397", year },
  );

  const sql = client(process.env.DATABASE_URL);
  await sql.connect();
  t0 = performance.now();
  await generateTerritory(sql, year);
  await generateStories(sql, { year, agendaId, platformUser });
  await sql.query("VACUUM ANALYZE");
  const counts = (
    await sql.query<Record<string, number>>(`
      SELECT (SELECT count(*) FROM buurt)::int AS buurten,
             (SELECT count(*) FROM story)::int AS stories,
             (SELECT count(*) FROM story WHERE status = 'published')::int AS published,
             (SELECT count(*) FROM story WHERE status = 'submitted')::int AS submitted,
             (SELECT count(*) FROM story WHERE buurt_code IN ('${DE_GLIP}', '${GLIPPER_DREEF}'))::int AS agenda,
             (SELECT count(*) FROM story WHERE buurt_code IN ('${DE_GLIP}', '${GLIPPER_DREEF}') AND status = 'published' AND lon IS NOT NULL)::int AS agenda_pins,
             (SELECT count(*) FROM story WHERE buurt_code LIKE 'BU039701%' AND status = 'submitted')::int AS queue_submitted,
             (SELECT count(DISTINCT r.story_id) FROM story_report r JOIN story s ON s.id = r.story_id
               WHERE s.buurt_code LIKE 'BU039701%' AND s.status = 'published' AND r.handled_at IS NULL)::int AS queue_reported,
             (SELECT count(*) FROM story_theme)::int AS themes,
             (SELECT count(*) FROM story_reaction)::int AS reactions,
             (SELECT count(*) FROM story_report)::int AS reports`)
  ).rows[0]!;
  await sql.end();
  console.log(
    `Generated in ${seconds(t0)} s: ${fmt(counts.buurten!)} buurten; ${fmt(counts.stories!)} stories (${fmt(counts.published!)} published, ${fmt(counts.submitted!)} waiting), ` +
      `${fmt(counts.themes!)} story themes, ${fmt(counts.reactions!)} reactions, ${fmt(counts.reports!)} reports. ` +
      `The agenda's 2 buurten: ${fmt(counts.agenda!)} stories, ${fmt(counts.agenda_pins!)} published pins; ` +
      `the platform member's queue (wijk WK039701): ${fmt(counts.queue_submitted!)} submitted + ${fmt(counts.queue_reported!)} reported.`,
  );
  await disconnectDb();

  // pg_stat_statements needs a restart of the cluster (shared_preload_libraries).
  {
    const admin = client(cluster.urlFor("postgres"));
    await admin.connect();
    await admin.query("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
    await admin.end();
    await cluster.stop();
    cluster = await startEmbeddedCluster(dataDir);
    process.env.DATABASE_URL = cluster.urlFor("bench");
  }
  const stats = client(process.env.DATABASE_URL);
  await stats.connect();
  await stats.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  const postmasterPid = Number(
    readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0],
  );

  // ─── The production server ──────────────────────────────────────────────────────────────────
  const port = (await isPortFree(3290)) ? 3290 : await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: appDataDir,
  };
  delete env.NODE_ENV;
  server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (chunk: Buffer) => (serverOutput += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (serverOutput += chunk.toString()));
  await waitForServer(origin);
  const serverPid = server.pid!;
  console.log(`Server: node --import tsx scripts/start.ts on ${origin} (pid ${serverPid}).`);

  const platformCookie = await signIn(origin, PLATFORM_EMAIL);
  const agendaPath = `/buurtagenda/${agendaId}`;
  const scenarios: Scenario[] = [
    { name: "buurtagenda page", path: agendaPath },
    { name: "  ?buurt=BU03970101", path: `${agendaPath}?buurt=${GLIPPER_DREEF}` },
    { name: "  ?zoek=donker", path: `${agendaPath}?zoek=donker` },
    { name: "  ?pagina=3", path: `${agendaPath}?pagina=3` },
    { name: "  signed in (platform)", path: agendaPath, cookie: platformCookie },
    { name: "  .data (client navigation)", path: `${agendaPath}.data`, main: false },
    { name: "  map pins (GeoJSON)", path: `${agendaPath}/kaartpunten` },
    { name: "buurt page BU03970101", path: `/buurt/${GLIPPER_DREEF}` },
    { name: "moderation queue (platform)", path: "/moderatie", cookie: platformCookie },
    // Calibration: a page without stories shows what this machine and harness allow at all.
    { name: "reference: /toegankelijkheid", path: "/toegankelijkheid", main: false },
  ];

  const results: Result[] = [];
  for (const scenario of scenarios) {
    const size = await responseSize(origin, scenario);
    if (size.status !== 200) {
      console.log(
        `${scenario.name.trim()}: GET ${scenario.path} answered ${size.status}; not measured.`,
      );
      results.push({ scenario, size, single: [], loaded: emptyRun(), cpu: null, top: [] });
      failed = true;
      continue;
    }
    await runLoad(origin, scenario, WARMUP_REQUESTS, CONCURRENCY);
    const single = (await runLoad(origin, scenario, SINGLE_CLIENT_REQUESTS, 1)).latencies;
    await stats.query("SELECT pg_stat_statements_reset()");
    const before = cpuSnapshot(serverPid, postmasterPid);
    const loaded = await runLoad(origin, scenario, REQUESTS, CONCURRENCY);
    const cpu = cpuDelta(
      before,
      cpuSnapshot(serverPid, postmasterPid),
      loaded.latencies.length + loaded.errors,
    );
    const top = (
      await stats.query<TopQuery>(`
        SELECT calls::int, total_exec_time AS total_ms, mean_exec_time AS mean_ms, rows::int,
               regexp_replace(query, '\\s+', ' ', 'g') AS query
        FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND query NOT ILIKE '%pg_stat_statements%'
        ORDER BY total_exec_time DESC`)
    ).rows;
    results.push({ scenario, size, single, loaded, cpu, top });
    const p95 = percentile(loaded.latencies, 0.95);
    console.log(
      `  measured ${scenario.name.trim()}: ${loaded.latencies.length} requests in ${(loaded.wallMs / 1000).toFixed(1)} s, p95 ${p95.toFixed(0)} ms`,
    );
  }
  await stats.end();

  // ─── Report ─────────────────────────────────────────────────────────────────────────────────
  console.log(
    `\n${REQUESTS} requests per scenario, ${CONCURRENCY} concurrent clients${THINK_MS ? `, each pausing ${THINK_MS} ms between requests` : ""} (after ${WARMUP_REQUESTS} warm-up), 127.0.0.1, Accept-Encoding gzip/br; ` +
      `"1 client" = ${SINGLE_CLIENT_REQUESTS} sequential requests; each scenario stops after ${SCENARIO_TIME_LIMIT_MS / 1000} s, a request after ${REQUEST_TIMEOUT_MS / 1000} s. ` +
      `Budget: p95 < ${BUDGET_P95_MS} ms, no errors. (With ${CONCURRENCY} clients in a closed loop, p50 ≈ ${CONCURRENCY} / throughput: the budget needs ≳ ${Math.round(CONCURRENCY / (BUDGET_P95_MS / 1000))} req/s.)\n`,
  );
  const header = [
    "scenario",
    "req/s",
    "p50 ms",
    "p95 ms",
    "max ms",
    "done",
    "errors",
    "1 client p50",
    "size (wire)",
    "server CPU/req",
    "PG CPU/req",
    "DB exec/req",
    "budget",
  ];
  const rows = results.map(({ scenario, size, single, loaded, cpu, top }) => {
    const n = loaded.latencies.length;
    const p95 = percentile(loaded.latencies, 0.95);
    const errors = loaded.errors;
    const issued = n + errors;
    const missed = n === 0 || errors > 0 || issued < REQUESTS || p95 >= BUDGET_P95_MS;
    if (missed && scenario.main !== false) failed = true;
    const dbMs = top.reduce((sum, q) => sum + q.total_ms, 0);
    return [
      scenario.name,
      n ? ((n / loaded.wallMs) * 1000).toFixed(0) : "-",
      n ? percentile(loaded.latencies, 0.5).toFixed(0) : "-",
      n ? p95.toFixed(0) : "-",
      n ? Math.max(...loaded.latencies).toFixed(0) : "-",
      `${issued}/${REQUESTS}`,
      String(errors),
      single.length ? percentile(single, 0.5).toFixed(0) : "-",
      `${kb(size.bodyBytes)} (${kb(size.wireBytes)} ${size.encoding})`,
      cpu ? `${cpu.serverMs.toFixed(1)} ms` : "-",
      cpu ? `${cpu.postgresMs.toFixed(1)} ms` : "-",
      issued ? `${(dbMs / issued).toFixed(1)} ms` : "-",
      missed ? (scenario.main === false ? "miss (info)" : "MISS") : "ok",
    ];
  });
  printTable(header, rows);
  const machine = results.filter((r) => r.cpu).map((r) => r.cpu!.machineBusyPct);
  if (machine.length)
    console.log(
      `\nMachine CPU busy during the measured runs: ${Math.min(...machine).toFixed(0)}–${Math.max(...machine).toFixed(0)} % of ${os.cpus().length} cores (server, PostgreSQL, this client and everything else on the machine).`,
    );

  console.log("\nDatabase time per scenario (pg_stat_statements, measured runs; top 5 by total):");
  for (const { scenario, loaded, top } of results) {
    const n = loaded.latencies.length + loaded.errors;
    if (!n) continue;
    console.log(`  ${scenario.name.trim()} (${scenario.path}):`);
    for (const q of top.slice(0, 5)) {
      console.log(
        `    ${(q.total_ms / n).toFixed(2).padStart(6)} ms/req  mean ${q.mean_ms.toFixed(2).padStart(6)} ms  ${(q.calls / n).toFixed(1)}×/req  ${q.query.slice(0, 150)}`,
      );
    }
  }
  if (results.some((r) => r.loaded.errors > 0)) {
    console.log("\nErrors (first per scenario):");
    for (const r of results)
      if (r.loaded.firstError) console.log(`  ${r.scenario.name.trim()}: ${r.loaded.firstError}`);
  }
} catch (error) {
  failed = true;
  console.error(error);
  if (serverOutput) console.error(`Server output:\n${serverOutput.slice(-4000)}`);
} finally {
  await cleanUp();
  await rm(appDataDir, { recursive: true, force: true });
  if (process.env.BENCH_KEEP_DATA) console.log(`Kept the database in ${dataDir}.`);
  else await rm(dataDir, { recursive: true, force: true });
}
console.log(`Load average ${loadAverage()} (after).`);
console.log(failed ? "A budget was missed." : "All budgets met.");
process.exit(failed ? 1 : 0);

// ─── Data generation ──────────────────────────────────────────────────────────────────────────

async function generateTerritory(sql: pg.Client, year: number) {
  const box = "4, 52, 5, 53, 4.5, 52.5";
  await sql.query(`
    INSERT INTO gemeente (code, year, name, bbox_west, bbox_south, bbox_east, bbox_north, centroid_lon, centroid_lat)
    SELECT 'GM' || (5000 + g), ${year}, 'Gemeente ' || g, ${box}
    FROM generate_series(0, ${SYNTHETIC_GEMEENTEN - 1}) g`);
  await sql.query(`
    INSERT INTO wijk (code, year, name, gemeente_code, bbox_west, bbox_south, bbox_east, bbox_north, centroid_lon, centroid_lat)
    SELECT 'WK' || (5000 + g) || lpad(w::text, 2, '0'), ${year}, 'Wijk ' || w, 'GM' || (5000 + g), ${box}
    FROM generate_series(0, ${SYNTHETIC_GEMEENTEN - 1}) g, generate_series(0, ${SYNTHETIC_WIJKEN_PER_GEMEENTE - 1}) w`);
  // Each synthetic buurt a small square somewhere in the country, so pins fall inside its box.
  await sql.query(`
    INSERT INTO buurt (code, year, name, wijk_code, gemeente_code, bbox_west, bbox_south, bbox_east, bbox_north, centroid_lon, centroid_lat)
    SELECT 'BU' || (5000 + g) || lpad((b % ${SYNTHETIC_WIJKEN_PER_GEMEENTE})::text, 2, '0') || lpad(b::text, 2, '0'),
           ${year}, 'Buurt ' || g || '-' || b,
           'WK' || (5000 + g) || lpad((b % ${SYNTHETIC_WIJKEN_PER_GEMEENTE})::text, 2, '0'), 'GM' || (5000 + g),
           x, y, x + 0.01, y + 0.01, x + 0.005, y + 0.005
    FROM generate_series(0, ${SYNTHETIC_GEMEENTEN - 1}) g, generate_series(0, ${SYNTHETIC_BUURTEN_PER_GEMEENTE - 1}) b,
         LATERAL (SELECT 3.4 + (g % 20) * 0.18 + (b % 7) * 0.02 AS x, 50.8 + (g / 20) * 0.15 + (b / 7) * 0.02 AS y) xy`);
}

async function generateStories(
  sql: pg.Client,
  { year, agendaId, platformUser }: { year: number; agendaId: string; platformUser: string },
) {
  await sql.query("SELECT setseed(0.42)");
  await sql.query(`
    CREATE TEMP TABLE plan (buurt_code text, gemeente_code text, west float8, south float8,
                            east float8, north float8, in_agenda boolean)`);
  // Stories per group of buurten; within a group, some buurten get many more than others.
  const groups: [where: string, count: number, skew: number][] = [
    [`code = '${GLIPPER_DREEF}'`, 4000, 1],
    [`code = '${DE_GLIP}'`, 3000, 1],
    [`code = 'BU03970102'`, 1000, 1],
    [`gemeente_code = 'GM0397' AND code NOT LIKE 'BU039701%'`, 2000, 1.5],
    [`gemeente_code IN ('GM0392', 'GM1883')`, 6000, 1.5],
    [`code LIKE 'BU5%'`, 0, 2],
  ];
  groups[groups.length - 1]![1] = TOTAL_STORIES - groups.reduce((sum, g) => sum + g[1], 0);
  for (const [where, count, skew] of groups) {
    await sql.query(`
      CREATE TEMP TABLE pick AS
      SELECT (row_number() OVER (ORDER BY code) - 1)::int AS idx, code, gemeente_code,
             bbox_west, bbox_south, bbox_east, bbox_north
      FROM buurt WHERE year = ${year} AND ${where}`);
    await sql.query(`
      INSERT INTO plan
      SELECT p.code, p.gemeente_code, p.bbox_west, p.bbox_south, p.bbox_east, p.bbox_north,
             p.code IN ('${DE_GLIP}', '${GLIPPER_DREEF}')
      FROM (SELECT floor(power(random(), ${skew}) * (SELECT count(*) FROM pick))::int AS idx
            FROM generate_series(1, ${count})) r
      JOIN pick p USING (idx)`);
    await sql.query("DROP TABLE pick");
  }

  // One draw per story, so the text and its fingerprint agree.
  await sql.query(`
    CREATE TEMP TABLE draw AS
    SELECT p.*,
      random() AS r_status, random() AS r_channel, random() AS r_time, random() AS r_pin,
      random() AS r_name, random() AS r_consent,
      CASE WHEN random() < 0.7 THEN (${sqlArray(TITLES)})[1 + floor(random() * ${TITLES.length})::int] ELSE '' END AS title,
      (${sqlArray(SENTENCES)})[1 + floor(random() * ${SENTENCES.length})::int] || ' ' ||
      (${sqlArray(SENTENCES)})[1 + floor(random() * ${SENTENCES.length})::int] ||
      CASE WHEN random() < 0.5 THEN ' ' || (${sqlArray(SENTENCES)})[1 + floor(random() * ${SENTENCES.length})::int] ELSE '' END AS text,
      random() AS px, random() AS py
    FROM (SELECT *, row_number() OVER () AS n FROM plan) p`);
  await sql.query(`
    INSERT INTO story (id, gemeente_code, buurt_code, agenda_id, title, text, lon, lat, channel,
      teller_id, teller_name, show_name, consent_publish, consent_quote, recorded_by_id, status,
      rejection_reason, text_fingerprint, moderated_by_id, moderated_at, is_demo, created_at, updated_at)
    SELECT gen_random_uuid(), gemeente_code, buurt_code,
      CASE WHEN in_agenda AND channel IN ('walk', 'meeting') THEN '${agendaId}'::uuid END,
      title, text,
      CASE WHEN r_pin < 0.5 THEN west + px * (east - west) END,
      CASE WHEN r_pin < 0.5 THEN south + py * (north - south) END,
      channel::story_channel,
      CASE WHEN channel = 'online' THEN md5('teller' || (n % 25000))::uuid END,
      CASE WHEN r_name < 0.3 THEN (ARRAY['Fatima', 'Kees', 'Anna', 'Mohamed', 'Els', 'Joris'])[1 + (n % 6)::int] ELSE '' END,
      r_name < 0.3,
      status = 'published' OR r_consent < 0.9,
      r_consent < 0.7,
      CASE WHEN channel <> 'online' THEN '${platformUser}'::uuid END,
      status::story_status,
      CASE WHEN status = 'rejected' THEN (ARRAY['personal_data', 'offensive', 'not_about_area', 'advertising', 'duplicate', 'other'])[1 + (n % 6)::int]::rejection_reason END,
      encode(sha256(convert_to(lower(text), 'UTF8')), 'hex'),
      CASE WHEN status IN ('published', 'rejected') THEN '${platformUser}'::uuid END,
      CASE WHEN status IN ('published', 'rejected') THEN created_at + interval '1 day' END,
      false, created_at, created_at
    FROM (
      SELECT d.*,
        CASE WHEN r_status < 0.86 THEN 'published' WHEN r_status < 0.90 THEN 'submitted'
             WHEN r_status < 0.96 THEN 'rejected' ELSE 'withdrawn' END AS status,
        CASE WHEN r_channel < 0.6 THEN 'online' WHEN r_channel < 0.72 THEN 'interview'
             WHEN r_channel < 0.86 THEN 'walk' WHEN r_channel < 0.95 THEN 'meeting' ELSE 'survey' END AS channel,
        now() - CASE WHEN r_status >= 0.86 AND r_status < 0.90 THEN r_time * interval '45 days'
                     ELSE r_time * interval '730 days' END AS created_at
      FROM draw d) s`);
  await sql.query("DROP TABLE draw; DROP TABLE plan");

  // Themes: one to three per story.
  await sql.query(`
    WITH k AS (SELECT array_agg(key ORDER BY sort_order) AS keys, count(*)::int AS n FROM theme)
    INSERT INTO story_theme (story_id, theme_key)
    SELECT s.id, k.keys[1 + (abs(hashtext(s.id::text || t)) % k.n)]
    FROM story s, k, LATERAL (VALUES ('a'), ('b'), ('c')) v(t)
    WHERE t = 'a' OR (t = 'b' AND abs(hashtext(s.id::text)) % 2 = 0)
       OR (t = 'c' AND abs(hashtext(s.id::text)) % 7 = 0)
    ON CONFLICT DO NOTHING`);
  // "Herkenbaar" on about a third of the published stories, a few on some, many on a few.
  await sql.query(`
    INSERT INTO story_reaction (story_id, user_id, created_at)
    SELECT s.id, md5('resident' || (abs(hashtext(s.id::text)) + g.k) % 50000)::uuid, s.created_at + interval '2 days'
    FROM (SELECT id, created_at,
                 CASE WHEN random() < 0.33 THEN 1 + floor(power(random(), 3) * 40)::int ELSE 0 END AS reactions
          FROM story WHERE status = 'published') s,
         generate_series(1, s.reactions) g(k)
    ON CONFLICT DO NOTHING`);
  // The platform member found some of the agenda's stories recognisable too.
  await sql.query(`
    INSERT INTO story_reaction (story_id, user_id)
    SELECT id, '${platformUser}'::uuid FROM story
    WHERE buurt_code IN ('${DE_GLIP}', '${GLIPPER_DREEF}') AND status = 'published' AND random() < 0.05
    ON CONFLICT DO NOTHING`);
  // Reports on a few published stories; most already handled.
  await sql.query(`
    INSERT INTO story_report (id, story_id, reporter_id, reason, created_at, handled_at)
    SELECT gen_random_uuid(), id, md5('reporter' || id)::uuid, 'Hier staat een naam in.',
           created_at + interval '3 days',
           CASE WHEN random() < 0.6 THEN created_at + interval '4 days' END
    FROM story WHERE status = 'published' AND random() < 0.006`);
}

// ─── Load ─────────────────────────────────────────────────────────────────────────────────────

interface Scenario {
  name: string;
  path: string;
  cookie?: string;
  /** false: printed for information, not held to the budget. */
  main?: boolean;
}
interface Run {
  latencies: number[];
  errors: number;
  wallMs: number;
  firstError: string | null;
}
interface TopQuery {
  calls: number;
  total_ms: number;
  mean_ms: number;
  rows: number;
  query: string;
}
interface Result {
  scenario: Scenario;
  size: { status: number; bodyBytes: number; wireBytes: number; encoding: string };
  single: number[];
  loaded: Run;
  cpu: ReturnType<typeof cpuDelta> | null;
  top: TopQuery[];
}

function emptyRun(): Run {
  return { latencies: [], errors: 0, wallMs: 0, firstError: null };
}

function headersFor(scenario: Scenario): Record<string, string> {
  return {
    "Accept-Encoding": "gzip, deflate, br",
    Accept: scenario.path.includes(".data")
      ? "*/*"
      : "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Language": "nl-NL,nl;q=0.9",
    ...(scenario.cookie ? { Cookie: scenario.cookie } : {}),
  };
}

/** `count` requests by `clients` concurrent loops, bounded in time; latency includes the body. */
async function runLoad(
  origin: string,
  scenario: Scenario,
  count: number,
  clients: number,
): Promise<Run> {
  const run = emptyRun();
  const headers = headersFor(scenario);
  const started = performance.now();
  let issued = 0;
  const loop = async () => {
    while (issued < count && performance.now() - started < SCENARIO_TIME_LIMIT_MS) {
      issued++;
      const t = performance.now();
      try {
        const response = await fetch(origin + scenario.path, {
          headers,
          redirect: "manual",
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        await response.arrayBuffer();
        const ms = performance.now() - t;
        if (response.status === 200) run.latencies.push(ms);
        else {
          run.errors++;
          run.firstError ??= `HTTP ${response.status}`;
        }
      } catch (error) {
        run.errors++;
        run.firstError ??= String(error);
      }
      // Only the loaded runs think; the single-client run measures one request after another.
      if (THINK_MS > 0 && clients > 1) await new Promise((r) => setTimeout(r, THINK_MS));
    }
  };
  await Promise.all(Array.from({ length: clients }, loop));
  run.wallMs = performance.now() - started;
  return run;
}

/** The size of one response: decoded, and as sent over the wire with the negotiated encoding. */
function responseSize(origin: string, scenario: Scenario): Promise<Result["size"]> {
  return new Promise((resolve, reject) => {
    const request = http.get(origin + scenario.path, { headers: headersFor(scenario) }, (res) => {
      let wireBytes = 0;
      res.on("data", (chunk: Buffer) => (wireBytes += chunk.length));
      res.on("end", () => {
        void fetch(origin + scenario.path, { headers: headersFor(scenario), redirect: "manual" })
          .then(async (r) => ({ status: r.status, body: await r.arrayBuffer() }))
          .then(({ status, body }) =>
            resolve({
              status: res.statusCode === 200 ? status : (res.statusCode ?? 0),
              bodyBytes: body.byteLength,
              wireBytes,
              encoding: String(res.headers["content-encoding"] ?? "identity"),
            }),
          )
          .catch(reject);
      });
    });
    request.on("error", reject);
  });
}

async function waitForServer(origin: string) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server!.exitCode !== null) throw new Error(`The server exited (${server!.exitCode}).`);
    try {
      const response = await fetch(`${origin}/`, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("The server did not answer within 180 s.");
}

/** Signs in through the real form, as a browser without JavaScript does; returns the cookie. */
async function signIn(origin: string, email: string): Promise<string> {
  const response = await fetch(`${origin}/inloggen`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: origin,
      "Sec-Fetch-Site": "same-origin",
    },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, redirectTo: "" }),
  });
  await response.arrayBuffer();
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("sessie=") && c.length > "sessie=".length);
  if (!cookie) throw new Error(`Sign-in as ${email} failed (HTTP ${response.status}).`);
  return cookie;
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = http.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

// ─── CPU accounting from /proc ────────────────────────────────────────────────────────────────

function processTicks(pid: number): { ppid: number; ticks: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

function cpuSnapshot(serverPid: number, postmasterPid: number) {
  // The postmaster and its children (backends, background workers).
  const postgres = new Map<number, number>([
    [postmasterPid, processTicks(postmasterPid)?.ticks ?? 0],
  ]);
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const info = processTicks(pid);
    if (info?.ppid === postmasterPid) postgres.set(pid, info.ticks);
  }
  const [, ...cpu] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
  const all = cpu.map(Number);
  const idle = all[3]! + (all[4] ?? 0);
  const total = all.reduce((a, b) => a + b, 0);
  return { server: processTicks(serverPid)?.ticks ?? 0, postgres, busy: total - idle, total };
}

/** CPU per request; a backend that ended during the run is not counted (the pool keeps them). */
function cpuDelta(
  before: ReturnType<typeof cpuSnapshot>,
  after: ReturnType<typeof cpuSnapshot>,
  requests: number,
) {
  let postgres = 0;
  for (const [pid, ticks] of after.postgres) postgres += ticks - (before.postgres.get(pid) ?? 0);
  const n = Math.max(1, requests);
  return {
    serverMs: ((after.server - before.server) * TICK_MS) / n,
    postgresMs: (postgres * TICK_MS) / n,
    machineBusyPct: (100 * (after.busy - before.busy)) / Math.max(1, after.total - before.total),
  };
}

// ─── Formatting ───────────────────────────────────────────────────────────────────────────────

function percentile(values: number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of rows) console.log(line(row));
}

function loadAverage() {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");
}

function seconds(since: number) {
  return ((performance.now() - since) / 1000).toFixed(1);
}

function fmt(n: number) {
  return n.toLocaleString("en-US");
}

function kb(bytes: number) {
  return `${(bytes / 1024).toFixed(0)} KB`;
}
