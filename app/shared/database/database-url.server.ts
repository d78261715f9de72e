import path from "node:path";
import { PROJECT_ROOT } from "./schema-engine.server";
import {
  ensureDatabase,
  runningEmbeddedCluster,
  startEmbeddedCluster,
} from "./embedded-postgres.server";

export const APP_DATABASE = "buurtagenda";

export function dataDir(): string {
  return path.resolve(PROJECT_ROOT, process.env.DATA_DIR ?? ".data");
}

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL when set (production); otherwise the embedded cluster under DATA_DIR. With
 * `shareRunning`, a cluster the running app already serves is used as it is (and left running).
 */
export async function openDatabase(
  options: { shareRunning?: boolean } = {},
): Promise<DatabaseHandle> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, embedded: false, stop: async () => {} };
  const running = options.shareRunning ? await runningEmbeddedCluster(dataDir()) : null;
  const cluster = running ?? (await startEmbeddedCluster(dataDir()));
  try {
    await ensureDatabase(cluster.urlFor("postgres"), APP_DATABASE);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return { url: cluster.urlFor(APP_DATABASE), embedded: true, stop: cluster.stop };
}
