import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { disconnectDb } from "../../app/shared/db.server";
import { stopQueue } from "../../app/shared/queue.server";

/**
 * Gives the calling test file its own fresh database, cloned from the migrated template, and
 * points the app's db() at it. Files run in parallel without seeing each other's rows.
 */
export function setupFreshDatabase(): void {
  const adminUrl = inject("postgresAdminUrl");
  const name = `test_${randomBytes(6).toString("hex")}`;
  beforeAll(async () => {
    await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${inject("templateDatabase")}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
  });
  afterAll(async () => {
    // A command that queued a job started this file's queue; it holds connections too.
    await stopQueue();
    await disconnectDb();
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
