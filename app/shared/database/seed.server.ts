import { seedDemoAccounts } from "../../features/auth/demo-accounts.server";
import {
  cbsDataDir,
  importTerritoryFolder,
} from "../../features/territory/territory-import.server";
import { isProduction } from "../env.server";
import { db } from "../db.server";
import { PROJECT_ROOT } from "./schema-engine.server";

export interface SeedReport {
  territory: { gemeente: string; year: number; wijken: number; buurten: number }[];
  demoAccounts: number;
}

/**
 * Real CBS territory for every gemeente in the CBS data folder, plus (outside production) the
 * demo accounts. Idempotent.
 */
export async function seedDatabase(): Promise<SeedReport> {
  const territory = await importTerritoryFolder(cbsDataDir(PROJECT_ROOT));
  const demoAccounts = isProduction() ? 0 : await seedDemoAccounts();
  return { territory, demoAccounts };
}

export async function isSeeded(): Promise<boolean> {
  return (await db().gemeente.count()) > 0;
}
