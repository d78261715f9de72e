import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { action as tellAction, loader as tellLoader } from "../../app/routes/buurt-vertellen";
import { loader as buurtLoader } from "../../app/routes/buurt";
import { loader as buurtPinsLoader } from "../../app/routes/buurt-kaartpunten";
import { action as moderationAction, loader as moderationLoader } from "../../app/routes/moderatie";
import {
  action as myStoriesAction,
  loader as myStoriesLoader,
} from "../../app/routes/mijn-verhalen";
import { action as recogniseAction } from "../../app/routes/verhaal-herkenbaar";
import { action as reportAction, loader as reportLoader } from "../../app/routes/verhaal-melden";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { seedDemoStories } from "../../app/features/stories/demo-stories.server";
import { PROJECT_ROOT } from "../../app/shared/database/schema-engine.server";
import { db } from "../../app/shared/db.server";
import { RATE_LIMITS } from "../../app/features/auth/rate-limit.server";
import { setupFreshDatabase } from "../support/database";
import { signedInCookie } from "../support/demo-users";
import { formPost, get, isRedirectTo, routeArgs } from "../support/requests";

setupFreshDatabase();

// Kees (the demo platform member) moderates wijk WK039701: De Glip and Glipper Dreef.
const GLIPPER_DREEF = "BU03970101";
const CENTRUM = "BU03970000";
const INSIDE_GLIPPER_DREEF = { lon: "", lat: "" };
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  process.env.CBS_DATA_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");
  await seedDatabase({ demoStories: false });
  for (const role of ["bewoner", "buurtplatform", "gemeente", "adviesraad"]) {
    const user = await db().user.findUniqueOrThrow({
      where: { email: `${role}@demo.buurtagenda.nl` },
    });
    ids[role] = user.id;
    cookies[role] = await signedInCookie(user.id);
  }
  // A point that lies inside Glipper Dreef: its centroid.
  const buurt = await db().buurt.findFirstOrThrow({ where: { code: GLIPPER_DREEF } });
  INSIDE_GLIPPER_DREEF.lon = String(buurt.centroidLon);
  INSIDE_GLIPPER_DREEF.lat = String(buurt.centroidLat);
});

const tell = (buurtCode: string, fields: Record<string, string | string[]>, cookie?: string) =>
  tellAction(
    routeArgs(formPost(`/buurt/${buurtCode}/vertellen`, fields, cookie), { code: buurtCode }),
  );
const story = (text: string, extra: Record<string, string | string[]> = {}) => ({
  text,
  consentPublish: "on",
  consentQuote: "on",
  ...extra,
});
const moderate = (fields: Record<string, string>, cookie = cookies.buurtplatform) =>
  moderationAction(routeArgs(formPost("/moderatie", fields, cookie)));
const buurtPage = (code: string, cookie?: string, query = "") =>
  buurtLoader(routeArgs(get(`/buurt/${code}${query}`, cookie), { code }));

