import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineGlue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationDirectory, SchemaEngine } from "@prisma/schema-engine-wasm";

// Prisma's native schema engine is downloaded from Prisma's servers, which closed build networks
// cannot reach; the same engine ships on npm as WebAssembly. Its package imports the .wasm as an
// ES module (needs --experimental-wasm-modules on Node 20), so we instantiate it by hand instead.
// See docs/decisions/0004-offline-migrations.md.

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../../..");
export const SCHEMA_PATH = path.join(PROJECT_ROOT, "prisma/schema.prisma");
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma/migrations");
/** The datamodel as of the newest migration; the next migration is the diff from it. */
export const SCHEMA_SNAPSHOT_PATH = path.join(MIGRATIONS_DIR, "schema-at-last-migration.prisma");

let wasmReady: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const entry = require.resolve("@prisma/schema-engine-wasm");
    const bytes = await readFile(path.join(path.dirname(entry), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": engineGlue as unknown as WebAssembly.ModuleImports,
    });
    engineGlue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

/**
 * @prisma/adapter-pg runs a migration script by splitting it on every ";", which breaks
 * dollar-quoted function bodies and string literals. Prisma's native engine sends the script
 * whole, as one simple-protocol query (one implicit transaction); this factory does the same.
 */
class WholeScriptPrismaPg extends PrismaPg {
  readonly opened: { dispose(): Promise<void> }[] = [];

  override async connect() {
    const adapter = await super.connect();
    this.opened.push(adapter);
    const queryable = adapter as unknown as {
      client: { query(sql: string): Promise<unknown> };
      onError(error: unknown): never;
    };
    adapter.executeScript = async (script: string) => {
      try {
        await queryable.client.query(script);
      } catch (error) {
        queryable.onError(error);
      }
    };
    return adapter;
  }
}

export async function withSchemaEngine<T>(
  databaseUrl: string,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  const factory = new WholeScriptPrismaPg({ connectionString: databaseUrl });
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const logs: string[] = [];
  const engine = await engineGlue.SchemaEngine.new(
    { datamodels: undefined },
    (log: string) => logs.push(log),
    adapter,
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    // Close the engine's connections, so that e.g. a template database can be cloned right after.
    await Promise.all(factory.opened.map((opened) => opened.dispose()));
  }
}

export async function readMigrationDirectories(): Promise<MigrationDirectory[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (error: Error) => ({ tag: "error" as const, value: error.message }),
        ),
      },
    })),
  );
}

/**
 * Applies pending migrations in order, recording them in `_prisma_migrations` like `prisma
 * migrate deploy`. `only` stops at an earlier schema, the one a restored backup was taken with.
 */
export async function applyMigrations(
  databaseUrl: string,
  options: { only?: string[] } = {},
): Promise<string[]> {
  const only = options.only && new Set(options.only);
  const migrationDirectories = (await readMigrationDirectories()).filter(
    (directory) => !only || only.has(directory.path),
  );
  const lockfilePath = "migration_lock.toml";
  const lockContent = await readFile(path.join(MIGRATIONS_DIR, lockfilePath), "utf8").catch(
    () => null,
  );
  return withSchemaEngine(databaseUrl, async (engine) => {
    const result = await engine.applyMigrations({
      migrationsList: {
        baseDir: MIGRATIONS_DIR,
        lockfile: {
          path: lockfilePath,
          content: lockContent === null ? null : lockContent,
        },
        shadowDbInitScript: "",
        migrationDirectories,
      },
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.appliedMigrationNames;
  });
}

/** SQL that turns a database built from `fromDatamodel` (null: empty) into one for `toDatamodel`. */
export async function diffDatamodels(
  databaseUrl: string,
  fromDatamodel: string | null,
  toDatamodel: string,
): Promise<string> {
  return withSchemaEngine(databaseUrl, async (engine) => {
    const result = await engine.diff({
      from:
        fromDatamodel === null
          ? { tag: "empty" }
          : { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: fromDatamodel }] },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: toDatamodel }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? "";
  });
}
