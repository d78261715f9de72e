// npm run bench — issue 10's load benchmark: builds the production app (the npm script), opens
// the national data set (bench/national-data.ts; generated first when .data/bench-national does
// not hold it), starts the server (scripts/start.ts) and drives the main pages from this second
// process with 32 concurrent clients: the buurt page and its story form, the buurtagenda page with
// its story list and map, the public agenda, the agenda workspace, the moderation queue and the
// council dashboard. Prints per page p50/p95/p99, requests per second, errors, CPU per request
// and each p50 against a trivial route's (the framework's floor), then the JavaScript first-load
// size per resident page and, with Lighthouse, the Core Web Vitals of the resident pages
// (bench/web-vitals.ts). Exits non-zero when a budget is missed. Not part of npm test.
// Environment: see bench/support.ts (BENCH_REQUESTS, BENCH_CONCURRENCY, BENCH_THINK_MS, ...).
import { reportFirstLoad } from "./first-load";
import { NATIONAL_DATA, openNationalDataset } from "./national-data";
import {
  FLOOR,
  agendaScenarios,
  buurtScenarios,
  checkDashboardRows,
  dashboardExpectation,
  dashboardScenarios,
  residentPages,
  signInAll,
  storyScenarios,
} from "./scenarios";
import { HttpBench } from "./support";
import { measureWebVitals, reportWebVitals } from "./web-vitals";

const bench = new HttpBench(NATIONAL_DATA, { budgetP95Ms: 100 });
await bench.run(async () => {
  const { agendaId } = await openNationalDataset(bench);
  const sql = bench.client(process.env.DATABASE_URL!);
  await sql.connect();
  const expected = await dashboardExpectation(sql);
  await sql.end();
  const origin = await bench.startServer(3292);
  const sessions = await signInAll(origin);
  const dashboard = dashboardScenarios(sessions, expected, { all: false });
  await checkDashboardRows(origin, dashboard);
  bench.report(
    await bench.measure(origin, [
      FLOOR,
      ...buurtScenarios(),
      ...storyScenarios(agendaId, sessions),
      ...agendaScenarios(agendaId, sessions),
      ...dashboard,
    ]),
  );
  if (!reportFirstLoad()) bench.failed = true;
  // After the load, so Lighthouse's timings do not share the machine with 32 clients.
  if (!reportWebVitals(await measureWebVitals(origin, residentPages(agendaId)))) {
    bench.failed = true;
  }
});
