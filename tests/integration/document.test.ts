import path from "node:path";
import mammoth from "mammoth";
import { extractText, getDocumentProxy, getMeta } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as textAction, loader as textLoader } from "../../app/routes/buurtagenda-tekst";
import { loader as versionLoader } from "../../app/routes/buurtagenda-versie";
import { loader as pdfLoader } from "../../app/routes/buurtagenda-versie-pdf";
import { loader as docxLoader } from "../../app/routes/buurtagenda-versie-docx";
import { action as publicAction, loader as publicLoader } from "../../app/routes/buurtagenda";
import { action as stopAction, loader as stopLoader } from "../../app/routes/volgen-stoppen";
import { startQueueWorker } from "../../app/shared/queue.server";
import { startMailbox } from "../support/smtp-capture";
import { startAgenda } from "../../app/features/agenda/agenda.server";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { PROJECT_ROOT } from "../../app/shared/database/schema-engine.server";
import { db } from "../../app/shared/db.server";
import { setupFreshDatabase } from "../support/database";
import { partyWithMember, signInDemoRoles } from "../support/demo-users";
import { formPost, get, isRedirectTo, routeArgs } from "../support/requests";

// Block 7 (issue 7): the agenda text with a revision check, embedded records (quotes only with
// consent), sign-off by the deciding parties on one revision, publishing a frozen version, the
// change view, and the PDF and DOCX read back as text.

setupFreshDatabase();

const cookies: Record<string, string> = {};
const users: Record<string, string> = {};
const party: Record<string, string> = {};
let agendaId = "";
let otherAgendaId = "";
let agreementId = "";
let foreignAgreementId = "";
let quotable = "";
let notQuotable = "";
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let stopWorker: () => Promise<void>;

