// npm run db:seed: real CBS territory and (outside production) the demo accounts. Idempotent.
import { openDatabase } from "../app/shared/database/database-url.server";
import { applyMigrations } from "../app/shared/database/schema-engine.server";
import { seedDatabase } from "../app/shared/database/seed.server";
import { disconnectDb } from "../app/shared/db.server";
import { runScript } from "./run-script";

await runScript(async () => {
  const database = await openDatabase();
  process.env.DATABASE_URL = database.url;
  try {
    await applyMigrations(database.url);
    const report = await seedDatabase();
    for (const t of report.territory) {
      console.log(`${t.gemeente} (CBS ${t.year}): ${t.wijken} wijken, ${t.buurten} buurten`);
    }
    console.log(`${report.indicators} indicators, ${report.indicatorValues} indicator values`);
    console.log(
      report.demoAccounts
        ? `${report.demoAccounts} demo accounts`
        : "No demo accounts (production)",
    );
  } finally {
    await disconnectDb();
    await database.stop();
  }
});
