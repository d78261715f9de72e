import { rm } from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";
import {
  ensureDatabase,
  startEmbeddedCluster,
} from "../../app/shared/database/embedded-postgres.server";
import { PROJECT_ROOT, applyMigrations } from "../../app/shared/database/schema-engine.server";

export const TEMPLATE_DATABASE = "buurtagenda_template";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    templateDatabase: string;
  }
}

/** One real PostgreSQL for the whole run, with a migrated template database to clone. */
export default async function setup(project: TestProject) {
  const dataDir = path.join(PROJECT_ROOT, ".data", "test", `vitest-${process.pid}`);
  const cluster = await startEmbeddedCluster(dataDir);
  const adminUrl = cluster.urlFor("postgres");
  await ensureDatabase(adminUrl, TEMPLATE_DATABASE);
  await applyMigrations(cluster.urlFor(TEMPLATE_DATABASE));
  project.provide("postgresAdminUrl", adminUrl);
  project.provide("templateDatabase", TEMPLATE_DATABASE);
  return async () => {
    await cluster.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
