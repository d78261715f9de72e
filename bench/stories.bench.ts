// npm run bench:stories — the stories budget of issue 5 / ARCHITECTURE.md §7: the published-story
// list and map of one buurtagenda, the buurt page and the moderation queue, with 100,000 stories
// in the database (the national data set, bench/national-data.ts), over real HTTP against the
// production build, 32 concurrent clients: p95 < 100 ms and no errors. A part of npm run bench.
// Prints a table and exits non-zero on a miss. Not part of npm test. The harness (database,
// server, sign-in, load, report) is bench/support.ts, with its environment variables.
import { NATIONAL_DATA, openNationalDataset } from "./national-data";
import { FLOOR, buurtScenarios, signInAll, storyScenarios } from "./scenarios";
import { HttpBench } from "./support";

const bench = new HttpBench(NATIONAL_DATA, { budgetP95Ms: 100 });
await bench.run(async () => {
  const { agendaId } = await openNationalDataset(bench);
  const origin = await bench.startServer(3290);
  const sessions = await signInAll(origin);
  bench.report(
    await bench.measure(origin, [
      FLOOR,
      ...storyScenarios(agendaId, sessions),
      ...buurtScenarios(),
    ]),
  );
});
