import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { applyMigrations, readMigrationDirectories } from "./schema-engine.server";

// A backup is the app's own data, not a cluster image: the embedded PostgreSQL ships without
// pg_dump, and Debian's client is older than the server, which pg_dump refuses. The schema is
// the migrations; the data is COPY text per table, taken in one snapshot. See decision 0025.

export const BACKUP_FORMAT = "buurtagenda-backup";
const FORMAT_VERSION = 1;
// COPY text puts a backslash at the start of a data line only in its escapes (before b, f, n, r,
// t, v, N or a second backslash) and never writes backslash-dot or backslash-@ there: the
// markers use those, so no row can look like one (a value starting with a tab and "able" did).
const TABLE_MARKER = "\\@table ";
const END_OF_DATA = "\\.";
const END_MARKER = "\\@end ";

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  postgres: string;
  migrations: string[];
}

interface TableSection {
  name: string;
  columns: string[];
}

export interface BackupSummary {
  file: string;
  migrations: string[];
  rows: Record<string, number>;
}

export class BackupError extends Error {}

/** Tables of the app (not the migration log, not pg-boss's schema) with their storable columns. */
async function appTables(client: pg.ClientBase): Promise<TableSection[]> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(`
    SELECT c.relname AS name,
           array_agg(a.attname::text ORDER BY a.attnum) AS columns
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
      -- Generated columns (the stories' search vector) are computed again on restore.
      AND a.attgenerated = ''
    GROUP BY c.relname`);
  const { rows: references } = await client.query<{ child: string; parent: string }>(`
    SELECT child.relname AS child, parent.relname AS parent
    FROM pg_constraint k
    JOIN pg_class child ON child.oid = k.conrelid
    JOIN pg_class parent ON parent.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = child.relnamespace
    WHERE k.contype = 'f' AND n.nspname = 'public' AND child.oid <> parent.oid`);
  return inReferenceOrder(rows, references);
}

/**
 * Parents before children, so that the restore can load table by table with every foreign key
 * checked as usual. A row that points at a row of its own table is checked at the end of its
 * COPY statement, so self-references need no order.
 */
export function inReferenceOrder<T extends { name: string }>(
  tables: T[],
  references: { child: string; parent: string }[],
): T[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const parents = new Map<string, Set<string>>(tables.map((table) => [table.name, new Set()]));
  for (const { child, parent } of references) parents.get(child)?.add(parent);
  const ordered: T[] = [];
  const placed = new Set<string>();
  const names = [...byName.keys()].sort();
  while (ordered.length < names.length) {
    const ready = names.find(
      (name) => !placed.has(name) && [...parents.get(name)!].every((p) => placed.has(p)),
    );
    if (!ready) {
      const left = names.filter((name) => !placed.has(name));
      throw new BackupError(`The tables ${left.join(", ")} refer to each other in a cycle.`);
    }
    placed.add(ready);
    ordered.push(byName.get(ready)!);
  }
  return ordered;
}

async function appliedMigrations(client: pg.ClientBase): Promise<string[] | null> {
  const { rows: exists } = await client.query<{ present: boolean }>(
    `SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS present`,
  );
  if (!exists[0]?.present) return null;
  const { rows } = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM _prisma_migrations
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((row) => row.migration_name);
}

const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;
const columnList = (columns: string[]) => columns.map(quoted).join(", ");

/**
 * Writes every app table, read in one repeatable-read snapshot, to a gzipped file. The file is
 * written beside its final name and renamed at the end, so a backup that fails halfway never
 * looks like a good one.
 */
