import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { action as tellAction } from "../../app/routes/buurt-vertellen";
import { action as recogniseAction } from "../../app/routes/verhaal-herkenbaar";
import { RATE_LIMITS } from "../../app/features/auth/rate-limit.server";
import { loader as buurtLoader } from "../../app/routes/buurt";
import { action as moderationAction, loader as moderationLoader } from "../../app/routes/moderatie";
import {
  action as myStoriesAction,
  loader as myStoriesLoader,
} from "../../app/routes/mijn-verhalen";
import { action as editAction, loader as editLoader } from "../../app/routes/mijn-verhaal-bewerken";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { PROJECT_ROOT } from "../../app/shared/database/schema-engine.server";
import { db } from "../../app/shared/db.server";
import { setupFreshDatabase } from "../support/database";
import { signedInCookie } from "../support/demo-users";
import { formPost, get, isRedirectTo, routeArgs } from "../support/requests";

setupFreshDatabase();

// The teller's own changes before moderation, spam-like repeats and duplicates (issue 5).
const GLIPPER_DREEF = "BU03970101";
const DE_GLIP = "BU03970100";
const CENTRUM = "BU03970000";
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
const inside = { lon: "", lat: "" };
const LONG =
  "Bij de bushalte aan de Glipperweg staat al weken een kapotte lantaarn, het is er 's avonds echt eng.";

beforeAll(async () => {
  process.env.CBS_DATA_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");
  await seedDatabase({ demoStories: false });
  for (const role of ["bewoner", "buurtplatform", "gemeente"]) {
    const user = await db().user.findUniqueOrThrow({
      where: { email: `${role}@demo.buurtagenda.nl` },
    });
    ids[role] = user.id;
    cookies[role] = await signedInCookie(user.id);
  }
  // A second resident, signed up by code like any other.
  const neighbour = await db().user.create({
    data: { email: "buurvrouw@example.nl", emailVerifiedAt: new Date() },
  });
  ids.neighbour = neighbour.id;
  cookies.neighbour = await signedInCookie(neighbour.id);
  const buurt = await db().buurt.findFirstOrThrow({ where: { code: GLIPPER_DREEF } });
  inside.lon = String(buurt.centroidLon);
  inside.lat = String(buurt.centroidLat);
});

const tell = (text: string, cookie: string, buurtCode = GLIPPER_DREEF, extra = {}) =>
  tellAction(
    routeArgs(
      formPost(
        `/buurt/${buurtCode}/vertellen`,
        { text, consentPublish: "on", consentQuote: "on", ...extra },
        cookie,
      ),
      { code: buurtCode },
    ),
  );
const latestOf = (tellerId: string) =>
  db().story.findFirstOrThrow({
    where: { tellerId },
    orderBy: { createdAt: "desc" },
    include: { themes: true },
  });
const moderate = (fields: Record<string, string>, cookie = cookies.buurtplatform) =>
  moderationAction(routeArgs(formPost("/moderatie", fields, cookie)));
const queue = async (cookie = cookies.buurtplatform, query = "") =>
  moderationLoader(routeArgs(get(`/moderatie${query}`, cookie)));
const edit = (id: string, fields: Record<string, string | string[]>, cookie = cookies.bewoner!) =>
  editAction(routeArgs(formPost(`/mijn-verhalen/${id}/bewerken`, fields, cookie), { id }));

