import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  action as agreementAction,
  loader as agreementLoader,
} from "../../app/routes/buurtagenda-afspraak";
import { action as publicAction } from "../../app/routes/buurtagenda";
import { startAgenda } from "../../app/features/agenda/agenda.server";
import { sendOverdueNotices } from "../../app/features/progress/progress-notifications.server";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { PROJECT_ROOT } from "../../app/shared/database/schema-engine.server";
import { db } from "../../app/shared/db.server";
import { startQueueWorker } from "../../app/shared/queue.server";
import { dutchToday } from "../../app/shared/validation";
import { setupFreshDatabase } from "../support/database";
import { partyWithMember, signInDemoRoles } from "../support/demo-users";
import { formPost, get, isRedirectTo, routeArgs } from "../support/requests";
import { startMailbox } from "../support/smtp-capture";

// Progress on agreements (issue 8, first part): the owner's dated updates set the status;
// "stalled" and "dropped" say why; no dates in the future; only the owner reports; followers
// hear of a status change; owners of overdue agreements get one reminder per end date.

setupFreshDatabase();

const users: Record<string, string> = {};
const cookies: Record<string, string> = {};
let agendaId = "";
let agreementId = "";
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let stopWorker: () => Promise<void>;

beforeAll(async () => {
  process.env.CBS_DATA_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");
  await seedDatabase({ demoStories: false });
  await signInDemoRoles(["bewoner", "buurtplatform", "gemeente"], users, cookies);
  agendaId = await startAgenda(
    users.gemeente!,
    {
      title: "Glip",
      publicDescription: "x",
      startsOn: "2026-01-01",
      endsOn: "2027-12-31",
      buurtCodes: ["BU03970100", "BU03970101"],
    },
    { gemeenteCode: "GM0397", year: 2022 },
  );
  const parties: Record<string, string> = {};
  for (const key of ["wij", "elan"]) {
    const made = await partyWithMember(agendaId, {
      key,
      name: `Organisatie ${key}`,
      role: "decides",
    });
    parties[key] = made.partyId;
    users[key] = made.userId;
    cookies[key] = made.cookie;
  }
  agreementId = (
    await db().agreement.create({
      data: {
        agendaId,
        title: "Lampen langs het pad",
        ownerPartyId: parties.wij!,
        startsOn: new Date("2026-01-01"),
        // Ended yesterday or earlier: overdue from the start.
        dueOn: new Date("2026-02-01"),
        createdById: users.gemeente!,
      },
    })
  ).id;
  mailbox = await startMailbox();
  process.env.SMTP_URL = mailbox.url;
  process.env.APP_URL = "https://buurtagenda.example.nl";
  stopWorker = await startQueueWorker({ pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await stopWorker?.();
  await mailbox?.close();
  delete process.env.SMTP_URL;
  delete process.env.APP_URL;
});

const report = (fields: Record<string, string>, cookie = cookies.wij) =>
  agreementAction(
    routeArgs(
      formPost(
        `/buurtagenda/${agendaId}/afspraken/${agreementId}`,
        { intent: "progress", happenedOn: dutchToday(), ...fields },
        cookie,
      ),
      { id: agendaId, agreement: agreementId },
    ),
  );
type Reply = { progress: { error: Record<string, string[]> } };

describe("progress on an agreement", () => {
  it("is reported by the owner only: another party and the platform are refused", async () => {
    for (const who of ["elan", "buurtplatform"]) {
      await expect(report({ status: "in_progress" }, cookies[who])).rejects.toMatchObject({
        init: { status: 403 },
      });
    }
    expect(await db().agreementUpdate.count()).toBe(0);
  });

  it("refuses 'dropped' without a reason, a date in the future and a javascript: link", async () => {
    expect(
      ((await report({ status: "dropped", note: " " })) as Reply).progress.error,
    ).toMatchObject({ note: ["reasonRequired"] });
    expect(
      ((await report({ status: "in_progress", happenedOn: "2099-01-01" })) as Reply).progress.error,
    ).toMatchObject({ happenedOn: ["happenedInFuture"] });
    expect(
      ((await report({ status: "in_progress", link: "javascript:alert(1)" })) as Reply).progress
        .error,
    ).toMatchObject({ link: ["linkInvalid"] });
    expect(await db().agreementUpdate.count()).toBe(0);
    expect((await db().agreement.findUniqueOrThrow({ where: { id: agreementId } })).status).toBe(
      "planned",
    );
  });

  it("sets the status, shows in the history, and tells the agenda's followers", async () => {
    await publicAction(
      routeArgs(formPost(`/buurtagenda/${agendaId}`, { intent: "follow" }, cookies.bewoner), {
        id: agendaId,
      }),
    );
    const saved = await report({ status: "in_progress", note: "De eerste lampen staan er." });
    expect(isRedirectTo(saved, /\?voortgang=1#voortgang$/)).toBe(true);
    expect((await db().agreement.findUniqueOrThrow({ where: { id: agreementId } })).status).toBe(
      "in_progress",
    );
    const page = await agreementLoader(
      routeArgs(get(`/buurtagenda/${agendaId}/afspraken/${agreementId}`, cookies.elan), {
        id: agendaId,
        agreement: agreementId,
      }),
    );
    expect(page.updates.map((u) => [u.status, u.note])).toEqual([
      ["in_progress", "De eerste lampen staan er."],
    ]);
    // Elan reads it, but only WIJ (the owner) gets the form.
    expect(page.canReport).toBe(false);
    const mail = await mailbox.waitFor("bewoner@demo.buurtagenda.nl", /Lampen langs het pad/);
    expect(mail.text).toContain("is nu: Bezig");
    expect(mail.text).toContain("/volgen/stoppen/");
  });

  it("reminds the owner of an overdue agreement once per end date, and not when done", async () => {
    expect(
      (
        await agreementLoader(
          routeArgs(get(`/buurtagenda/${agendaId}/afspraken/${agreementId}`, cookies.wij), {
            id: agendaId,
            agreement: agreementId,
          }),
        )
      ).overdue,
    ).toBe(true);
    expect(await sendOverdueNotices()).toBe(1);
    expect(await sendOverdueNotices()).toBe(0);
    const reminder = await mailbox.waitFor("wij@example.org", /Afspraak over tijd|einddatum/);
    expect(reminder.text).toContain("Lampen langs het pad");
    await report({ status: "done", note: "Alle lampen branden." });
    await db().agreement.update({
      where: { id: agreementId },
      data: { dueOn: new Date("2026-03-01") },
    });
    expect(await sendOverdueNotices()).toBe(0);
  });
});
