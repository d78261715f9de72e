import path from "node:path";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  action as pageAction,
  loader as pageLoader,
} from "../../app/routes/buurtagenda-vastleggen";
import { action as apiAction } from "../../app/routes/buurtagenda-vastleggen-verhaal";
import { loader as buurtLoader } from "../../app/routes/buurt";
import { startAgenda } from "../../app/features/agenda/agenda.server";
import { approveStory } from "../../app/features/stories/stories.server";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { PROJECT_ROOT } from "../../app/shared/database/schema-engine.server";
import { db } from "../../app/shared/db.server";
import { setupFreshDatabase } from "../support/database";
import { signedInCookie } from "../support/demo-users";
import { formPost, get, isRedirectTo, routeArgs } from "../support/requests";

setupFreshDatabase();

const GLIPPER_DREEF = "BU03970101";
const DE_GLIP = "BU03970100";
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
let agendaId = "";
let otherAgendaId = "";

beforeAll(async () => {
  process.env.CBS_DATA_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");
  await seedDatabase({ demoStories: false });
  for (const role of ["bewoner", "buurtplatform", "gemeente", "adviesraad", "partner"]) {
    const user = await db().user.findUniqueOrThrow({
      where: { email: `${role}@demo.buurtagenda.nl` },
    });
    ids[role] = user.id;
    cookies[role] = await signedInCookie(user.id);
  }
  const details = {
    publicDescription: "Samen aan de slag.",
    startsOn: "2026-01-01",
    endsOn: "2026-12-31",
  };
  agendaId = await startAgenda(
    ids.gemeente!,
    { ...details, title: "Glip", buurtCodes: [GLIPPER_DREEF, DE_GLIP] },
    { gemeenteCode: "GM0397", year: 2022 },
  );
  otherAgendaId = await startAgenda(
    ids.gemeente!,
    { ...details, title: "Centrum", buurtCodes: ["BU03970000"] },
    { gemeenteCode: "GM0397", year: 2022 },
  );
});

const pagePost = (fields: Record<string, string | string[]>, cookie = cookies.buurtplatform) =>
  pageAction(
    routeArgs(formPost(`/buurtagenda/${agendaId}/vastleggen`, fields, cookie), { id: agendaId }),
  );
const apiPost = (
  fields: Record<string, string | string[]>,
  cookie = cookies.buurtplatform,
  id = agendaId,
) =>
  apiAction(
    routeArgs(formPost(`/buurtagenda/${id}/vastleggen/verhaal`, fields, cookie), { id }),
  ) as Promise<Response>;

let walkId = "";

describe("recording stories told in person", () => {
  it("is for platform, staff and partners; not for the council or residents", async () => {
    const page = await pageLoader(
      routeArgs(get(`/buurtagenda/${agendaId}/vastleggen`, cookies.partner), { id: agendaId }),
    );
    expect(page.buurten.map((b) => b.code).sort()).toEqual([DE_GLIP, GLIPPER_DREEF]);
    for (const cookie of [cookies.adviesraad, cookies.bewoner]) {
      await expect(
        pageLoader(routeArgs(get(`/buurtagenda/${agendaId}/vastleggen`, cookie), { id: agendaId })),
      ).rejects.toMatchObject({ init: { status: 403 } });
      await expect(apiPost({ text: "x" }, cookie)).rejects.toMatchObject({
        init: { status: 403 },
      });
    }
  });

  it("creates a walk, refusing one without name or date", async () => {
    const bad = (await pagePost({ intent: "event", kind: "walk", title: "", heldOn: "" })) as {
      eventResult: { error: Record<string, string[]> };
    };
    expect(bad.eventResult.error).toMatchObject({
      title: ["eventTitleRequired"],
      heldOn: ["eventDateRequired"],
    });
    const made = await pagePost({
      intent: "event",
      kind: "walk",
      title: "Wijkwandeling 12 mei",
      heldOn: "2026-05-12",
      place: "Start bij de bushalte",
      invitedGroups: "Ouderen, jongerenwerk",
    });
    expect(isRedirectTo(made, /\?bijeenkomst=[0-9a-f-]{36}$/)).toBe(true);
    walkId = (await db().storyEvent.findFirstOrThrow()).id;
  });

  it("stores four stories from the walk once each, also when one is sent again", async () => {
    const keys = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    for (const [index, clientKey] of keys.entries()) {
      const response = await apiPost({
        clientKey,
        eventId: walkId,
        buurtCode: index % 2 ? DE_GLIP : GLIPPER_DREEF,
        channel: "walk",
        text: `Verhaal ${index + 1} van de wandeling.`,
        themes: ["lighting"],
        tellerName: index === 0 ? "Truus" : "",
        consentPublish: "on",
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ ok: true, duplicate: false });
    }
    // The connection dropped after sending; the browser sends the last one again.
    const again = await apiPost({
      clientKey: keys[3]!,
      eventId: walkId,
      buurtCode: DE_GLIP,
      channel: "walk",
      text: "Verhaal 4 van de wandeling.",
      consentPublish: "on",
    });
    expect(await again.json()).toMatchObject({ ok: true, duplicate: true });
    const stories = await db().story.findMany({ where: { eventId: walkId } });
    expect(stories).toHaveLength(4);
    for (const story of stories) {
      expect(story).toMatchObject({
        tellerId: null,
        recordedById: ids.buurtplatform,
        channel: "walk",
        agendaId,
        status: "submitted",
      });
    }
  });

  it("refuses a buurt outside the area, another agenda's walk and an empty story", async () => {
    const before = await db().story.count();
    const outside = await apiPost({
      clientKey: randomUUID(),
      buurtCode: "BU03970000",
      channel: "interview",
      text: "Buiten het gebied.",
    });
    expect(outside.status).toBe(422);
    expect(await outside.json()).toMatchObject({ errors: { buurtCode: ["buurtRequired"] } });
    const otherWalk = await apiPost(
      {
        clientKey: randomUUID(),
        eventId: walkId,
        buurtCode: "BU03970000",
        channel: "walk",
        text: "Verkeerde wandeling.",
      },
      cookies.gemeente,
      otherAgendaId,
    );
    expect(await otherWalk.json()).toMatchObject({ errors: { eventId: ["eventUnknown"] } });
    const empty = await apiPost({
      clientKey: randomUUID(),
      buurtCode: DE_GLIP,
      channel: "walk",
      text: "",
    });
    expect(await empty.json()).toMatchObject({ errors: { text: ["storyRequired"] } });
    expect(await db().story.count()).toBe(before);
  });

  it("works as a plain form post without JavaScript", async () => {
    const result = await pagePost({
      intent: "record",
      clientKey: "",
      eventId: walkId,
      buurtCode: GLIPPER_DREEF,
      channel: "walk",
      text: "Zonder JavaScript vastgelegd.",
    });
    expect(result).toEqual({ recorded: true });
    // A refused entry comes back with what was typed, so the form can show it again.
    const refused = await pagePost({
      intent: "record",
      clientKey: "",
      buurtCode: "BU03970000",
      channel: "walk",
      text: "Buiten het gebied verteld.",
      tellerName: "Truus",
      themes: ["lighting"],
      consentPublish: "on",
    });
    expect(refused).toMatchObject({
      error: "buurtRequired",
      typed: {
        buurtCode: "BU03970000",
        text: "Buiten het gebied verteld.",
        tellerName: "Truus",
        themes: ["lighting"],
        consentPublish: true,
        consentQuote: false,
      },
    });
    expect(await db().story.count({ where: { text: "Zonder JavaScript vastgelegd." } })).toBe(1);
  });

  it("shows a published recorded story as told during the walk, never as the professional's", async () => {
    const story = await db().story.findFirstOrThrow({ where: { tellerName: "Truus" } });
    expect(await approveStory(ids.buurtplatform!, story.id)).toBe(true);
    const page = await buurtLoader(
      routeArgs(get(`/buurt/${GLIPPER_DREEF}`), { code: GLIPPER_DREEF }),
    );
    const shown = page.stories.find((s) => s.id === story.id)!;
    expect(shown).toMatchObject({ tellerName: "Truus", channel: "walk" });
    expect(shown.event).toMatchObject({ kind: "walk", title: "Wijkwandeling 12 mei" });
    expect(JSON.stringify(page)).not.toContain("Kees");
  });
});

