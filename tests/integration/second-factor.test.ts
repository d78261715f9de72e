import { generateHOTP, generateTOTP } from "@oslojs/otp";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_TOTP_KEY } from "../../app/features/auth/demo-accounts.server";
import { hashPassword } from "../../app/features/auth/password.server";
import { authenticate } from "../../app/features/auth/session.server";
import {
  action as enrolAction,
  loader as enrolLoader,
} from "../../app/routes/account-tweestapsverificatie";
import { loader as startAgendaLoader } from "../../app/routes/buurtagenda-starten";
import { action as signInAction } from "../../app/routes/inloggen";
import {
  action as secondStepAction,
  loader as secondStepLoader,
} from "../../app/routes/inloggen-tweede-stap";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { db } from "../../app/shared/db.server";
import { setupFreshDatabase } from "../support/database";
import { formPost, get, isRedirectTo, routeArgs, sessionCookieFrom } from "../support/requests";

setupFreshDatabase();
beforeAll(async () => {
  await seedDatabase({ demoStories: false });
});

const PASSWORD = "een lange zin als wachtwoord";
let counter = 0;

/** A verified account with a password and, optionally, one role in Heemstede. */
async function account(role: "gemeente" | "bewoner" | "partner" | null) {
  const email = `persoon${++counter}-${Date.now()}@example.org`;
  const user = await db().user.create({
    data: { email, passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: new Date() },
  });
  if (role) {
    await db().roleAssignment.create({
      data: { userId: user.id, role, scopeType: "gemeente", scopeId: "GM0397" },
    });
  }
  return { id: user.id, email };
}

