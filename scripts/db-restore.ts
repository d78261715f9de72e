// npm run db:restore -- <file> [--replace]
// Restores a backup from npm run db:backup into DATABASE_URL or the embedded database: the
// schema of the backup, its data in one transaction, then any newer migrations. Without
// --replace it only restores into an empty database (docs/decisions/0025).
import path from "node:path";
import { parseArgs } from "node:util";
import { restoreDatabase } from "../app/shared/database/backup.server";
import { openDatabase } from "../app/shared/database/database-url.server";
import { runScript } from "./run-script";

await runScript(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { replace: { type: "boolean", default: false } },
  });
  if (!positionals[0]) {
    throw new Error("Give a backup file: npm run db:restore -- backup.gz [--replace]");
  }
  const file = path.resolve(positionals[0]);
  const database = await openDatabase();
  try {
    const summary = await restoreDatabase(database.url, file, { replace: values.replace });
    const rows = Object.values(summary.rows).reduce((sum, count) => sum + count, 0);
    console.log(
      `Restored ${rows} rows in ${Object.keys(summary.rows).length} tables from ${file}.`,
    );
    if (summary.upgradedWith.length) {
      console.log(`Then applied newer migrations: ${summary.upgradedWith.join(", ")}.`);
    }
  } finally {
    await database.stop();
  }
});
process.exit(process.exitCode ?? 0);
