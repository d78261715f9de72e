import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { getAgendaResource, startAgenda } from "../../app/features/agenda/agenda.server";
import { themeMatrixOf } from "../../app/features/linking/linking.server";
import { freezeScan, startScan } from "../../app/features/scan/buurtscan.server";
import { DEFAULT_SCAN_INDICATORS } from "../../app/features/scan/catalogue";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { PROJECT_ROOT } from "../../app/shared/database/schema-engine.server";
import { db } from "../../app/shared/db.server";
import { setupFreshDatabase } from "../support/database";

// Issue 6's "done when" starts from the demo data: the real RIVM figures of Heemstede and the
// invented demo stories. With the default buurtscan and the default thresholds, the composite
// area (De Glip + Glipper Dreef) has a confirmed and a felt theme.

setupFreshDatabase();
let agendaId = "";

beforeAll(async () => {
  process.env.CBS_DATA_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");
  await seedDatabase();
  const sanne = await db().user.findUniqueOrThrow({
    where: { email: "gemeente@demo.buurtagenda.nl" },
  });
  agendaId = await startAgenda(
    sanne.id,
    {
      title: "Glip en Glipper Dreef",
      publicDescription: "x",
      startsOn: "2027-01-01",
      endsOn: "2027-12-31",
      buurtCodes: ["BU03970100", "BU03970101"],
    },
    { gemeenteCode: "GM0397", year: 2022 },
  );
  await startScan(sanne.id, agendaId, DEFAULT_SCAN_INDICATORS);
  expect(await freezeScan(sanne.id, agendaId, 1)).toMatchObject({ ok: true });
});

it("shows money worries as confirmed and loneliness as felt on the demo data", async () => {
  const matrix = await themeMatrixOf((await getAgendaResource(agendaId))!);
  const kind = new Map(matrix.rows.map((r) => [r.theme, r]));
  // Glipper Dreef ranks 2nd and De Glip 6th of 14 on "moeite met rondkomen"; five stories.
  expect(kind.get("livelihood_debts")).toMatchObject({
    kind: "confirmed",
    statisticalSignal: true,
    storySignal: true,
    storyCount: 5,
  });
  // Average on the loneliness figures, yet five stories: felt.
  expect(kind.get("loneliness")).toMatchObject({
    kind: "felt",
    statisticalSignal: false,
    storyCount: 5,
  });
});
