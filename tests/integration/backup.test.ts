import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  BackupError,
  backupDatabase,
  inReferenceOrder,
  restoreDatabase,
} from "../../app/shared/database/backup.server";
import { seedDatabase } from "../../app/shared/database/seed.server";
import {
  applyMigrations,
  readMigrationDirectories,
} from "../../app/shared/database/schema-engine.server";
import { db, disconnectDb } from "../../app/shared/db.server";
import { setupFreshDatabase } from "../support/database";

setupFreshDatabase();

const adminUrl = inject("postgresAdminUrl");
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "buurtagenda-backup-"));
  await seedDatabase();
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values?: unknown[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Row count and a checksum over every row of every app table: what "the same data" means. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const tables = await query<{ name: string }>(
    url,
    `SELECT relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND relname <> '_prisma_migrations'`,
  );
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await query<{ rows: string; sum: string }>(
      url,
      `SELECT count(*)::text AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum
       FROM "${name}" t`,
    );
    result[name] = `${row!.rows}:${row!.sum}`;
  }
  return result;
}

async function wipe(url: string) {
  await disconnectDb();
  await query(url, "DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
}

async function withBlankDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const name = `restore_${randomBytes(5).toString("hex")}`;
  await query(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await query(adminUrl, `DROP DATABASE ${name} WITH (FORCE)`);
  }
}

describe("npm run db:backup and db:restore", () => {
  it("backs up, wipes, restores and gives back every row, the search index and the rules", async () => {
    const url = process.env.DATABASE_URL!;
    // A value that COPY writes as a line starting "\table" must not be taken for a marker.
    await query(url, "INSERT INTO rate_limit (key, count, window_start) VALUES ($1, 1, now())", [
      "\table trick",
    ]);
    const before = await fingerprint(url);
    expect(Number(before.story!.split(":")[0])).toBeGreaterThan(10);
    expect(Number(before.audit_event!.split(":")[0])).toBeGreaterThan(0);
    const file = path.join(folder, "full.backup.gz");

    const backup = await backupDatabase(url, file);
    expect(backup.rows.story).toBe(Number(before.story!.split(":")[0]));
    await wipe(url);
    expect(await query(url, "SELECT to_regclass('public.story') AS t")).toEqual([{ t: null }]);

    const restored = await restoreDatabase(url, file);
    expect(restored.upgradedWith).toEqual([]);
    expect(restored.rows).toEqual(backup.rows);
    expect(await fingerprint(url)).toEqual(before);

    // The search vector is a generated column: not in the file, computed again on restore.
    const [hit] = await query<{ n: string }>(
      url,
      `SELECT count(*)::text AS n FROM story WHERE search @@ plainto_tsquery('dutch', 'buurt')`,
    );
    expect(Number(hit!.n)).toBeGreaterThan(0);
    // New audit events continue after the restored ones, and the trail is still append-only.
    const [{ max }] = (await query<{ max: string }>(
      url,
      "SELECT max(id)::text AS max FROM audit_event",
    )) as [{ max: string }];
    await db().auditEvent.create({
      data: { actorId: null, action: "test.after-restore", subjectType: "test", subjectId: "1" },
    });
    const [latest] = await query<{ id: string }>(
      url,
      "SELECT id::text FROM audit_event WHERE action = 'test.after-restore'",
    );
    expect(BigInt(latest!.id)).toBeGreaterThan(BigInt(max));
    await expect(query(url, "UPDATE audit_event SET action = 'changed'")).rejects.toThrow(
      /append-only/,
    );
  });

  it("refuses a database that holds data unless told to replace it, and then replaces all of it", async () => {
    const url = process.env.DATABASE_URL!;
    const file = path.join(folder, "replace.backup.gz");
    await backupDatabase(url, file);
    const before = await fingerprint(url);
    await query(url, "UPDATE app_user SET display_name = 'Veranderd'");
    const changed = await fingerprint(url);

    await expect(restoreDatabase(url, file)).rejects.toThrow(/already holds data.*--replace/);
    expect(await fingerprint(url)).toEqual(changed);

    await restoreDatabase(url, file, { replace: true });
    expect(await fingerprint(url)).toEqual(before);
  });

  it("refuses a damaged or foreign file before it touches the database", async () => {
    const url = process.env.DATABASE_URL!;
    const file = path.join(folder, "whole.backup.gz");
    await backupDatabase(url, file);
    const bytes = await readFile(file);
    const cut = path.join(folder, "cut.backup.gz");
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const foreign = path.join(folder, "notes.txt");
    await writeFile(foreign, "boodschappen: melk, brood\n");

    await withBlankDatabase(async (blank) => {
      await expect(restoreDatabase(blank, cut)).rejects.toThrow(BackupError);
      await expect(restoreDatabase(blank, foreign)).rejects.toThrow(/not a Buurtagenda backup/);
      await expect(restoreDatabase(blank, path.join(folder, "missing.gz"))).rejects.toThrow(
        /does not exist/,
      );
      // Not even the schema was created: the blank database is as blank as before.
      expect(await query(blank, "SELECT to_regclass('public._prisma_migrations') AS t")).toEqual([
        { t: null },
      ]);
    });
  });

  it("restores a backup from an older schema and then upgrades it", async () => {
    const all = (await readMigrationDirectories()).map((m) => m.path);
    const older = all.slice(0, -1);
    const file = path.join(folder, "older.backup.gz");
    await withBlankDatabase(async (source) => {
      await applyMigrations(source, { only: older });
      await query(
        source,
        `INSERT INTO app_user (id, email) VALUES ('00000000-0000-4000-8000-000000000001', 'oud@example.nl')`,
      );
      const backup = await backupDatabase(source, file);
      expect(backup.migrations).toEqual(older);
    });
    await withBlankDatabase(async (target) => {
      const restored = await restoreDatabase(target, file);
      expect(restored.upgradedWith).toEqual([all.at(-1)]);
      expect(await query(target, "SELECT email FROM app_user")).toEqual([
        { email: "oud@example.nl" },
      ]);
    });
  });

  it("refuses a backup from a newer version whose migration this checkout does not have", async () => {
    const url = process.env.DATABASE_URL!;
    const file = path.join(folder, "newer.backup.gz");
    await backupDatabase(url, file);
    await query(
      url,
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ('future', 'x', '29991231000000_from_the_future', now(), now(), 1)`,
    );
    try {
      await backupDatabase(url, file);
      await withBlankDatabase(async (blank) => {
        await expect(restoreDatabase(blank, file)).rejects.toThrow(
          /newer version.*from_the_future/,
        );
      });
    } finally {
      await query(url, "DELETE FROM _prisma_migrations WHERE id = 'future'");
    }
  });

  it("orders tables so that every table comes after the tables it refers to", () => {
    const tables = [{ name: "story" }, { name: "app_user" }, { name: "buurtagenda" }];
    const order = inReferenceOrder(tables, [
      { child: "story", parent: "buurtagenda" },
      { child: "buurtagenda", parent: "app_user" },
    ]).map((t) => t.name);
    expect(order).toEqual(["app_user", "buurtagenda", "story"]);
    expect(() =>
      inReferenceOrder(tables, [
        { child: "story", parent: "buurtagenda" },
        { child: "buurtagenda", parent: "story" },
      ]),
    ).toThrow(/cycle/);
  });
});