describe("a resident tells a story", () => {
  it("keeps a story typed before signing in, and gives it back after the code", async () => {
    const response = (await tell(
      GLIPPER_DREEF,
      story("Het pad naar de bushalte is 's avonds erg donker.", { themes: ["lighting"] }),
    )) as Response;
    expect(
      isRedirectTo(response, /^\/inloggen\/code\?terug=%2Fbuurt%2FBU03970101%2Fvertellen/),
    ).toBe(true);
    const draftCookie = /verhaal=([a-z0-9]+)/.exec(response.headers.get("Set-Cookie") ?? "")![0];
    expect(await db().story.count()).toBe(0);
    const page = await tellLoader(
      routeArgs(get(`/buurt/${GLIPPER_DREEF}/vertellen`, `${cookies.bewoner}; ${draftCookie}`), {
        code: GLIPPER_DREEF,
      }),
    );
    expect(page.draft).toMatchObject({
      text: "Het pad naar de bushalte is 's avonds erg donker.",
      themes: "lighting",
    });
    // The draft is for this buurt only.
    const other = await tellLoader(
      routeArgs(get(`/buurt/${CENTRUM}/vertellen`, `${cookies.bewoner}; ${draftCookie}`), {
        code: CENTRUM,
      }),
    );
    expect(other.draft).toBeNull();
  });

  it("refuses an empty story, a pin outside the buurt and unknown themes, writing nothing", async () => {
    const empty = (await tell(GLIPPER_DREEF, story(" "), cookies.bewoner)) as {
      result: { error: Record<string, string[]> };
    };
    expect(empty.result.error.text).toEqual(["storyRequired"]);
    const tooLong = (await tell(GLIPPER_DREEF, story("x".repeat(2001)), cookies.bewoner)) as {
      result: { error: Record<string, string[]>; initialValue: Record<string, unknown> };
    };
    expect(tooLong.result.error.text).toEqual(["tooLong"]);
    // What was typed comes back to the form.
    expect(tooLong.result.initialValue.text).toBe("x".repeat(2001));
    const outside = (await tell(
      GLIPPER_DREEF,
      story("Hier is het donker.", { lon: "5.9", lat: "51.0" }),
      cookies.bewoner,
    )) as { result: { error: Record<string, string[]> } };
    expect(outside.result.error.lon).toEqual(["pointOutsideArea"]);
    const halfPoint = (await tell(
      GLIPPER_DREEF,
      story("Hier is het donker.", { lon: "4.6" }),
      cookies.bewoner,
    )) as { result: { error: Record<string, string[]> } };
    expect(halfPoint.result.error.lon).toEqual(["pointInvalid"]);
    const theme = (await tell(
      GLIPPER_DREEF,
      story("Hier is het donker.", { themes: ["no_such_theme"] }),
      cookies.bewoner,
    )) as { result: { error: Record<string, string[]> } };
    expect(theme.result.error.themes).toEqual(["unknownTheme"]);
    expect(await db().story.count()).toBe(0);
  });

  it("stores the story with its consent and pin, waiting for a moderator", async () => {
    const sent = (await tell(
      GLIPPER_DREEF,
      story("Het pad naar de bushalte is 's avonds donker. <script>alert(1)</script>", {
        title: "Donker pad",
        themes: ["lighting", "traffic"],
        showName: "on",
        tellerName: "Fatima",
        ...INSIDE_GLIPPER_DREEF,
      }),
      cookies.bewoner,
    )) as Response;
    expect(isRedirectTo(sent, /^\/mijn-verhalen\?verteld=1$/)).toBe(true);
    const stored = await db().story.findFirstOrThrow({ include: { themes: true } });
    expect(stored).toMatchObject({
      status: "submitted",
      channel: "online",
      tellerId: ids.bewoner,
      tellerName: "Fatima",
      consentPublish: true,
      consentQuote: true,
      gemeenteCode: "GM0397",
    });
    expect(stored.themes.map((t) => t.themeKey).sort()).toEqual(["lighting", "traffic"]);
    // Not public until moderated.
    expect((await buurtPage(GLIPPER_DREEF)).stories).toEqual([]);
    const mine = await myStoriesLoader(routeArgs(get("/mijn-verhalen", cookies.bewoner)));
    expect(mine.stories).toMatchObject([
      { title: "Donker pad", status: "submitted", buurt: "Glipper Dreef en Staatsliedenbuurt" },
    ]);
  });
});

