// npm run bench:dashboard — the council dashboard budget of issue 8 / ARCHITECTURE.md §7: the
// dashboard of a gemeente with 300 buurtagenda's and 5,000 agreements (the national data set,
// bench/national-data.ts), over real HTTP against the production build, signed in as the demo
// adviesraad account, 32 concurrent clients: p95 < 100 ms and no errors. Scenarios: the first page
// (50 agendas, with the count and agreement totals of all 300), the last page, a wijk filter and a
// period filter; before timing, each is checked to count and list exactly the agendas it should. A part of npm run bench. Not part of npm test.
import { NATIONAL_DATA, openNationalDataset } from "./national-data";
import {
  FLOOR,
  checkDashboardRows,
  dashboardExpectation,
  dashboardScenarios,
  signInAll,
} from "./scenarios";
import { HttpBench } from "./support";

const bench = new HttpBench(NATIONAL_DATA, { budgetP95Ms: 100 });
await bench.run(async () => {
  await openNationalDataset(bench);
  const sql = bench.client(process.env.DATABASE_URL!);
  await sql.connect();
  const expected = await dashboardExpectation(sql);
  await sql.end();
  const origin = await bench.startServer(3291);
  const scenarios = dashboardScenarios(await signInAll(origin), expected);
  await checkDashboardRows(origin, scenarios);
  bench.report(await bench.measure(origin, [FLOOR, ...scenarios]));
});