export async function backupDatabase(databaseUrl: string, file: string): Promise<BackupSummary> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const partial = `${file}.partial`;
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const migrations = await appliedMigrations(client);
    if (!migrations?.length) throw new BackupError("The database has no migrations applied.");
    const tables = await appTables(client);
    const { rows: version } = await client.query<{ server_version: string }>("SHOW server_version");
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      postgres: version[0]?.server_version ?? "unknown",
      migrations,
    };

    const gzip = createGzip();
    const written = pipeline(gzip, createWriteStream(partial));
    const rows: Record<string, number> = {};
    try {
      gzip.write(`${JSON.stringify(header)}\n`);
      for (const table of tables) {
        gzip.write(`${TABLE_MARKER}${JSON.stringify(table)}\n`);
        const sql = `COPY (SELECT ${columnList(table.columns)} FROM ${quoted(table.name)}) TO STDOUT`;
        let count = 0;
        for await (const chunk of client.query(copyTo(sql)) as AsyncIterable<Buffer>) {
          for (const byte of chunk) if (byte === 0x0a) count++;
          if (!gzip.write(chunk)) await once(gzip, "drain");
        }
        gzip.write(`${END_OF_DATA}\n`);
        rows[table.name] = count;
      }
      gzip.end(`${END_MARKER}${JSON.stringify({ rows })}\n`);
    } catch (error) {
      gzip.destroy(error as Error);
      throw error;
    } finally {
      await written.catch(() => {});
    }
    await written;
    await client.query("COMMIT");
    await rename(partial, file);
    return { file, migrations, rows };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

type BackupLine =
  | { kind: "table"; table: TableSection }
  | { kind: "row"; line: string }
  | { kind: "end-of-table" }
  | { kind: "end"; rows: Record<string, number> };

function openLines(file: string) {
  const input = createGunzip();
  // .pipe() does not pass on the file's own errors (a missing file); the reader must see them.
  createReadStream(file)
    .on("error", (error) => input.destroy(error))
    .pipe(input);
  return { input, lines: createInterface({ input, crlfDelay: Infinity }) };
}

/** Reads a backup file's header, then its sections line by line. */
async function* readBackup(file: string): AsyncGenerator<BackupLine, void, undefined> {
  const { input, lines } = openLines(file);
  let first = true;
  try {
    for await (const line of lines) {
      if (first) {
        first = false;
        continue; // the header, read by readHeader
      }
      if (line.startsWith(TABLE_MARKER)) {
        yield { kind: "table", table: JSON.parse(line.slice(TABLE_MARKER.length)) as TableSection };
      } else if (line === END_OF_DATA) {
        yield { kind: "end-of-table" };
      } else if (line.startsWith(END_MARKER)) {
        const { rows } = JSON.parse(line.slice(END_MARKER.length)) as {
          rows: Record<string, number>;
        };
        yield { kind: "end", rows };
      } else {
        yield { kind: "row", line };
      }
    }
  } catch (error) {
    throw new BackupError(
      `The backup file ${file} is damaged or not a backup (${(error as Error).message}).`,
    );
  } finally {
    lines.close();
    input.destroy();
  }
}

export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const { input, lines } = openLines(file);
  try {
    for await (const line of lines) {
      const header = JSON.parse(line) as Partial<BackupHeader>;
      if (header.format !== BACKUP_FORMAT || header.version !== FORMAT_VERSION) break;
      return header as BackupHeader;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new BackupError(`The backup file ${file} does not exist.`);
    }
  } finally {
    lines.close();
    input.destroy();
  }
  throw new BackupError(`${file} is not a Buurtagenda backup (version ${FORMAT_VERSION}).`);
}

/**
 * Reads the whole file once before anything is written: a file cut off by a full disk or a
 * broken copy is refused with the database untouched, instead of failing halfway into the load.
 */
export async function verifyBackup(file: string): Promise<BackupHeader> {
  const header = await readBackupHeader(file);
  let section: TableSection | null = null;
  let count = 0;
  const counted: Record<string, number> = {};
  for await (const item of readBackup(file)) {
    if (item.kind === "table") [section, count] = [item.table, 0];
    else if (item.kind === "row" && section) count++;
    else if (item.kind === "end-of-table" && section) {
      counted[section.name] = count;
      section = null;
    } else if (item.kind === "end") {
      const expected = JSON.stringify(item.rows);
      if (expected !== JSON.stringify(counted)) break;
      return header;
    } else break;
  }
  throw new BackupError(`The backup file ${file} is incomplete or damaged; nothing was restored.`);
}

export interface RestoreOptions {
  /** Empty the app's tables first; without it a restore only goes into an empty database. */
  replace?: boolean;
}

