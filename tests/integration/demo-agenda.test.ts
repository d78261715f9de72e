import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  DEMO_AGENDA_TITLE,
  DEMO_STUCK_DAYS,
  findDemoAgenda,
} from "../../app/features/agenda/demo-agenda.server";
import type { EmbedRecords } from "../../app/features/document/document.server";
import { searchLibrary } from "../../app/features/practices/practices.server";
import { councilDashboard } from "../../app/features/progress/dashboard.server";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { PROJECT_ROOT } from "../../app/shared/database/schema-engine.server";
import { db } from "../../app/shared/db.server";
import { setupFreshDatabase } from "../support/database";

// The demo buurtagenda (issue 8): on the demo data the council's dashboard shows an agenda that
// is stuck and has an overdue agreement, a published version and a draft to advise on. Seeded
// once, outside production only.

setupFreshDatabase();

const SEED_TIMEOUT = 180_000;

beforeAll(() => {
  process.env.CBS_DATA_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");
});

async function counts() {
  return {
    agendas: await db().buurtagenda.count(),
    agreements: await db().agreement.count(),
    updates: await db().agreementUpdate.count(),
    versions: await db().agendaVersion.count(),
    documents: await db().agendaDocument.count(),
    parties: await db().agendaParty.count(),
    organisations: await db().organisation.count(),
    members: await db().organisationMember.count(),
    followers: await db().agendaFollower.count(),
    findings: await db().finding.count(),
    scans: await db().buurtScan.count(),
    users: await db().user.count(),
    roles: await db().roleAssignment.count(),
    auditEvents: await db().auditEvent.count(),
    practices: await db().goodPractice.count(),
  };
}

describe("the demo buurtagenda", () => {
  // First, on the still empty database: a production seed makes no demo content at all.
  it(
    "is not made in production",
    async () => {
      const previous = process.env.APP_ENV;
      process.env.APP_ENV = "production";
      try {
        const report = await seedDatabase();
        expect(report).toMatchObject({ demoAccounts: 0, demoStories: 0, demoAgendas: 0 });
      } finally {
        if (previous === undefined) delete process.env.APP_ENV;
        else process.env.APP_ENV = previous;
      }
      expect(await db().buurtagenda.count()).toBe(0);
      expect(await db().agreement.count()).toBe(0);
      expect(await db().user.count()).toBe(0);
    },
    SEED_TIMEOUT,
  );

  it(
    "is made once by the seed with demo content, marked as invented",
    async () => {
      const report = await seedDatabase();
      expect(report.demoAgendas).toBe(1);
      const agendas = await db().buurtagenda.findMany({
        where: { title: DEMO_AGENDA_TITLE },
        include: { buurten: { select: { buurtCode: true } } },
      });
      expect(agendas).toHaveLength(1);
      const [agenda] = agendas;
      expect(agenda!.gemeenteCode).toBe("GM0397");
      expect(agenda!.buurten.map((b) => b.buurtCode).sort()).toEqual(["BU03970100", "BU03970101"]);
      expect(agenda!.title).toMatch(/\(demo\)$/);
      expect(agenda!.publicDescription).toMatch(/verzonnen inhoud \(demo\)/);
      expect((await findDemoAgenda())?.id).toBe(agenda!.id);
    },
    SEED_TIMEOUT,
  );

  it("shows on the council dashboard as stuck in block 4, with one overdue agreement", async () => {
    const { rows } = await councilDashboard("GM0397", {});
    const row = rows.find((r) => r.title === DEMO_AGENDA_TITLE);
    expect(row).toMatchObject({
      stuckBlock: 4,
      stuckStatus: "in_progress",
      blockStatuses: [
        "done",
        "done",
        "done",
        "in_progress",
        "in_progress",
        "in_progress",
        "in_progress",
      ],
      overdue: 1,
      agreementCount: 3,
      agreementsByStatus: { planned: 1, in_progress: 2, done: 0, stalled: 0, dropped: 0 },
    });
    expect(row!.stuckForDays).toBeGreaterThan(30);
    expect(row!.stuckForDays).toBeGreaterThanOrEqual(DEMO_STUCK_DAYS);
    expect(row!.storyCount).toBeGreaterThan(0);
  });

  it("has a published version with the agreements, a newer draft, an owner and a follower", async () => {
    const { id: agendaId } = (await findDemoAgenda())!;
    const versions = await db().agendaVersion.findMany({ where: { agendaId } });
    expect(versions).toHaveLength(1);
    const records = versions[0]!.records as unknown as EmbedRecords;
    expect(Object.values(records.agreements).map((a) => a.title)).toHaveLength(3);
    expect(Object.keys(records.findings)).toHaveLength(2);
    const draft = await db().agendaDocument.findUniqueOrThrow({ where: { agendaId } });
    expect(draft.revision).toBeGreaterThan(versions[0]!.revision);

    const overdue = await db().agreement.findFirstOrThrow({
      where: { agendaId, dueOn: { lt: new Date() }, status: { notIn: ["done", "dropped"] } },
      include: { owner: { include: { organisation: { include: { members: true } } } } },
    });
    expect(overdue.owner.organisation.name).toBe("WIJ Heemstede");
    const partner = await db().user.findUniqueOrThrow({
      where: { email: "partner@demo.buurtagenda.nl" },
    });
    expect(overdue.owner.organisation.members.map((m) => m.userId)).toEqual([partner.id]);
    expect(await db().agreementUpdate.count({ where: { agreementId: overdue.id } })).toBe(1);

    const followers = await db().agendaFollower.findMany({
      where: { agendaId },
      include: { user: { select: { email: true } } },
    });
    expect(followers.map((f) => f.user.email)).toEqual(["bewoner@demo.buurtagenda.nl"]);
  });

  it("is in the library of good practices, found by a search from anywhere", async () => {
    const found = await searchLibrary({
      q: "eenzaamheid wandeling",
      thema: "",
      gebied: "",
      kosten: "",
      gemeente: "",
    });
    expect(found.items.map((p) => [p.title, p.agenda.gemeenteCode])).toEqual([
      ["Verhalen ophalen met een wijkwandeling tegen eenzaamheid (demo)", "GM0397"],
    ]);
    // The whole agenda's cost: its three agreements (6,000 + 18,000 + 4,500).
    expect(found.items[0]!.costEuros).toBe(28_500);
  });

  it(
    "is not made again by a second seed: nothing changes",
    async () => {
      const before = await counts();
      const report = await seedDatabase();
      expect(report.demoAgendas).toBe(0);
      expect(await counts()).toEqual(before);
    },
    SEED_TIMEOUT,
  );
});