describe("the teller changes a story before moderation", () => {
  it("starts from what was told and saves the change, themes and pin included", async () => {
    await tell("De stoep is kapot.", cookies.bewoner!, GLIPPER_DREEF, { themes: ["lighting"] });
    const story = await latestOf(ids.bewoner!);
    const page = await editLoader(
      routeArgs(get(`/mijn-verhalen/${story.id}/bewerken`, cookies.bewoner!), { id: story.id }),
    );
    expect(page).toMatchObject({
      editable: true,
      story: { text: "De stoep is kapot.", themes: ["lighting"], consentPublish: "on" },
    });
    const response = await edit(story.id, {
      title: "Stoep",
      text: "De stoep bij de school is kapot.",
      themes: ["clean_streets", "accessibility"],
      consentPublish: "on",
      ...inside,
    });
    expect(isRedirectTo(response, /^\/mijn-verhalen\?aangepast=1$/)).toBe(true);
    const changed = await latestOf(ids.bewoner!);
    expect(changed).toMatchObject({
      title: "Stoep",
      text: "De stoep bij de school is kapot.",
      consentQuote: false,
      status: "submitted",
    });
    expect(changed.themes.map((t) => t.themeKey).sort()).toEqual([
      "accessibility",
      "clean_streets",
    ]);
    expect(changed.lon).toBeCloseTo(Number(inside.lon));
    expect(
      await db().auditEvent.count({
        where: { subjectId: story.id, action: "story.edited_by_teller" },
      }),
    ).toBe(1);
  });

  it("refuses an empty text, a pin outside the buurt and unknown themes, changing nothing", async () => {
    const story = await latestOf(ids.bewoner!);
    const before = await db().story.findUniqueOrThrow({ where: { id: story.id } });
    const empty = (await edit(story.id, { text: "  ", consentPublish: "on" })) as {
      result: { error: Record<string, string[]> };
    };
    expect(empty.result.error.text).toEqual(["storyRequired"]);
    const outside = (await edit(story.id, {
      text: "Andere tekst",
      lon: "4.3",
      lat: "52.0",
    })) as { result: { error: Record<string, string[]> } };
    expect(outside.result.error.lon).toEqual(["pointOutsideArea"]);
    const themes = (await edit(story.id, { text: "Andere tekst", themes: ["geen_thema"] })) as {
      result: { error: Record<string, string[]> };
    };
    expect(themes.result.error.themes).toEqual(["unknownTheme"]);
    expect(await db().story.findUniqueOrThrow({ where: { id: story.id } })).toEqual(before);
  });

  it("is not possible for someone else's story (404) or after a moderator looked at it", async () => {
    const story = await latestOf(ids.bewoner!);
    await expect(
      edit(story.id, { text: "Overgenomen", consentPublish: "on" }, cookies.neighbour!),
    ).rejects.toMatchObject({ init: { status: 404 } });
    expect(await moderate({ story: story.id, intent: "approve" })).toMatchObject({
      done: "approved",
    });
    const late = (await edit(story.id, { text: "Toch anders", consentPublish: "on" })) as {
      result: { error: Record<string, string[]> };
    };
    expect(late.result.error[""]).toEqual(["alreadyModerated"]);
    expect((await db().story.findUniqueOrThrow({ where: { id: story.id } })).text).toBe(
      "De stoep bij de school is kapot.",
    );
    const page = await editLoader(
      routeArgs(get(`/mijn-verhalen/${story.id}/bewerken`, cookies.bewoner!), { id: story.id }),
    );
    expect(page.editable).toBe(false);
  });

  it("takes back the consent to quote, for this story only", async () => {
    await tell("Er is te weinig groen.", cookies.bewoner!);
    const kept = await latestOf(ids.bewoner!);
    await tell("Er zijn te weinig bankjes.", cookies.bewoner!);
    const taken = await latestOf(ids.bewoner!);
    const noQuote = (story: string, cookie: string) =>
      myStoriesAction(routeArgs(formPost("/mijn-verhalen", { story, intent: "no-quote" }, cookie)));
    expect(await noQuote(taken.id, cookies.neighbour!)).toEqual({ quoteWithdrawn: false });
    expect(await noQuote(taken.id, cookies.bewoner!)).toEqual({ quoteWithdrawn: true });
    const mine = (await myStoriesLoader(routeArgs(get("/mijn-verhalen", cookies.bewoner!))))
      .stories;
    expect(mine.find((s) => s.id === taken.id)).toMatchObject({
      consentQuote: false,
      status: "submitted",
    });
    expect(mine.find((s) => s.id === kept.id)).toMatchObject({ consentQuote: true });
    expect(
      await db().auditEvent.count({
        where: { subjectId: taken.id, action: "story.quote_consent_withdrawn" },
      }),
    ).toBe(1);
  });
});

