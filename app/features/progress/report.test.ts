import { describe, expect, it } from "vitest";
import { dashboardRow } from "./dashboard";
import { councilReportContent, councilReportFileName, type ReportAgenda } from "./report";

const NOW = new Date("2026-12-02T09:30:00Z");
const days = (n: number) => new Date(NOW.getTime() - n * 24 * 60 * 60 * 1000);
const HEEMSTEDE = { code: "GM0397", name: "Heemstede" };

function agenda(title: string, overrides: Partial<Parameters<typeof dashboardRow>[0]> = {}) {
  const row: ReportAgenda = {
    id: title,
    title,
    startsOn: new Date("2026-01-01T00:00:00Z"),
    endsOn: new Date("2027-12-31T00:00:00Z"),
    buurten: ["De Glip", "Glipper Dreef"],
    ...dashboardRow(
      {
        blocks: [1, 2, 3, 4, 5, 6, 7].map((block) => ({
          block,
          status: block === 1 ? "done" : block === 2 ? "in_progress" : "not_started",
          updatedAt: days(21),
        })),
        agreements: [
          { status: "planned", count: 1, overdue: 1 },
          { status: "done", count: 1, overdue: 0 },
          { status: "stalled", count: 1, overdue: 0 },
        ],
        storyCount: 12,
        ideas: [{ verdict: "fits" }, { verdict: "does_not_fit" }, { verdict: null }],
        lastActivity: days(1),
        openAdvice: [{ createdAt: days(50) }, { createdAt: days(10) }],
        ...overrides,
      },
      NOW,
    ),
  };
  return row;
}

const facts = (content: ReturnType<typeof councilReportContent>, i = 0) =>
  Object.fromEntries(content.agendas[i]!.facts);

describe("the council report's content", () => {
  it("names the gemeente, the moment, and the filters in plain words", () => {
    const content = councilReportContent(
      HEEMSTEDE,
      [],
      { wijk: "WK039701", wijkName: "Wijk 01 Heemstede-Noord", vanaf: "2026-01-01" },
      "nl",
      NOW,
    );
    expect(content.title).toBe("Raadsrapportage buurtagenda's — Heemstede");
    expect(Object.fromEntries(content.about)).toEqual({
      "Gemaakt op": "2 december 2026 om 10:30",
      Wijk: "Wijk 01 Heemstede-Noord",
      Periode: "vanaf 1 januari 2026",
    });
    expect(content.periodNote).not.toBeNull();
    expect(content.none).toBe("Er zijn geen buurtagenda's die bij deze keuze passen.");
    const all = councilReportContent(HEEMSTEDE, [], {}, "nl", NOW);
    expect(Object.fromEntries(all.about)).toMatchObject({
      Wijk: "Alle wijken",
      Periode: "Alle periodes",
    });
    expect(all.periodNote).toBeNull();
    const both = councilReportContent(
      HEEMSTEDE,
      [],
      { vanaf: "2026-01-01", tot: "2026-06-30" },
      "nl",
      NOW,
    );
    expect(Object.fromEntries(both.about).Periode).toBe("1 januari 2026 tot en met 30 juni 2026");
  });

  it("sums agendas, agreements by status, overdue and late advice", () => {
    const content = councilReportContent(
      HEEMSTEDE,
      [agenda("Glip"), agenda("Centrum")],
      {},
      "nl",
      NOW,
    );
    expect(Object.fromEntries(content.summary)).toEqual({
      "Buurtagenda's": "2",
      Afspraken: "6",
      "Afspraken over tijd": "2",
      "Adviezen die langer dan 6 weken wachten op antwoord": "2",
    });
    expect(Object.fromEntries(content.byStatus)).toEqual({
      Gepland: "2",
      Bezig: "0",
      Klaar: "2",
      "Loopt vast": "2",
      Gestopt: "0",
    });
  });

  it("says per agenda where it is stuck and for how long, and the rest of its figures", () => {
    const content = councilReportContent(HEEMSTEDE, [agenda("Glip")], {}, "nl", NOW);
    expect(content.agendas[0]!.title).toBe("Glip");
    expect(facts(content)).toEqual({
      Buurten: "De Glip, Glipper Dreef",
      Looptijd: "1 januari 2026 tot en met 31 december 2027",
      "Waar staat het?": "2. Maak een buurtscan: al 21 dagen bezig",
      Afspraken: "3 in totaal: 1 klaar, 0 bezig, 1 gepland, 1 loopt vast, 0 gestopt",
      "Afspraken over tijd": "1",
      Verhalen: "12",
      Ideeën: "3 in totaal: 1 past, 0 besluit nodig, 1 past niet, 1 nog geen oordeel",
      "Laatste activiteit": "1 dag geleden",
      "Advies zonder antwoord, langer dan 6 weken": "1",
    });
  });

  it("has words for nothing yet, all done, and today", () => {
    const done = agenda("Klaar", {
      blocks: [1, 2, 3, 4, 5, 6, 7].map((block) => ({ block, status: "done", updatedAt: days(3) })),
      agreements: [],
      ideas: [],
      lastActivity: null,
    });
    const today = agenda("Vandaag", { lastActivity: days(0) });
    const content = councilReportContent(HEEMSTEDE, [done, today], {}, "nl", NOW);
    expect(facts(content, 0)).toMatchObject({
      "Waar staat het?": "Alle bouwstenen zijn klaar",
      Afspraken: "Nog geen afspraken",
      Ideeën: "Nog geen ideeën",
      "Laatste activiteit": "Nog geen activiteit",
    });
    expect(facts(content, 1)["Laatste activiteit"]).toBe("Vandaag");
    const changedToday = agenda("Nu", {
      blocks: [{ block: 1, status: "in_progress", updatedAt: days(0) }],
    });
    expect(
      facts(councilReportContent(HEEMSTEDE, [changedToday], {}, "nl", NOW))["Waar staat het?"],
    ).toBe("1. Zoek de urgentie: bezig, sinds vandaag");
  });

  it("is in English when the reader chose English, with the same keys", () => {
    const content = councilReportContent(
      HEEMSTEDE,
      [agenda("Glip")],
      { tot: "2026-12-31" },
      "en",
      NOW,
    );
    expect(content.title).toBe("Council report on the neighbourhood agendas — Heemstede");
    expect(Object.fromEntries(content.about).Period).toBe("up to and including 31 December 2026");
    expect(facts(content)["Where does it stand?"]).toBe(
      "2. Make a neighbourhood scan: in progress for 21 days",
    );
    expect(content.footer(2, 5)).toBe(
      "Council report on the neighbourhood agendas — Heemstede · 2 December 2026 · page 2 of 5",
    );
  });
});

describe("the council report's file name", () => {
  it("is the gemeente in plain letters and the Dutch day", () => {
    expect(councilReportFileName(HEEMSTEDE, NOW)).toBe("raadsrapportage-heemstede-2026-12-02.pdf");
    // Just before midnight in UTC is already the next day in the Netherlands.
    expect(
      councilReportFileName(
        { code: "GM1900", name: "Súdwest-Fryslân" },
        new Date("2026-12-02T23:30:00Z"),
      ),
    ).toBe("raadsrapportage-sudwest-fryslan-2026-12-03.pdf");
    expect(councilReportFileName({ code: "GM0796", name: "'s-Hertogenbosch" }, NOW)).toBe(
      "raadsrapportage-s-hertogenbosch-2026-12-02.pdf",
    );
    expect(councilReportFileName({ code: "GM9999", name: "…" }, NOW)).toBe(
      "raadsrapportage-gm9999-2026-12-02.pdf",
    );
  });
});
