import { createReadStream } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { BULK_TRANSACTION, db } from "../../shared/db.server";
import {
  CATALOGUE_WITHOUT_DATA,
  THEMES,
  definitionFromDictionary,
  type DictionaryRow,
  type IndicatorDefinition,
} from "./catalogue";
import { importLongFormat, type ImportReport } from "./indicator-import.server";

/** Themes and indicator catalogue, idempotent: labels and metadata are set again on each run. */
export async function seedCatalogue(cbsDir: string): Promise<number> {
  const dictionary = parse(await readFile(path.join(cbsDir, "indicator-dictionary.csv"), "utf8"), {
    columns: true,
    skip_empty_lines: true,
  }) as DictionaryRow[];
  const definitions: IndicatorDefinition[] = [
    ...dictionary.map(definitionFromDictionary).filter((d): d is IndicatorDefinition => d !== null),
    ...CATALOGUE_WITHOUT_DATA,
  ];
  await db().$transaction(async (tx) => {
    for (const [index, [key, labelNl, labelEn]] of THEMES.entries()) {
      await tx.theme.upsert({
        where: { key },
        create: { key, labelNl, labelEn, sortOrder: index },
        update: { labelNl, labelEn, sortOrder: index },
      });
    }
    for (const { themes, baseIndicatorKey, ...rest } of definitions) {
      const definition = { ...rest, baseIndicatorKey: baseIndicatorKey ?? null };
      await tx.indicator.upsert({
        where: { key: definition.key },
        create: definition,
        update: definition,
      });
      await tx.indicatorTheme.deleteMany({ where: { indicatorKey: definition.key } });
      await tx.indicatorTheme.createMany({
        data: themes.map((themeKey) => ({ indicatorKey: definition.key, themeKey })),
      });
    }
  }, BULK_TRANSACTION);
  return definitions.length;
}

/** Every indicators-GM….csv of the CBS data folder, through the same import as any upload. */
export async function importIndicatorFolder(cbsDir: string): Promise<ImportReport[]> {
  const files = (await readdir(cbsDir)).filter((f) => /^indicators-GM\d{4}\.csv$/.test(f)).sort();
  const reports: ImportReport[] = [];
  for (const file of files)
    reports.push(await importLongFormat(createReadStream(path.join(cbsDir, file))));
  return reports;
}
