// npm run bench:vitals — only the Core Web Vitals part of npm run bench (bench/web-vitals.ts):
// Lighthouse on the resident pages of the national data set, served by the production build.
// Exits non-zero when a page misses the budget. Not part of npm test.
import { NATIONAL_DATA, openNationalDataset } from "./national-data";
import { residentPages } from "./scenarios";
import { HttpBench } from "./support";
import { measureWebVitals, reportWebVitals } from "./web-vitals";

const bench = new HttpBench(NATIONAL_DATA, { budgetP95Ms: 100 });
await bench.run(async () => {
  const { agendaId } = await openNationalDataset(bench);
  const origin = await bench.startServer(3293);
  if (!reportWebVitals(await measureWebVitals(origin, residentPages(agendaId)))) {
    bench.failed = true;
  }
});
