// npm run bench:data — generates the national data set (bench/national-data.ts) into
// .data/bench-national and keeps it for npm run bench. Deterministic: the same seed gives the
// same rows. Run it again to check the kept set; BENCH_REGENERATE=1 makes a new one.
import { NATIONAL_DATA, openNationalDataset } from "./national-data";
import { HttpBench } from "./support";

const bench = new HttpBench(NATIONAL_DATA, { budgetP95Ms: 100 });
await bench.run(async () => void (await openNationalDataset(bench)), { verdict: false });