beforeAll(async () => {
  process.env.CBS_DATA_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");
  await seedDatabase({ demoStories: false });
  await signInDemoRoles(["bewoner", "buurtplatform", "gemeente", "partner"], users, cookies);
  const details = {
    publicDescription: "Samen aan de slag.",
    startsOn: "2027-01-01",
    endsOn: "2027-12-31",
  };
  agendaId = await startAgenda(
    users.gemeente!,
    { ...details, title: "Glip en Glipper Dreef", buurtCodes: ["BU03970100", "BU03970101"] },
    { gemeenteCode: "GM0397", year: 2022 },
  );
  otherAgendaId = await startAgenda(
    users.gemeente!,
    { ...details, title: "Centrum", buurtCodes: ["BU03970000"] },
    { gemeenteCode: "GM0397", year: 2022 },
  );
  // Two deciding parties, each with a person who acts for it; one advising party.
  for (const [key, name, role] of [
    ["wij", "WIJ Heemstede", "decides"],
    ["elan", "Elan Wonen", "decides"],
    ["school", "Basisschool De Glip", "advises"],
  ] as const) {
    const made = await partyWithMember(agendaId, { key, name, role });
    party[key] = made.partyId;
    users[key] = made.userId;
    cookies[key] = made.cookie;
  }
  agreementId = (
    await db().agreement.create({
      data: {
        agendaId,
        title: "Meer licht op het pad",
        ownerPartyId: party.wij!,
        startsOn: new Date("2027-02-01"),
        dueOn: new Date("2027-06-30"),
        costEuros: 12_500,
        createdById: users.gemeente!,
      },
    })
  ).id;
  const elsewhereParty = await db().agendaParty.create({
    data: {
      agendaId: otherAgendaId,
      organisationId: (await db().agendaParty.findUniqueOrThrow({ where: { id: party.wij! } }))
        .organisationId,
      participationRole: "decides",
    },
  });
  foreignAgreementId = (
    await db().agreement.create({
      data: {
        agendaId: otherAgendaId,
        title: "Elders",
        ownerPartyId: elsewhereParty.id,
        startsOn: new Date("2027-02-01"),
        dueOn: new Date("2027-03-01"),
        createdById: users.gemeente!,
      },
    })
  ).id;
  const story = (text: string, consentQuote: boolean) =>
    db().story.create({
      data: {
        gemeenteCode: "GM0397",
        buurtCode: "BU03970101",
        text,
        channel: "online",
        status: "published",
        consentPublish: true,
        consentQuote,
        showName: true,
        tellerName: "Fatima",
      },
    });
  quotable = (await story("Het pad naar de bushalte is 's avonds heel donker.", true)).id;
  notQuotable = (await story("Niet citeren alstublieft.", false)).id;
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

const paragraph = (text: string, marks?: unknown[]) => ({
  type: "paragraph",
  content: [{ type: "text", text, ...(marks ? { marks } : {}) }],
});
const doc = (...content: unknown[]) => JSON.stringify({ type: "doc", content });
const goodDoc = (extra = "") =>
  doc(
    {
      type: "heading",
      attrs: { level: 2 },
      content: [{ type: "text", text: "Wat gaan we doen?" }],
    },
    paragraph(`We maken het pad veilig${extra}.`),
    { type: "agreementEmbed", attrs: { agreementId } },
    { type: "storyQuote", attrs: { storyId: quotable } },
  );

const post = (fields: Record<string, string>, cookie?: string) =>
  textAction(
    routeArgs(formPost(`/buurtagenda/${agendaId}/tekst`, fields, cookie), { id: agendaId }),
  );
const save = (content: string, revision: number, cookie = cookies.gemeente) =>
  post({ intent: "save", content, revision: String(revision) }, cookie);
const page = (cookie = cookies.gemeente) =>
  textLoader(routeArgs(get(`/buurtagenda/${agendaId}/tekst`, cookie), { id: agendaId }));
const revision = async () =>
  (await db().agendaDocument.findUnique({ where: { agendaId } }))?.revision ?? 0;

describe("the agenda text", () => {
  it("starts from the template of the seven blocks", async () => {
    const view = await page();
    expect(view.draft.saved).toBe(false);
    const headings = (view.draft.doc.content ?? [])
      .filter((n) => n.type === "heading")
      .map((n) => n.content?.[0]?.text);
    expect(headings).toEqual([
      "Waarom dit gebied, en waarom nu?",
      "Wat zeggen de cijfers?",
      "Wat vertelden bewoners?",
      "Wat gaan we samen doen?",
      "Hoe houden we het bij?",
    ]);
  });

  it("refuses a javascript: link, a quote without consent, another agenda's agreement; writes nothing", async () => {
    const bad = [
      [
        doc(paragraph("klik", [{ type: "link", attrs: { href: "javascript:alert(1)" } }])),
        "linkNotAllowed",
      ],
      [doc({ type: "storyQuote", attrs: { storyId: notQuotable } }), "quoteNotAllowed"],
      [
        doc({ type: "agreementEmbed", attrs: { agreementId: foreignAgreementId } }),
        "agreementForeign",
      ],
      [doc({ type: "script", content: [{ type: "text", text: "x" }] }), "documentInvalid"],
    ] as const;
    for (const [content, error] of bad) {
      expect(await save(content, 0)).toMatchObject({ error });
    }
    expect(await revision()).toBe(0);
  });

  it("is written by the platform and staff, not by a resident or a partner", async () => {
    for (const who of ["bewoner", "partner"]) {
      await expect(save(goodDoc(), 0, cookies[who])).rejects.toMatchObject({
        init: { status: 403 },
      });
    }
  });

  it("refuses a stale save and hands back both texts, so nothing is lost", async () => {
    expect(isRedirectTo(await save(goodDoc(), 0), /\?opgeslagen=1$/)).toBe(true);
    expect(isRedirectTo(await save(goodDoc(" met lampen"), 1, cookies.buurtplatform), /=2$/)).toBe(
      true,
    );
    // Sanne started from revision 1 too: her save is refused, with her text and the current one.
    const stale = (await save(goodDoc(" met bankjes"), 1)) as {
      error: string;
      mine: { content: unknown[] };
      theirs: { revision: number; content: unknown };
    };
    expect(stale.error).toBe("stale");
    expect(JSON.stringify(stale.mine)).toContain("met bankjes");
    expect(stale.theirs.revision).toBe(2);
    expect(JSON.stringify(stale.theirs.content)).toContain("met lampen");
    expect(await revision()).toBe(2);
    // After merging she saves on top of revision 2.
    expect(isRedirectTo(await save(goodDoc(" met lampen en bankjes"), 2), /=3$/)).toBe(true);
  });

  it("shows embedded records live, and flags long sentences and officialese", async () => {
    await save(
      doc(
        paragraph("Teneinde het pad veilig te maken, zetten wij lampen."),
        { type: "agreementEmbed", attrs: { agreementId } },
        { type: "storyQuote", attrs: { storyId: quotable } },
      ),
      3,
    );
    const view = await page(cookies.partner);
    expect(view.records.agreements[agreementId]).toMatchObject({
      title: "Meer licht op het pad",
      owner: "WIJ Heemstede",
    });
    expect(view.records.stories[quotable]).toMatchObject({ tellerName: "Fatima" });
    // Only stories with quote consent can be chosen.
    expect(view.choices.stories.map((s) => s.id)).toEqual([quotable]);
    expect(view.flags).toEqual([
      expect.objectContaining({ kind: "word", word: "teneinde", plain: "om" }),
    ]);
  });
});

describe("sign-off and publishing", () => {
  const answer = (who: string, partyKey: string, decision: string, rev: number, reason = "") =>
    post(
      { intent: "signoff", partyId: party[partyKey]!, revision: String(rev), decision, reason },
      cookies[who],
    );
  const publish = (rev: number, cookie = cookies.gemeente) =>
    post({ intent: "publish", revision: String(rev) }, cookie);

  it("is given only by someone acting for a deciding party, on the current revision", async () => {
    const current = await revision();
    // Elan's person cannot answer for WIJ; the school advises and does not decide.
    await expect(answer("elan", "wij", "approved", current)).rejects.toMatchObject({
      init: { status: 403 },
    });
    await expect(answer("school", "school", "approved", current)).rejects.toMatchObject({
      init: { status: 403 },
    });
    expect(await answer("wij", "wij", "approved", current - 1)).toMatchObject({
      signOffError: "signOffStale",
    });
    expect(await answer("elan", "elan", "declined", current)).toMatchObject({
      signOffError: "signOffReasonRequired",
    });
    expect(await db().agendaSignOff.count()).toBe(0);
  });

  it("needs every deciding party's approval of this very revision before staff publish", async () => {
    let current = await revision();
    await answer("wij", "wij", "approved", current);
    await answer("elan", "elan", "declined", current, "Eerst de kosten uitzoeken.");
    expect(await publish(current)).toEqual({ publishError: "notSignedOff" });
    await answer("elan", "elan", "approved", current);
    // A change after the approvals needs new ones.
    await save(goodDoc(" vóór de winter"), current);
    current = await revision();
    expect(await publish(current)).toEqual({ publishError: "notSignedOff" });
    await answer("wij", "wij", "approved", current);
    await answer("elan", "elan", "approved", current);
    // The platform drafts but does not publish; the gemeente does.
    await expect(publish(current, cookies.buurtplatform)).rejects.toMatchObject({
      init: { status: 403 },
    });
    const published = await publish(current);
    expect(isRedirectTo(published, /\/versie\/1\?gepubliceerd=1$/)).toBe(true);
    expect(await db().agendaVersion.count({ where: { agendaId } })).toBe(1);
    // The same revision once more (a second click, a second tab): refused.
    expect(await publish(current)).toEqual({ publishError: "alreadyPublished" });
    expect(await db().agendaVersion.count({ where: { agendaId } })).toBe(1);
  });

  it("keeps a published version as it was: later changes and updates do not touch it", async () => {
    await db().agreement.update({ where: { id: agreementId }, data: { title: "Lampen (nieuw)" } });
    const version = await versionLoader(
      routeArgs(get(`/buurtagenda/${agendaId}/versie/1`), { id: agendaId, number: "1" }),
    );
    expect(version.version.records.agreements[agreementId]!.title).toBe("Meer licht op het pad");
    await expect(
      db().$executeRaw`UPDATE agenda_version SET number = 9 WHERE agenda_id = ${agendaId}::uuid`,
    ).rejects.toThrow(/cannot be changed/);
    await expect(
      db().$executeRaw`DELETE FROM agenda_version WHERE agenda_id = ${agendaId}::uuid`,
    ).rejects.toThrow(/cannot be changed/);
    await expect(
      versionLoader(
        routeArgs(get(`/buurtagenda/${agendaId}/versie/2`), { id: agendaId, number: "2" }),
      ),
    ).rejects.toMatchObject({ init: { status: 404 } });
  });

  it("shows what changed between two versions", async () => {
    let current = await revision();
    await save(
      doc(paragraph("We maken het pad veilig vóór de winter."), paragraph("En we planten bomen.")),
      current,
    );
    current = await revision();
    await answer("wij", "wij", "approved", current);
    await answer("elan", "elan", "approved", current);
    await publish(current);
    const v2 = await versionLoader(
      routeArgs(get(`/buurtagenda/${agendaId}/versie/2?vergelijk=1`), {
        id: agendaId,
        number: "2",
      }),
    );
    expect(v2.compare?.changes.filter((c) => c.kind === "added").map((c) => c.text)).toEqual([
      "En we planten bomen.",
    ]);
  });
});

describe("exports and the public page", () => {
  it("makes a tagged Dutch PDF of version 1 whose text can be read back", async () => {
    const response = await pdfLoader(
      routeArgs(get(`/buurtagenda/${agendaId}/versie/1/pdf`), { id: agendaId, number: "1" }),
    );
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    const pdf = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text).toContain("Glip en Glipper Dreef: versie 1");
    expect(text).toContain("Meer licht op het pad");
    expect(text).toContain("Het pad naar de bushalte is 's avonds heel donker.");
    expect(text).toContain("Bron cijfers: CBS");
    // The link to the public page may wrap over two lines.
    expect(text.replace(/\s+/g, "")).toContain(`/buurtagenda/${agendaId}/versie/1`);
    const meta = await getMeta(pdf);
    expect(meta.info).toMatchObject({
      Language: "nl-NL",
      Title: "Glip en Glipper Dreef: versie 1",
    });
    expect(await pdf.getMarkInfo()).toMatchObject({ Marked: true });
    const tree = await (await pdf.getPage(1)).getStructTree();
    expect(JSON.stringify(tree)).toContain('"role":"H1"');
  });

  it("makes a Word file with the same text, with headings as headings", async () => {
    const response = await docxLoader(
      routeArgs(get(`/buurtagenda/${agendaId}/versie/1/docx`), { id: agendaId, number: "1" }),
    );
    const buffer = Buffer.from(await response.arrayBuffer());
    const { value: html } = await mammoth.convertToHtml({ buffer });
    expect(html).toContain("<h1>Glip en Glipper Dreef: versie 1</h1>");
    expect(html).toContain("<h2>Wat gaan we doen?</h2>");
    expect(html).toContain("Meer licht op het pad");
    expect(html).toContain("Bron cijfers: CBS");
  });

  it("shows residents the newest version and its agreements with their current status", async () => {
    const view = await publicLoader(
      routeArgs(get(`/buurtagenda/${agendaId}`, cookies.bewoner), { id: agendaId }),
    );
    expect(view.version?.number).toBe(2);
    const draft = await publicLoader(
      routeArgs(get(`/buurtagenda/${otherAgendaId}`), { id: otherAgendaId }),
    );
    expect(draft.version).toBeNull();
  });
});

describe("what the parties approved", () => {
  const answer = (who: string, partyKey: string, rev: number) =>
    post(
      { intent: "signoff", partyId: party[partyKey]!, revision: String(rev), decision: "approved" },
      cookies[who],
    );
  const publish = (rev: number) =>
    post({ intent: "publish", revision: String(rev) }, cookies.gemeente);

  it("is the text with its records: an agreement changed after the approvals needs new ones", async () => {
    let current = await revision();
    await save(goodDoc(" in het voorjaar"), current);
    current = await revision();
    await answer("wij", "wij", current);
    await answer("elan", "elan", current);
    await db().agreement.update({ where: { id: agreementId }, data: { costEuros: 99_000 } });
    expect(await publish(current)).toEqual({ publishError: "notSignedOff" });
    const view = await page();
    expect(view.signOff.parties.map((p) => p.outdated)).toEqual([true, true]);
    expect(view.signOff.complete).toBe(false);
  });

  it("stops publishing when a quoted teller took back their consent", async () => {
    const current = await revision();
    await answer("wij", "wij", current);
    await answer("elan", "elan", current);
    await db().story.update({ where: { id: quotable }, data: { consentQuote: false } });
    expect(await publish(current)).toEqual({ publishError: "embedsChanged" });
    await db().story.update({ where: { id: quotable }, data: { consentQuote: true } });
  });

  it("refuses a finding residents may not see", async () => {
    const internal = await db().finding.create({
      data: { agendaId, title: "Intern", description: "x", createdById: users.gemeente! },
    });
    expect(
      await save(
        doc({ type: "findingEmbed", attrs: { findingId: internal.id } }),
        await revision(),
      ),
    ).toMatchObject({ error: "findingForeign" });
  });
});

describe("following by email", () => {
  const followAs = (cookie: string | undefined, intent: "follow" | "unfollow") =>
    publicAction(
      routeArgs(formPost(`/buurtagenda/${agendaId}`, { intent }, cookie), { id: agendaId }),
    );

  it("mails a follower when a version is published, with a link that stops it", async () => {
    await expect(followAs(undefined, "follow")).rejects.toSatisfy((r: unknown) =>
      isRedirectTo(r, /\/inloggen/),
    );
    expect(isRedirectTo(await followAs(cookies.bewoner, "follow"), /\?gevolgd=1#volgen$/)).toBe(
      true,
    );
    const view = await publicLoader(
      routeArgs(get(`/buurtagenda/${agendaId}`, cookies.bewoner), { id: agendaId }),
    );
    expect(view.following).toBe(true);
    // Publish the next version (the approvals were outdated by the previous tests).
    const current = await revision();
    for (const key of ["wij", "elan"]) {
      await post(
        {
          intent: "signoff",
          partyId: party[key]!,
          revision: String(current),
          decision: "approved",
        },
        cookies[key],
      );
    }
    const published = await post(
      { intent: "publish", revision: String(current) },
      cookies.gemeente,
    );
    const number = /versie\/(\d+)/.exec((published as Response).headers.get("Location")!)![1]!;
    // The job of an earlier publication may still run after the follow and mail that version
    // too: wait for the mail about this one.
    const mail = await mailbox.waitFor(
      "bewoner@demo.buurtagenda.nl",
      new RegExp(`nieuwe versie .*: versie ${number}\\.`),
    );
    expect(mail.text).toContain(`versie ${number}`);
    expect(mail.text).toContain(`/buurtagenda/${agendaId}/versie/${number}`);
    const token = /\/volgen\/stoppen\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    // Mail clients offer their own unsubscribe button from these headers (RFC 2369, RFC 8058).
    expect(mail.headers["list-unsubscribe"]).toMatch(
      new RegExp(`^<https?://[^>]+/volgen/stoppen/${token}>$`),
    );
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    // Opening the link only asks; the button stops it, without signing in.
    const asked = await stopLoader(routeArgs(get(`/volgen/stoppen/${token}`), { token }));
    expect(asked.title).toBe("Glip en Glipper Dreef");
    expect(await db().agendaFollower.count({ where: { agendaId } })).toBe(1);
    await stopAction(routeArgs(formPost(`/volgen/stoppen/${token}`, {}), { token }));
    expect(await db().agendaFollower.count({ where: { agendaId } })).toBe(0);
    // The link works once.
    await expect(
      stopAction(routeArgs(formPost(`/volgen/stoppen/${token}`, {}), { token })),
    ).rejects.toMatchObject({ init: { status: 404 } });
  });
});
