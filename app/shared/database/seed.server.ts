import { seedDemoAgenda } from "../../features/agenda/demo-agenda.server";
import { seedDemoAccounts } from "../../features/auth/demo-accounts.server";
import { importIndicatorFolder, seedCatalogue } from "../../features/scan/catalogue.server";
import {
  cbsDataDir,
  importTerritoryFolder,
} from "../../features/territory/territory-import.server";
import { seedDemoStories } from "../../features/stories/demo-stories.server";
import { seedHeemstedeInstruments } from "../../features/ideas/instruments.server";
import { isProduction } from "../env.server";
import { db } from "../db.server";
import { PROJECT_ROOT } from "./schema-engine.server";

export interface SeedReport {
  territory: { gemeente: string; year: number; wijken: number; buurten: number }[];
  indicators: number;
  indicatorValues: number;
  demoAccounts: number;
  demoStories: number;
  demoAgendas: number;
  policyInstruments: number;
}

/**
 * Real CBS territory for every gemeente in the CBS data folder, plus (outside production) the
 * demo accounts, invented demo stories and the demo buurtagenda built on them. Idempotent.
 */
export async function seedDatabase(options: { demoStories?: boolean } = {}): Promise<SeedReport> {
  const cbsDir = cbsDataDir(PROJECT_ROOT);
  const territory = await importTerritoryFolder(cbsDir);
  const indicators = await seedCatalogue(cbsDir);
  const valueReports = await importIndicatorFolder(cbsDir);
  const failed = valueReports.find((r) => r.status === "failed");
  if (failed) throw new Error(`Indicator import failed: ${failed.error}`);
  const indicatorValues = valueReports.reduce(
    (sum, r) => sum + r.inserted + r.updated + r.unchanged,
    0,
  );
  // Real instruments named in Heemstede's documents: seeded in production too.
  const policyInstruments = await seedHeemstedeInstruments();
  const demoAccounts = isProduction() ? 0 : await seedDemoAccounts();
  // Invented stories make the demo tellable; tests that count stories start without them, and
  // without the demo buurtagenda (Heemstede, issue 8) that cites them.
  const demoContent = !isProduction() && (options.demoStories ?? true);
  const demoStories = demoContent ? await seedDemoStories() : 0;
  const demoAgendas = demoContent ? await seedDemoAgenda() : 0;
  return {
    territory,
    indicators,
    indicatorValues,
    demoAccounts,
    demoStories,
    demoAgendas,
    policyInstruments,
  };
}

export async function isSeeded(): Promise<boolean> {
  return (await db().gemeente.count()) > 0;
}