describe("a teller without an account changes their mind", () => {
  it("lists what was recorded at the walk, and the professional withdraws a story for its teller", async () => {
    const page = await pageLoader(
      routeArgs(get(`/buurtagenda/${agendaId}/vastleggen?bijeenkomst=${walkId}`, cookies.partner), {
        id: agendaId,
      }),
    );
    expect(page.recorded.map((s) => s.text)).toContain("Verhaal 1 van de wandeling.");
    // Only what was recorded at this walk.
    expect(
      await db().story.count({
        where: { id: { in: page.recorded.map((s) => s.id) }, eventId: { not: walkId } },
      }),
    ).toBe(0);
    expect(page.recorded).toHaveLength(
      await db().story.count({ where: { eventId: walkId, recordedById: { not: null } } }),
    );
    const truus = await db().story.findFirstOrThrow({ where: { tellerName: "Truus" } });
    expect(truus.status).toBe("published");
    const withdraw = (cookie: string | undefined, story: string, id = agendaId) =>
      pageAction(
        routeArgs(
          formPost(
            `/buurtagenda/${id}/vastleggen`,
            { intent: "withdraw-for-teller", story },
            cookie,
          ),
          { id },
        ),
      );
    // Not the council, not through another agenda, not a story told online.
    await expect(withdraw(cookies.adviesraad, truus.id)).rejects.toMatchObject({
      init: { status: 403 },
    });
    expect(await withdraw(cookies.gemeente, truus.id, otherAgendaId)).toEqual({
      withdrawRefused: true,
    });
    const online = await db().story.create({
      data: {
        gemeenteCode: "GM0397",
        buurtCode: GLIPPER_DREEF,
        agendaId,
        text: "Zelf verteld.",
        channel: "online",
        tellerId: ids.bewoner,
        consentPublish: true,
        consentQuote: true,
      },
    });
    expect(await withdraw(cookies.buurtplatform, online.id)).toEqual({ withdrawRefused: true });
    expect(await withdraw(cookies.partner, truus.id)).toEqual({ withdrawnForTeller: true });
    expect(await db().story.findUniqueOrThrow({ where: { id: truus.id } })).toMatchObject({
      status: "withdrawn",
      consentPublish: false,
      consentQuote: false,
    });
    const buurt = await buurtLoader(
      routeArgs(get(`/buurt/${GLIPPER_DREEF}`), { code: GLIPPER_DREEF }),
    );
    expect(buurt.stories.map((s) => s.id)).not.toContain(truus.id);
    expect(
      await db().auditEvent.findFirst({
        where: { subjectId: truus.id, action: "story.withdrawn_for_teller" },
      }),
    ).toMatchObject({ actorId: ids.partner });
    // Twice is refused: nothing left to withdraw.
    expect(await withdraw(cookies.partner, truus.id)).toEqual({ withdrawRefused: true });
  });
});