/** What a loader or action answered, whether it returned or threw (redirects are thrown). */
async function settle<T>(work: Promise<T>): Promise<T | Response> {
  try {
    return await work;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function signIn(
  email: string,
  redirectTo = "/gemeente/GM0397/buurtagenda-starten",
  password = PASSWORD,
) {
  const response = await signInAction(
    routeArgs(formPost("/inloggen", { email, password, redirectTo })),
  );
  return { response, cookie: sessionCookieFrom(response) };
}

async function keyOf(userId: string): Promise<Uint8Array> {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
  return new Uint8Array(user.totpKey!);
}

const codeFor = (key: Uint8Array) => generateTOTP(key, 30, 6);
/** A code that is certainly not accepted now (nor one step either side). */
const wrongCodeFor = (key: Uint8Array) => {
  const step = BigInt(Math.floor(Date.now() / 30_000));
  const valid = new Set([-2n, -1n, 0n, 1n, 2n].map((d) => generateHOTP(key, step + d, 6)));
  let wrong = 0;
  while (valid.has(String(wrong).padStart(6, "0"))) wrong++;
  return String(wrong).padStart(6, "0");
};

async function roles(cookie: string) {
  const { user } = await authenticate(get("/", cookie));
  return user!.assignments.map((a) => a.role);
}

async function enrol(person: { id: string }, cookie: string) {
  await enrolLoader(routeArgs(get("/account/tweestapsverificatie", cookie)));
  const key = await keyOf(person.id);
  const result = await enrolAction(
    routeArgs(
      formPost("/account/tweestapsverificatie", { intent: "enrol", code: codeFor(key) }, cookie),
    ),
  );
  return { key, recoveryCodes: (result as { recoveryCodes: string[] }).recoveryCodes };
}

describe("second factor for staff (TOTP with recovery codes)", () => {
  it("sends staff without an app to set one up, and their role waits until they have", async () => {
    const sanne = await account("gemeente");
    const { response, cookie } = await signIn(sanne.email);
    expect(
      isRedirectTo(response, /^\/account\/tweestapsverificatie\?terug=%2Fgemeente%2FGM0397/),
    ).toBe(true);
    expect(await roles(cookie)).toEqual([]);
    // A page her role would open asks for the step instead of refusing her.
    const page = await settle(
      startAgendaLoader(
        routeArgs(get("/gemeente/GM0397/buurtagenda-starten", cookie), { code: "GM0397" }),
      ),
    );
    expect(isRedirectTo(page, /^\/account\/tweestapsverificatie\?terug=/)).toBe(true);

    const setup = await enrolLoader(routeArgs(get("/account/tweestapsverificatie", cookie)));
    expect(setup).toMatchObject({ state: "enrol", key: expect.stringMatching(/^[A-Z2-7 ]{32,}$/) });
    // Reloading the page keeps the key she may already have scanned.
    const key = await keyOf(sanne.id);
    await enrolLoader(routeArgs(get("/account/tweestapsverificatie", cookie)));
    expect(await keyOf(sanne.id)).toEqual(key);

    const wrong = await enrolAction(
      routeArgs(
        formPost(
          "/account/tweestapsverificatie",
          { intent: "enrol", code: wrongCodeFor(key) },
          cookie,
        ),
      ),
    );
    expect(JSON.stringify(wrong)).toContain("codeWrong");
    expect(
      (await db().user.findUniqueOrThrow({ where: { id: sanne.id } })).totpEnabledAt,
    ).toBeNull();
    expect(await roles(cookie)).toEqual([]);

    const done = (await enrolAction(
      routeArgs(
        formPost("/account/tweestapsverificatie", { intent: "enrol", code: codeFor(key) }, cookie),
      ),
    )) as { recoveryCodes: string[] };
    expect(done.recoveryCodes).toHaveLength(10);
    expect(new Set(done.recoveryCodes).size).toBe(10);
    expect(done.recoveryCodes[0]).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    expect(await roles(cookie)).toEqual(["gemeente"]);
    // Only hashes are stored.
    const stored = await db().recoveryCode.findMany({ where: { userId: sanne.id } });
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(done.recoveryCodes[0]!.replace("-", ""));
    const events = await db().auditEvent.findMany({
      where: { subjectId: sanne.id, action: "account.second_factor_enabled" },
    });
    expect(events).toHaveLength(1);
  });

  it("asks enrolled staff for the code at every sign-in, and refuses wrong ones", async () => {
    const sanne = await account("gemeente");
    const first = await signIn(sanne.email);
    const { key } = await enrol(sanne, first.cookie);

    const { response, cookie } = await signIn(sanne.email, "/gemeente/GM0397/cijfers");
    expect(
      isRedirectTo(response, /^\/inloggen\/tweede-stap\?terug=%2Fgemeente%2FGM0397%2Fcijfers$/),
    ).toBe(true);
    expect(await roles(cookie)).toEqual([]);
    // The enrolment page cannot be used to skip the step.
    expect(
      isRedirectTo(
        await settle(enrolLoader(routeArgs(get("/account/tweestapsverificatie", cookie)))),
        /^\/inloggen\/tweede-stap/,
      ),
    ).toBe(true);
    await expect(
      secondStepLoader(routeArgs(get("/inloggen/tweede-stap", cookie))),
    ).resolves.toMatchObject({ demoCode: null });

    const post = (fields: Record<string, string>, ip?: string) =>
      settle(
        secondStepAction(routeArgs(formPost("/inloggen/tweede-stap", fields, cookie), {}, ip)),
      );
    const typo = await post({ intent: "totp", code: "12345" });
    expect(JSON.stringify(typo)).toContain("totpFormat");
    const wrong = await post({ intent: "totp", code: wrongCodeFor(key) });
    expect(JSON.stringify(wrong)).toContain("codeWrong");
    expect(await roles(cookie)).toEqual([]);

    const right = await post({
      intent: "totp",
      code: codeFor(key).replace(/^(\d{3})/, "$1 "),
      redirectTo: "/gemeente/GM0397/cijfers",
    });
    expect(isRedirectTo(right, /^\/gemeente\/GM0397\/cijfers$/)).toBe(true);
    expect(await roles(cookie)).toEqual(["gemeente"]);
  });

  it("stops guessing after five wrong codes, even with the right one after", async () => {
    const sanne = await account("gemeente");
    const { key } = await enrol(sanne, (await signIn(sanne.email)).cookie);
    const { cookie } = await signIn(sanne.email);
    const post = (code: string) =>
      settle(
        secondStepAction(
          routeArgs(
            formPost("/inloggen/tweede-stap", { intent: "totp", code }, cookie),
            {},
            "198.51.100.9",
          ),
        ),
      );
    for (let i = 0; i < 5; i++) await post(wrongCodeFor(key));
    const blocked = await post(codeFor(key));
    expect(JSON.stringify(blocked)).toContain("rateLimited");
    expect(await roles(cookie)).toEqual([]);
  });

  it("lets a recovery code stand in once, and renewed codes replace the old ones", async () => {
    const sanne = await account("gemeente");
    const { key, recoveryCodes } = await enrol(sanne, (await signIn(sanne.email)).cookie);
    const recover = async (recoveryCode: string) => {
      const { cookie } = await signIn(sanne.email);
      const answer = await settle(
        secondStepAction(
          routeArgs(
            formPost("/inloggen/tweede-stap", { intent: "recovery", recoveryCode }, cookie),
          ),
        ),
      );
      return { answer, cookie };
    };
    const used = await recover(recoveryCodes[0]!.toUpperCase());
    expect(isRedirectTo(used.answer, /^\/account$/)).toBe(true);
    expect(await roles(used.cookie)).toEqual(["gemeente"]);
    const again = await recover(recoveryCodes[0]!);
    expect(JSON.stringify(again.answer)).toContain("recoveryWrong");
    expect(await roles(again.cookie)).toEqual([]);

    const status = await enrolLoader(routeArgs(get("/account/tweestapsverificatie", used.cookie)));
    expect(status).toMatchObject({ state: "enabled", codesLeft: 9 });
    const refused = await enrolAction(
      routeArgs(
        formPost(
          "/account/tweestapsverificatie",
          { intent: "renew", code: wrongCodeFor(key) },
          used.cookie,
        ),
      ),
    );
    expect(JSON.stringify(refused)).toContain("codeWrong");
    const renewed = (await enrolAction(
      routeArgs(
        formPost(
          "/account/tweestapsverificatie",
          { intent: "renew", code: codeFor(key) },
          used.cookie,
        ),
      ),
    )) as { recoveryCodes: string[] };
    expect(renewed.recoveryCodes).toHaveLength(10);
    const old = await recover(recoveryCodes[1]!);
    expect(JSON.stringify(old.answer)).toContain("recoveryWrong");
    const fresh = await recover(renewed.recoveryCodes[0]!);
    expect(isRedirectTo(fresh.answer, /^\/account$/)).toBe(true);
  });

  it("asks nothing extra of residents and partners", async () => {
    for (const role of ["bewoner", "partner", null] as const) {
      const person = await account(role);
      const { response, cookie } = await signIn(person.email, "/account");
      expect(isRedirectTo(response, /^\/account$/)).toBe(true);
      expect(await roles(cookie)).toEqual(role ? [role] : []);
      await expect(
        enrolLoader(routeArgs(get("/account/tweestapsverificatie", cookie))),
      ).resolves.toMatchObject({ state: "not-needed" });
      const second = await settle(
        secondStepLoader(routeArgs(get("/inloggen/tweede-stap", cookie))),
      );
      expect(isRedirectTo(second, /^\/account$/)).toBe(true);
    }
  });

  it("sets up the staff demo accounts with the public demo key and shows their code", async () => {
    const { response, cookie } = await signIn(
      "gemeente@demo.buurtagenda.nl",
      "/account",
      DEMO_PASSWORD,
    );
    expect(isRedirectTo(response, /^\/inloggen\/tweede-stap/)).toBe(true);
    const page = await secondStepLoader(routeArgs(get("/inloggen/tweede-stap", cookie)));
    expect(page).toMatchObject({ demoCode: codeFor(DEMO_TOTP_KEY) });
  });
});
