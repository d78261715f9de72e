import { readFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import {
  SCHEMA_PATH,
  SCHEMA_SNAPSHOT_PATH,
  applyMigrations,
  diffDatamodels,
  readMigrationDirectories,
} from "../../app/shared/database/schema-engine.server";

const adminUrl = inject("postgresAdminUrl");

async function withBlankDatabase(work: (url: string) => Promise<void>) {
  const name = `blank_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  }
}

describe("offline migrations (WebAssembly schema engine)", () => {
  it("has a migration for every change in schema.prisma", async () => {
    const current = await readFile(SCHEMA_PATH, "utf8");
    const snapshot = await readFile(SCHEMA_SNAPSHOT_PATH, "utf8");
    const pending = await diffDatamodels(adminUrl, snapshot, current);
    expect(pending.trim()).toMatch(/^(-- This is an empty migration\.?)?$/);
  });

  it("applies every migration to an empty database once, like prisma migrate deploy", async () => {
    await withBlankDatabase(async (url) => {
      const folders = (await readMigrationDirectories()).map((m) => m.path);
      expect(await applyMigrations(url)).toEqual(folders);
      expect(await applyMigrations(url)).toEqual([]);

      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query(
        "SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name",
      );
      await client.end();
      expect(rows.map((r) => r.migration_name)).toEqual(folders);
      for (const row of rows) {
        expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
        expect(row.finished_at).not.toBeNull();
      }
    });
  });

  it("produces the full schema from the datamodel alone (the first migration's route)", async () => {
    const sql = await diffDatamodels(adminUrl, null, await readFile(SCHEMA_PATH, "utf8"));
    expect(sql).toContain('CREATE TABLE "buurt"');
    expect(sql).toContain('CONSTRAINT "buurt_pkey" PRIMARY KEY ("code","year")');
  });
});