describe("moderation", () => {
  it("is for platform and staff in their own area; residents and the council have no queue", async () => {
    for (const cookie of [cookies.bewoner, cookies.adviesraad]) {
      await expect(moderationLoader(routeArgs(get("/moderatie", cookie)))).rejects.toMatchObject({
        init: { status: 403 },
      });
    }
    // A story in Centrum (wijk 00) is outside Kees's wijk.
    await tell(CENTRUM, story("Te weinig bankjes op het plein."), cookies.bewoner);
    const kees = await moderationLoader(routeArgs(get("/moderatie", cookies.buurtplatform)));
    expect(kees.queue.map((s) => s.buurtCode)).toEqual([GLIPPER_DREEF]);
    const sanne = await moderationLoader(routeArgs(get("/moderatie", cookies.gemeente)));
    expect(sanne.queue.map((s) => s.buurtCode)).toEqual([GLIPPER_DREEF, CENTRUM]);
    const centrum = sanne.queue[1]!.id;
    await expect(moderate({ story: centrum, intent: "approve" })).rejects.toMatchObject({
      init: { status: 403 },
    });
    await expect(
      moderate({ story: centrum, intent: "approve" }, cookies.bewoner),
    ).rejects.toMatchObject({ init: { status: 403 } });
    expect((await db().story.findUniqueOrThrow({ where: { id: centrum } })).status).toBe(
      "submitted",
    );
  });

  it("publishes an approved story on the buurt page, as text, with the teller's first name", async () => {
    const [waiting] = (await moderationLoader(routeArgs(get("/moderatie", cookies.buurtplatform))))
      .queue;
    expect(await moderate({ story: waiting!.id, intent: "approve" })).toMatchObject({
      done: "approved",
    });
    const page = await buurtPage(GLIPPER_DREEF);
    expect(page.stories).toHaveLength(1);
    expect(page.stories[0]).toMatchObject({ title: "Donker pad", tellerName: "Fatima" });
    expect(page.stories[0]!.text).toContain("<script>alert(1)</script>");
    const pins = (await (
      await buurtPinsLoader(
        routeArgs(get(`/buurt/${GLIPPER_DREEF}/kaartpunten`), { code: GLIPPER_DREEF }),
      )
    ).json()) as { features: { properties: { id: string; title: string } }[] };
    expect(pins.features.map((f) => f.properties)).toEqual([
      { id: waiting!.id, title: "Donker pad" },
    ]);
    const audit = await db().auditEvent.findMany({ where: { subjectId: waiting!.id } });
    expect(audit.map((a) => a.action)).toEqual(["story.told", "story.approved"]);
  });

  it("finds published stories with Dutch full-text search and by theme", async () => {
    // "donkere" and "donker" share the Dutch stem.
    expect((await buurtPage(GLIPPER_DREEF, undefined, "?zoek=donkere")).stories).toHaveLength(1);
    expect((await buurtPage(GLIPPER_DREEF, undefined, "?zoek=fietsenstalling")).stories).toEqual(
      [],
    );
    expect((await buurtPage(GLIPPER_DREEF, undefined, "?thema=lighting")).stories).toHaveLength(1);
    expect((await buurtPage(GLIPPER_DREEF, undefined, "?thema=play")).stories).toEqual([]);
  });

  it("counts one 'herkenbaar' per account, undone by a second press", async () => {
    const id = (await buurtPage(GLIPPER_DREEF)).stories[0]!.id;
    const press = (cookie: string | undefined) =>
      recogniseAction(
        routeArgs(
          formPost(`/verhaal/${id}/herkenbaar`, { terug: `/buurt/${GLIPPER_DREEF}` }, cookie),
          {
            id,
          },
        ),
      );
    expect(
      isRedirectTo(
        await press(cookies.bewoner),
        new RegExp(`^/buurt/${GLIPPER_DREEF}#verhaal-${id}$`),
      ),
    ).toBe(true);
    await press(cookies.gemeente);
    let page = await buurtPage(GLIPPER_DREEF, cookies.bewoner);
    expect(page.stories[0]).toMatchObject({ recognisedCount: 2, recognisedByViewer: true });
    await press(cookies.bewoner);
    page = await buurtPage(GLIPPER_DREEF, cookies.bewoner);
    expect(page.stories[0]).toMatchObject({ recognisedCount: 1, recognisedByViewer: false });
    await expect(
      recogniseAction(routeArgs(formPost(`/verhaal/${id}/herkenbaar`, {}), { id })),
    ).rejects.toMatchObject({ status: 302 });
  });

  it("puts a reported story back in the queue with the reason; it stays on the site meanwhile", async () => {
    const id = (await buurtPage(GLIPPER_DREEF)).stories[0]!.id;
    const report = (fields: Record<string, string>, cookie?: string) =>
      reportAction(routeArgs(formPost(`/verhaal/${id}/melden`, fields, cookie), { id }));
    // The report has its own page, for a signed-in person, with the story and the way back.
    const back = `/buurt/${GLIPPER_DREEF}?pagina=1`;
    const form = await reportLoader(
      routeArgs(get(`/verhaal/${id}/melden?terug=${encodeURIComponent(back)}`, cookies.bewoner), {
        id,
      }),
    );
    expect(form).toMatchObject({ story: { id }, backTo: back });
    await expect(
      reportLoader(routeArgs(get(`/verhaal/${id}/melden`), { id })),
    ).rejects.toMatchObject({ status: 302 });
    const unknown = "00000000-0000-4000-8000-000000000000";
    await expect(
      reportLoader(routeArgs(get(`/verhaal/${unknown}/melden`, cookies.bewoner), { id: unknown })),
    ).rejects.toMatchObject({ init: { status: 404 } });
    // Someone else's site is no way back.
    const elsewhere = await reportLoader(
      routeArgs(get(`/verhaal/${id}/melden?terug=https://example.org/`, cookies.bewoner), { id }),
    );
    expect(elsewhere).toMatchObject({ backTo: `/buurt/${GLIPPER_DREEF}` });

    // An empty reason stays on the page with the error next to the field; nothing is stored.
    const empty = await report({ reason: " ", terug: `/buurt/${GLIPPER_DREEF}` }, cookies.gemeente);
    expect(empty).toMatchObject({
      result: { status: "error", error: { reason: ["reportReasonRequired"] } },
    });
    await expect(report({ reason: "Klopt niet" })).rejects.toMatchObject({ status: 302 });
    // From an address that used up its hour: the reason comes back in the form, nothing is stored.
    await db().rateLimit.create({
      data: {
        key: "react:ip:198.51.100.20",
        count: RATE_LIMITS.reactionsPerIp.limit,
        windowStart: new Date(),
      },
    });
    const limited = await reportAction(
      routeArgs(
        formPost(`/verhaal/${id}/melden`, { reason: "Te veel gemeld" }, cookies.gemeente),
        { id },
        "198.51.100.20",
      ),
    );
    expect(limited).toMatchObject({
      result: {
        status: "error",
        error: { "": ["reportLimited"] },
        initialValue: { reason: "Te veel gemeld" },
      },
    });
    expect(await db().storyReport.count()).toBe(0);

    const sent = await report(
      { reason: "Er staat een naam in", terug: `/buurt/${GLIPPER_DREEF}` },
      cookies.gemeente,
    );
    expect(
      isRedirectTo(sent, new RegExp(`^/buurt/${GLIPPER_DREEF}\\?melding=ontvangen#verhaal-${id}$`)),
    ).toBe(true);
    const reported = await moderationLoader(
      routeArgs(get("/moderatie?status=reported", cookies.buurtplatform)),
    );
    expect(reported.queue).toMatchObject([{ id, reports: ["Er staat een naam in"] }]);
    expect((await buurtPage(GLIPPER_DREEF)).stories.map((s) => s.id)).toContain(id);
    // The moderator keeps it: the report is handled, the story stays published.
    await moderate({ story: id, intent: "approve" });
    expect(
      (await moderationLoader(routeArgs(get("/moderatie?status=reported", cookies.buurtplatform))))
        .queue,
    ).toEqual([]);
    expect((await buurtPage(GLIPPER_DREEF)).stories.map((s) => s.id)).toContain(id);
  });

  it("edits a story for anonymity, keeping the original out of sight", async () => {
    await tell(
      GLIPPER_DREEF,
      story("Mijn buurman Jan de Vries op nummer 12 is gevallen. Bel 06-12345678."),
      cookies.bewoner,
    );
    const waiting = (await moderationLoader(routeArgs(get("/moderatie", cookies.buurtplatform))))
      .queue[0]!;
    expect(waiting.candidates.map((c) => c.kind)).toEqual(
      expect.arrayContaining(["name", "phone"]),
    );
    const edited = "Mijn buurman [naam] [adres] is gevallen. Bel [telefoonnummer].";
    expect(await moderate({ story: waiting.id, intent: "anonymise", text: edited })).toMatchObject({
      done: "anonymised",
    });
    await moderate({ story: waiting.id, intent: "approve" });
    const stored = await db().story.findUniqueOrThrow({ where: { id: waiting.id } });
    expect(stored.originalText).toContain("Jan de Vries");
    const page = await buurtPage(GLIPPER_DREEF);
    expect(JSON.stringify(page)).not.toContain("Jan de Vries");
    expect(JSON.stringify(page)).not.toContain("06-12345678");
    const mine = await myStoriesLoader(routeArgs(get("/mijn-verhalen", cookies.bewoner)));
    expect(mine.stories.find((s) => s.id === waiting.id)).toMatchObject({
      text: edited,
      edited: true,
    });
  });

  it("replaces every detected candidate in one click", async () => {
    await tell(
      GLIPPER_DREEF,
      story("Bel mevrouw Jansen op 023-5123456 of mail jansen@example.org."),
      cookies.bewoner,
    );
    const waiting = (
      await moderationLoader(routeArgs(get("/moderatie", cookies.buurtplatform)))
    ).queue.find((s) => s.text.startsWith("Bel mevrouw"))!;
    expect(await moderate({ story: waiting.id, intent: "replace-candidates" })).toMatchObject({
      done: "anonymised",
    });
    const stored = await db().story.findUniqueOrThrow({ where: { id: waiting.id } });
    expect(stored.text).toBe("Bel mevrouw [naam] op [telefoonnummer] of mail [e-mailadres].");
    expect(stored.originalText).toBe(
      "Bel mevrouw Jansen op 023-5123456 of mail jansen@example.org.",
    );
  });

  it("rejects with a reason the teller sees; refuses a story without consent to publish", async () => {
    await tell(GLIPPER_DREEF, story("Koop nu goedkope zonnepanelen bij ons!"), cookies.bewoner);
    await tell(
      GLIPPER_DREEF,
      { text: "Alleen voor de analyse, niet publiceren." },
      cookies.bewoner,
    );
    const queue = (await moderationLoader(routeArgs(get("/moderatie", cookies.buurtplatform))))
      .queue;
    const advert = queue.find((s) => s.text.startsWith("Koop"))!;
    const private_ = queue.find((s) => s.text.startsWith("Alleen"))!;
    expect(await moderate({ story: advert.id, intent: "reject" })).toMatchObject({
      error: "reasonRequired",
    });
    expect(
      await moderate({ story: advert.id, intent: "reject", reason: "advertising", note: "" }),
    ).toMatchObject({ done: "rejected" });
    expect(await moderate({ story: private_.id, intent: "approve" })).toMatchObject({
      error: "noConsent",
    });
    const mine = await myStoriesLoader(routeArgs(get("/mijn-verhalen", cookies.bewoner)));
    expect(mine.stories.find((s) => s.id === advert.id)).toMatchObject({
      status: "rejected",
      rejectionReason: "advertising",
    });
    expect((await buurtPage(GLIPPER_DREEF)).stories.map((s) => s.id)).not.toContain(advert.id);
  });

  it("takes a withdrawn story off the site at once, also for direct links", async () => {
    const published = (await buurtPage(GLIPPER_DREEF)).stories;
    const id = published[0]!.id;
    const other = await myStoriesAction(
      routeArgs(formPost("/mijn-verhalen", { story: id }, cookies.gemeente)),
    );
    // Only the teller can withdraw.
    expect(other).toEqual({ withdrawn: false });
    expect(
      await myStoriesAction(routeArgs(formPost("/mijn-verhalen", { story: id }, cookies.bewoner))),
    ).toEqual({ withdrawn: true });
    expect((await buurtPage(GLIPPER_DREEF)).stories.map((s) => s.id)).not.toContain(id);
    await expect(
      recogniseAction(
        routeArgs(formPost(`/verhaal/${id}/herkenbaar`, {}, cookies.gemeente), { id }),
      ),
    ).rejects.toMatchObject({ init: { status: 404 } });
  });
});

describe("demo stories", () => {
  it("are added once, marked as invented, and only the published ones show", async () => {
    const added = await seedDemoStories();
    expect(added).toBeGreaterThanOrEqual(24);
    expect(await seedDemoStories()).toBe(0);
    const demo = await db().story.findMany({ where: { isDemo: true } });
    expect(new Set(demo.map((s) => s.status))).toEqual(
      new Set(["published", "submitted", "rejected"]),
    );
    expect(new Set(demo.map((s) => s.channel)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(demo.map((s) => s.gemeenteCode))).toEqual(
      new Set(["GM0397", "GM0392", "GM1883"]),
    );
    const shown = (await buurtPage("BU03970100")).stories.filter((s) => s.isDemo);
    expect(shown.length).toBe(
      demo.filter((s) => s.buurtCode === "BU03970100" && s.status === "published").length,
    );
  });
});