export interface RestoreSummary {
  rows: Record<string, number>;
  /** Migrations newer than the backup, applied after its data was loaded. */
  upgradedWith: string[];
}

/**
 * Restores a backup: the schema as it was when the backup was taken (its migrations), then the
 * data in one transaction, then any newer migrations. Either every row is back or none is.
 */
export async function restoreDatabase(
  databaseUrl: string,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  const header = await verifyBackup(file);
  const known = new Set((await readMigrationDirectories()).map((directory) => directory.path));
  const unknown = header.migrations.filter((name) => !known.has(name));
  if (unknown.length) {
    throw new BackupError(
      `The backup was made by a newer version of Buurtagenda (migration ${unknown[0]} is not in this checkout). Restore it with that version.`,
    );
  }

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const present = await appliedMigrations(client);
    if (!present?.length) {
      await applyMigrations(databaseUrl, { only: header.migrations });
    } else if (present.join() !== header.migrations.join()) {
      throw new BackupError(
        "The database has a different schema version than the backup. Restore into an empty database: it then gets the backup's schema and is upgraded after the data is in.",
      );
    }
    const rows = await loadData(client, file, options);
    const upgradedWith = await applyMigrations(databaseUrl);
    return { rows, upgradedWith };
  } finally {
    await client.end();
  }
}

async function loadData(
  client: pg.Client,
  file: string,
  options: RestoreOptions,
): Promise<Record<string, number>> {
  await client.query("BEGIN");
  try {
    const tables = await appTables(client);
    const byName = new Map(tables.map((table) => [table.name, table]));
    if (options.replace) {
      await client.query(`TRUNCATE ${tables.map((t) => quoted(t.name)).join(", ")}`);
    } else {
      for (const table of tables) {
        const { rowCount } = await client.query(`SELECT 1 FROM ${quoted(table.name)} LIMIT 1`);
        if (rowCount) {
          throw new BackupError(
            `The database already holds data (table ${table.name}). Restore into an empty database, or pass --replace to overwrite it.`,
          );
        }
      }
    }

    const rows: Record<string, number> = {};
    const items = readBackup(file);
    try {
      for (let next = await items.next(); !next.done; next = await items.next()) {
        if (next.value.kind !== "table") continue;
        const section = next.value.table;
        const target = byName.get(section.name);
        if (!target || target.columns.join() !== section.columns.join()) {
          throw new BackupError(
            `Table ${section.name} in the backup does not match the schema of its migrations.`,
          );
        }
        let loaded = 0;
        async function* sectionRows() {
          for (let row = await items.next(); !row.done; row = await items.next()) {
            if (row.value.kind === "end-of-table") return;
            if (row.value.kind !== "row") break;
            loaded++;
            yield `${row.value.line}\n`;
          }
          throw new BackupError(`The section of table ${section.name} is not closed.`);
        }
        const sql = `COPY ${quoted(section.name)} (${columnList(section.columns)}) FROM STDIN`;
        await pipeline(sectionRows, client.query(copyFrom(sql)));
        rows[section.name] = loaded;
      }
    } finally {
      await items.return();
    }
    await refreshDerivedCounters(client);
    await resetSequences(client);
    await client.query("COMMIT");
    return rows;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/**
 * Counters that triggers keep (decision 0033) arrive twice: as rows of their own table and again
 * from the triggers on the rows they count. The database counts them afresh; a backup from before
 * that migration has no such function (the migration that follows the load fills them).
 */
async function refreshDerivedCounters(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ present: boolean }>(
    "SELECT to_regprocedure('refresh_derived_counters()') IS NOT NULL AS present",
  );
  if (rows[0]?.present) await client.query("SELECT refresh_derived_counters()");
}

/** Serial columns (the audit trail's id) continue after the highest restored value. */
async function resetSequences(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ table_name: string; column_name: string; seq: string }>(`
    SELECT c.relname AS table_name, a.attname AS column_name,
           pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS seq
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind = 'r'
      AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`);
  for (const { table_name, column_name, seq } of rows) {
    await client.query(
      `SELECT setval($1, COALESCE((SELECT max(${quoted(column_name)}) FROM ${quoted(table_name)}), 0) + 1, false)`,
      [seq],
    );
  }
}