describe("who told it", () => {
  it("is the signed-in account, whatever a forged teller field says", async () => {
    await tell("Ik doe alsof ik iemand anders ben.", cookies.neighbour!, GLIPPER_DREEF, {
      tellerId: ids.bewoner!,
      recordedById: ids.buurtplatform!,
      channel: "walk",
    });
    const story = await db().story.findFirstOrThrow({
      where: { text: "Ik doe alsof ik iemand anders ben." },
    });
    expect(story).toMatchObject({
      tellerId: ids.neighbour,
      recordedById: null,
      channel: "online",
      status: "submitted",
    });
  });
});

describe("spam-like repeats", () => {
  it("flags the same account sending the same text again, and shows it in the queue", async () => {
    await tell("Te donker bij het pad!", cookies.bewoner!);
    const first = await latestOf(ids.bewoner!);
    await tell("te DONKER bij het pad", cookies.bewoner!);
    const again = await latestOf(ids.bewoner!);
    expect(first.repeatOfId).toBeNull();
    expect(again.repeatOfId).toBe(first.id);
    const waiting = (await queue()).queue.find((s) => s.id === again.id)!;
    expect(waiting.repeatOfId).toBe(first.id);
    expect(waiting.duplicateChoices[0]).toMatchObject({ id: first.id, repeated: true });
    // Asked for, a detected repeat also offers the buurt's other recent stories, after it.
    const choosing = (await queue(cookies.buurtplatform, `?dubbel=${again.id}`)).queue.find(
      (s) => s.id === again.id,
    )!;
    expect(choosing.duplicateChoices[0]).toMatchObject({ id: first.id, repeated: true });
    expect(choosing.duplicateChoices.length).toBeGreaterThan(1);
  });

  it("flags a long text pasted by another resident, but not a short one two neighbours both wrote", async () => {
    await tell(LONG, cookies.bewoner!);
    const original = await latestOf(ids.bewoner!);
    await tell(LONG.toUpperCase(), cookies.neighbour!);
    expect((await latestOf(ids.neighbour!)).repeatOfId).toBe(original.id);
    await tell("Er is te weinig groen.", cookies.neighbour!);
    expect((await latestOf(ids.neighbour!)).repeatOfId).toBeNull();
  });
});

