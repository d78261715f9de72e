import path from "node:path";
import { extractText, getDocumentProxy, getMeta } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as reportLoader } from "../../app/routes/gemeente-dashboard-rapport";
import { startAgenda } from "../../app/features/agenda/agenda.server";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { PROJECT_ROOT } from "../../app/shared/database/schema-engine.server";
import { db } from "../../app/shared/db.server";
import { setupFreshDatabase } from "../support/database";
import { signInDemoRoles } from "../support/demo-users";
import { get, isRedirectTo, routeArgs } from "../support/requests";

// The council report (issue 8): the dashboard of a gemeente as a PDF for a council meeting, with
// the dashboard's permission and filters.

setupFreshDatabase();

const users: Record<string, string> = {};
const cookies: Record<string, string> = {};
let glip = "";

beforeAll(async () => {
  process.env.CBS_DATA_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");
  await seedDatabase({ demoStories: false });
  await signInDemoRoles(["bewoner", "buurtplatform", "gemeente", "adviesraad"], users, cookies);
  const details = { publicDescription: "x", startsOn: "2026-01-01", endsOn: "2027-12-31" };
  glip = await startAgenda(
    users.gemeente!,
    { ...details, title: "Glip en Glipper Dreef", buurtCodes: ["BU03970100", "BU03970101"] },
    { gemeenteCode: "GM0397", year: 2022 },
  );
  await startAgenda(
    users.gemeente!,
    { ...details, title: "Dorpskern", buurtCodes: ["BU03970000"] },
    { gemeenteCode: "GM0397", year: 2022 },
  );
  // Block 1 done, block 2 stuck for three weeks; one overdue agreement; advice older than six weeks.
  await db().buurtagendaBlock.update({
    where: { agendaId_block: { agendaId: glip, block: 1 } },
    data: { status: "done", updatedAt: new Date(Date.now() - 30 * 86_400_000) },
  });
  await db().buurtagendaBlock.update({
    where: { agendaId_block: { agendaId: glip, block: 2 } },
    data: { status: "in_progress", updatedAt: new Date(Date.now() - 21 * 86_400_000) },
  });
  const organisation = await db().organisation.create({
    data: { gemeenteCode: "GM0397", name: "WIJ Heemstede", kind: "welfare" },
  });
  const owner = await db().agendaParty.create({
    data: { agendaId: glip, organisationId: organisation.id, participationRole: "decides" },
  });
  await db().agreement.create({
    data: {
      agendaId: glip,
      title: "Lampen",
      ownerPartyId: owner.id,
      startsOn: new Date("2026-01-01"),
      dueOn: new Date("2026-02-01"),
      createdById: users.gemeente!,
    },
  });
  await db().councilAdvice.create({
    data: {
      agendaId: glip,
      kind: "advice",
      title: "Meer aandacht voor ouderen",
      text: "De raad adviseert…",
      authorId: users.adviesraad!,
      createdAt: new Date(Date.now() - 43 * 86_400_000),
    },
  });
});

const report = (query = "", cookie = cookies.adviesraad, code = "GM0397") =>
  reportLoader(routeArgs(get(`/gemeente/${code}/dashboard/rapport.pdf${query}`, cookie), { code }));

async function pdfOf(response: Response) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const pdf = await getDocumentProxy(bytes.slice());
  const { text } = await extractText(pdf, { mergePages: true });
  // Words may wrap over two lines in a table cell.
  return { bytes, pdf, text: text.replace(/\s+/g, " ") };
}

describe("the council report", () => {
  it("is a tagged Dutch PDF of the dashboard for the council, not kept by any cache", async () => {
    const response = await report();
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="raadsrapportage-heemstede-\d{4}-\d{2}-\d{2}\.pdf"$/,
    );
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const { bytes, pdf, text } = await pdfOf(response);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    expect(text).toContain("Raadsrapportage buurtagenda's — Heemstede");
    expect(text).toContain("Alle wijken");
    // The summary: two agendas, one agreement, overdue, one advice waiting over six weeks.
    expect(text).toMatch(/Buurtagenda's 2 Afspraken 1 Afspraken over tijd 1 Adviezen die langer/);
    // Per agenda: title, buurten, where it is stuck and since when, its figures.
    expect(text).toContain("Glip en Glipper Dreef");
    expect(text).toContain("Dorpskern");
    expect(text).toContain("De Glip, Glipper Dreef en Staatsliedenbuurt");
    expect(text).toContain("2. Maak een buurtscan: al 21 dagen bezig");
    expect(text).toContain("1 in totaal: 0 klaar, 0 bezig, 1 gepland, 0 loopt vast, 0 gestopt");
    expect(text).toMatch(/pagina 1 van \d/);
    const meta = await getMeta(pdf);
    expect(meta.info).toMatchObject({
      Language: "nl-NL",
      Title: "Raadsrapportage buurtagenda's — Heemstede",
    });
    expect(await pdf.getMarkInfo()).toMatchObject({ Marked: true });
    const tree = JSON.stringify(await (await pdf.getPage(1)).getStructTree());
    expect(tree).toContain('"role":"H1"');
    expect(tree).toContain('"role":"Table"');
    expect(tree).toContain('"role":"TH"');
  });

  it("uses the dashboard's filters, and the reader's language", async () => {
    const { text } = await pdfOf(await report("?wijk=WK039701&vanaf=2026-06-01&tot=x"));
    expect(text).toContain("Wijk 01 Heemstede-Zuid");
    expect(text).toContain("vanaf 1 juni 2026");
    expect(text).toContain("Glip en Glipper Dreef");
    expect(text).not.toContain("Dorpskern");
    const none = await pdfOf(await report("?vanaf=2028-01-01"));
    expect(none.text).toContain("Er zijn geen buurtagenda's die bij deze keuze passen.");
    const english = await pdfOf(await report("", `${cookies.adviesraad}; taal=en`));
    expect(english.text).toContain("Council report on the neighbourhood agendas — Heemstede");
    expect((await getMeta(english.pdf)).info).toMatchObject({ Language: "en-GB" });
  });

  it("is for the gemeente and the council only", async () => {
    expect((await report("", cookies.gemeente)).status).toBe(200);
    for (const who of ["bewoner", "buurtplatform"]) {
      await expect(report("", cookies[who])).rejects.toMatchObject({ init: { status: 403 } });
    }
    // No session cookie: a visitor is sent to sign in, and comes back to this very report.
    const visitor = await report("?wijk=WK039701", "").catch((e: unknown) => e);
    expect(
      isRedirectTo(
        visitor,
        /^\/inloggen\?terug=%2Fgemeente%2FGM0397%2Fdashboard%2Frapport\.pdf%3Fwijk%3DWK039701$/,
      ),
    ).toBe(true);
  });

  it("answers 404 for a gemeente that does not exist", async () => {
    for (const code of ["GM9999", "onzin"]) {
      await expect(report("", cookies.adviesraad, code)).rejects.toMatchObject({
        init: { status: 404 },
      });
    }
  });
});
