// npm run db:migrate: applies pending migrations to DATABASE_URL or the embedded database.
import { openDatabase } from "../app/shared/database/database-url.server";
import { applyMigrations } from "../app/shared/database/schema-engine.server";
import { runScript } from "./run-script";

await runScript(async () => {
  const database = await openDatabase();
  try {
    const applied = await applyMigrations(database.url);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
  } finally {
    await database.stop();
  }
});
