// npm run db:migration:new -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL from the datamodel as of the
// last migration to prisma/schema.prisma. Needs no database changes and no network beyond npm.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { openDatabase } from "../app/shared/database/database-url.server";
import {
  MIGRATIONS_DIR,
  SCHEMA_PATH,
  SCHEMA_SNAPSHOT_PATH,
  diffDatamodels,
} from "../app/shared/database/schema-engine.server";
import { runScript } from "./run-script";

await runScript(async () => {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error(
      "Give the migration a name in lower case, e.g. npm run db:migration:new -- add_stories",
    );
  }
  const current = await readFile(SCHEMA_PATH, "utf8");
  const previous = existsSync(SCHEMA_SNAPSHOT_PATH)
    ? await readFile(SCHEMA_SNAPSHOT_PATH, "utf8")
    : null;
  const database = await openDatabase();
  let sql: string;
  try {
    sql = await diffDatamodels(database.url, previous, current);
  } finally {
    await database.stop();
  }
  if (!sql.trim() || /^-- This is an empty migration\.?\s*$/.test(sql.trim())) {
    console.log("The schema has not changed since the last migration; nothing written.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, "migration.sql"), sql);
  await writeFile(SCHEMA_SNAPSHOT_PATH, current);
  console.log(
    `Wrote ${path.relative(process.cwd(), folder)}/migration.sql; apply it with npm run db:migrate.`,
  );
});