describe("duplicates and the queue's buurt filter", () => {
  it("offers the buurten where something waits, with counts, within the moderator's area only", async () => {
    await tell("Iets over het centrum.", cookies.neighbour!, CENTRUM);
    await tell("Iets over De Glip.", cookies.neighbour!, DE_GLIP);
    const kees = await queue();
    // Kees moderates wijk WK039701 (De Glip and Glipper Dreef), not the Centrum.
    expect(kees.buurten.map((b) => b.code).sort()).toEqual([DE_GLIP, GLIPPER_DREEF]);
    const waitingInGlipperDreef = await db().story.count({
      where: { buurtCode: GLIPPER_DREEF, status: "submitted" },
    });
    expect(kees.buurten.find((b) => b.code === GLIPPER_DREEF)!.waiting).toBe(waitingInGlipperDreef);
    const sanne = await queue(cookies.gemeente!);
    expect(sanne.buurten.map((b) => b.code)).toContain(CENTRUM);
    const filtered = await queue(cookies.buurtplatform, `?buurt=${DE_GLIP}`);
    expect(new Set(filtered.queue.map((s) => s.buurtCode))).toEqual(new Set([DE_GLIP]));
  });

  it("offers the buurt's recent stories as originals only for the story it is asked for", async () => {
    await tell("Het hek bij de speeltuin is kapot.", cookies.neighbour!, DE_GLIP);
    const asked = await latestOf(ids.neighbour!);
    const plain = (await queue()).queue.find((s) => s.id === asked.id)!;
    expect(plain.duplicateChoices).toEqual([]);
    const choosing = await queue(cookies.buurtplatform, `?dubbel=${asked.id}`);
    const choices = choosing.queue.find((s) => s.id === asked.id)!.duplicateChoices;
    const recent = await db().story.findMany({
      where: {
        buurtCode: DE_GLIP,
        status: { in: ["published", "submitted"] },
        NOT: { id: asked.id },
      },
      orderBy: { createdAt: "desc" },
      take: 12,
      select: { id: true },
    });
    expect(choices.map((c) => c.id)).toEqual(recent.map((r) => r.id));
    expect(recent.length).toBeGreaterThan(0);
    // The others keep only a detected repeat, if any.
    for (const other of choosing.queue.filter((s) => s.id !== asked.id)) {
      expect(other.duplicateChoices.every((c) => c.repeated)).toBe(true);
    }
  });

  it("marks a duplicate: not published, the teller's voice counts as herkenbaar on the original", async () => {
    const original = await db().story.findFirstOrThrow({
      where: { text: LONG, tellerId: ids.bewoner },
    });
    await moderate({ story: original.id, intent: "approve" });
    const copy = await latestOf(ids.neighbour!).then(() =>
      db().story.findFirstOrThrow({ where: { tellerId: ids.neighbour, repeatOfId: original.id } }),
    );
    expect(await moderate({ story: copy.id, intent: "duplicate" })).toMatchObject({
      error: "originalRequired",
    });
    expect(
      await moderate({ story: copy.id, intent: "duplicate", original: copy.id }),
    ).toMatchObject({ error: "originalRequired" });
    expect(
      await moderate({ story: copy.id, intent: "duplicate", original: original.id }),
    ).toMatchObject({ done: "markedDuplicate" });
    expect(await db().story.findUniqueOrThrow({ where: { id: copy.id } })).toMatchObject({
      status: "rejected",
      rejectionReason: "duplicate",
      duplicateOfId: original.id,
    });
    const page = await buurtLoader(
      routeArgs(get(`/buurt/${GLIPPER_DREEF}`, cookies.neighbour!), { code: GLIPPER_DREEF }),
    );
    expect(page.stories.map((s) => s.id)).not.toContain(copy.id);
    expect(page.stories.find((s) => s.id === original.id)).toMatchObject({
      recognisedCount: 1,
      recognisedByViewer: true,
    });
    const theirs = (await myStoriesLoader(routeArgs(get("/mijn-verhalen", cookies.neighbour!))))
      .stories;
    expect(theirs.find((s) => s.id === copy.id)).toMatchObject({
      status: "rejected",
      duplicate: true,
    });
    expect(
      await db().auditEvent.count({ where: { subjectId: copy.id, action: "story.duplicate" } }),
    ).toBe(1);
  });

  it("refuses an original from another gemeente, and residents cannot mark duplicates", async () => {
    await tell("Nog een verhaal over De Glip.", cookies.neighbour!, DE_GLIP);
    const waiting = await latestOf(ids.neighbour!);
    const haarlem = await db().story.create({
      data: {
        gemeenteCode: "GM0392",
        buurtCode: "BU03920101",
        text: "Een verhaal uit Haarlem.",
        channel: "online",
        consentPublish: true,
        consentQuote: false,
        status: "published",
      },
    });
    expect(
      await moderate(
        { story: waiting.id, intent: "duplicate", original: haarlem.id },
        cookies.gemeente!,
      ),
    ).toMatchObject({ error: "originalRequired" });
    await expect(
      moderate({ story: waiting.id, intent: "duplicate", original: haarlem.id }, cookies.bewoner!),
    ).rejects.toMatchObject({ init: { status: 403 } });
    expect((await db().story.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe(
      "submitted",
    );
  });
});

describe("reacting from one address", () => {
  it("is limited per IP as well as per account: many accounts, one script, get a plain 429", async () => {
    const story = await db().story.findFirstOrThrow({
      where: { text: "De stoep bij de school is kapot.", status: "published" },
    });
    const recognise = (cookie: string, ip: string) =>
      recogniseAction(
        routeArgs(formPost(`/verhaal/${story.id}/herkenbaar`, {}, cookie), { id: story.id }, ip),
      );
    // This address has used up its hour (as after hundreds of scripted clicks).
    await db().rateLimit.create({
      data: {
        key: "react:ip:198.51.100.9",
        count: RATE_LIMITS.reactionsPerIp.limit,
        windowStart: new Date(),
      },
    });
    await expect(recognise(cookies.neighbour!, "198.51.100.9")).rejects.toMatchObject({
      init: { status: 429 },
    });
    expect(
      await db().storyReaction.count({ where: { storyId: story.id, userId: ids.neighbour } }),
    ).toBe(0);
    // The same account from another address is not affected.
    expect(isRedirectTo(await recognise(cookies.neighbour!, "198.51.100.10"), /#verhaal-/)).toBe(
      true,
    );
  });
});
