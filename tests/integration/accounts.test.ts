import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as signUpAction } from "../../app/routes/registreren";
import { action as verifyAction } from "../../app/routes/bevestigen";
import { action as signInAction } from "../../app/routes/inloggen";
import { action as requestCodeAction } from "../../app/routes/inloggen-code";
import { action as signOutAction } from "../../app/routes/uitloggen";
import { action as forgotAction } from "../../app/routes/wachtwoord-vergeten";
import {
  action as resetAction,
  loader as resetLoader,
} from "../../app/routes/wachtwoord-herstellen";
import { action as accountAction, loader as accountLoader } from "../../app/routes/account";
import { loader as devMailLoader } from "../../app/routes/dev-mail";
import { authenticate } from "../../app/features/auth/session.server";
import { db } from "../../app/shared/db.server";
import { setupFreshDatabase } from "../support/database";
import { formPost, get, isRedirectTo, routeArgs, sessionCookieFrom } from "../support/requests";
import { startMailbox } from "../support/smtp-capture";

setupFreshDatabase();
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
beforeAll(async () => {
  mailbox = await startMailbox();
  process.env.SMTP_URL = mailbox.url;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await mailbox.close();
});

const PASSWORD = "een lange zin als wachtwoord";
let counter = 0;
const newEmail = () => `bewoner${++counter}-${Date.now()}@example.org`;

async function signUp(email: string, password = PASSWORD) {
  return signUpAction(routeArgs(formPost("/registreren", { email, password })));
}

async function codeFromMail(email: string): Promise<string> {
  const mail = await mailbox.waitFor(email, /Uw code is: \d{6}/);
  return /Uw code is: (\d{6})/.exec(mail.text)![1]!;
}

async function verifiedAccount(email = newEmail()) {
  await signUp(email);
  const code = await codeFromMail(email);
  const response = await verifyAction(
    routeArgs(formPost("/bevestigen", { email, code, doel: "account", redirectTo: "/account" })),
  );
  return { email, cookie: sessionCookieFrom(response) };
}

async function currentUser(cookie: string) {
  return (await authenticate(get("/", cookie))).user;
}

describe("sign up and verify", () => {
  it("creates an unverified account, mails a code, and signs in after the code", async () => {
    const email = newEmail();
    const response = await signUp(email);
    expect(isRedirectTo(response, /^\/bevestigen\?email=.*&doel=account$/)).toBe(true);
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(user.emailVerifiedAt).toBeNull();
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    const code = await codeFromMail(email);
    const verified = await verifyAction(
      routeArgs(formPost("/bevestigen", { email, code, doel: "account", redirectTo: "/account" })),
    );
    expect(isRedirectTo(verified, /^\/account$/)).toBe(true);
    const cookie = sessionCookieFrom(verified);
    expect((await currentUser(cookie))?.email).toBe(email);
    expect(await db().user.findUniqueOrThrow({ where: { email } })).toMatchObject({
      emailVerifiedAt: expect.any(Date),
    });
    const events = await db().auditEvent.findMany({
      where: { subjectId: user.id },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["account.signed_up", "account.email_verified"]);
  });

  it("refuses an invalid email and a short password next to the fields, writing nothing", async () => {
    const before = await db().user.count();
    const invalid = (await signUp("geen-emailadres")) as {
      result: { error: Record<string, string[]>; initialValue: Record<string, string> };
    };
    expect(invalid.result.error.email).toEqual(["emailInvalid"]);
    expect(invalid.result.initialValue.email).toBe("geen-emailadres");

    const short = (await signUp(newEmail(), "kort")) as {
      result: { error: Record<string, string[]>; initialValue: Record<string, unknown> };
    };
    expect(short.result.error.password).toEqual(["passwordTooShort"]);
    expect(short.result.initialValue.password).toBeUndefined();
    expect(await db().user.count()).toBe(before);
  });

  it("answers an already used email exactly like a new one, and tells only the owner", async () => {
    const { email } = await verifiedAccount();
    const again = await signUp(email, "een ander wachtwoord dan eerst");
    const fresh = await signUp(newEmail());
    expect(isRedirectTo(again, /^\/bevestigen\?email=.*&doel=account$/)).toBe(true);
    expect((again as Response).status).toBe((fresh as Response).status);
    await mailbox.waitFor(email, /U heeft al een account/);
    // The existing password still works; nobody took the account over.
    const signIn = await signInAction(
      routeArgs(formPost("/inloggen", { email, password: PASSWORD })),
    );
    expect(isRedirectTo(signIn, /^\/account$/)).toBe(true);
  });

  it("refuses a wrong code and an expired code, and does not verify", async () => {
    const email = newEmail();
    await signUp(email);
    const code = await codeFromMail(email);
    const wrong = (await verifyAction(
      routeArgs(
        formPost("/bevestigen", {
          email,
          code: code === "123456" ? "654321" : "123456",
          doel: "account",
        }),
      ),
    )) as { result: { error: Record<string, string[]> } };
    expect(wrong.result.error.code).toEqual(["codeInvalid"]);

    await db().emailCode.updateMany({
      where: { email },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = (await verifyAction(
      routeArgs(formPost("/bevestigen", { email, code, doel: "account" })),
    )) as { result: { error: Record<string, string[]> } };
    expect(expired.result.error.code).toEqual(["codeInvalid"]);
    expect((await db().user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).toBeNull();
  });

  it("lets a code work only once", async () => {
    const email = newEmail();
    await signUp(email);
    const code = await codeFromMail(email);
    const first = await verifyAction(
      routeArgs(formPost("/bevestigen", { email, code, doel: "account" })),
    );
    expect(first).toBeInstanceOf(Response);
    const second = await verifyAction(
      routeArgs(formPost("/bevestigen", { email, code, doel: "account" })),
    );
    expect(second).not.toBeInstanceOf(Response);
  });
});

describe("sign in with an emailed code", () => {
  it("creates a resident account without a password on the first code", async () => {
    const email = newEmail();
    const requested = await requestCodeAction(routeArgs(formPost("/inloggen/code", { email })));
    expect(isRedirectTo(requested, /doel=inloggen/)).toBe(true);
    const code = await codeFromMail(email);
    const response = await verifyAction(
      routeArgs(formPost("/bevestigen", { email, code, doel: "inloggen" })),
    );
    const user = await currentUser(sessionCookieFrom(response));
    expect(user?.email).toBe(email);
    expect((await db().user.findUniqueOrThrow({ where: { email } })).passwordHash).toBeNull();
  });
});

describe("sign in, sessions and sign out", () => {
  it("gives the same answer for a wrong password and an unknown email", async () => {
    const { email } = await verifiedAccount();
    const wrong = (await signInAction(
      routeArgs(formPost("/inloggen", { email, password: "helemaal fout" })),
    )) as { result: { error: Record<string, string[]> } };
    const unknown = (await signInAction(
      routeArgs(formPost("/inloggen", { email: newEmail(), password: "helemaal fout" })),
    )) as { result: { error: Record<string, string[]> } };
    expect(wrong.result.error[""]).toEqual(["credentialsInvalid"]);
    expect(unknown.result.error[""]).toEqual(["credentialsInvalid"]);
  });

  it("rate-limits a burst of 20 wrong passwords, and the right one works after the window", async () => {
    const { email } = await verifiedAccount();
    const outcomes: string[] = [];
    for (let i = 0; i < 20; i++) {
      const result = (await signInAction(
        routeArgs(formPost("/inloggen", { email, password: `fout wachtwoord ${i}` })),
      )) as { result: { error: Record<string, string[]> } };
      outcomes.push(result.result.error[""]![0]!);
    }
    expect(outcomes.slice(0, 5)).toEqual(Array(5).fill("credentialsInvalid"));
    expect(outcomes.slice(5)).toEqual(Array(15).fill("rateLimited"));

    const during = await signInAction(
      routeArgs(formPost("/inloggen", { email, password: PASSWORD })),
    );
    expect(during).not.toBeInstanceOf(Response);

    // Let the window pass: move its start back by the window length.
    await db().rateLimit.updateMany({
      where: { key: `signin:email:${email}` },
      data: { windowStart: new Date(Date.now() - 16 * 60 * 1000) },
    });
    const after = await signInAction(
      routeArgs(formPost("/inloggen", { email, password: PASSWORD })),
    );
    expect(isRedirectTo(after, /^\/account$/)).toBe(true);
  });

  it("refuses a tampered cookie and an expired session, and clears the cookie", async () => {
    const { cookie } = await verifiedAccount();
    const tampered = `${cookie.slice(0, -2)}${cookie.endsWith("a") ? "bb" : "aa"}`;
    const result = await authenticate(get("/", tampered));
    expect(result.user).toBeNull();
    expect(result.setCookie).toMatch(/Max-Age=0/);

    const sessionId = cookie.split("=")[1]!.split(".")[0]!;
    await db().session.update({
      where: { id: sessionId },
      data: { lastVerifiedAt: new Date(Date.now() - 11 * 24 * 60 * 60 * 1000) },
    });
    expect((await authenticate(get("/", cookie))).user).toBeNull();
    expect(await db().session.count({ where: { id: sessionId } })).toBe(0);
  });

  it("keeps only the hash of the session secret, and extends an active session", async () => {
    const { cookie } = await verifiedAccount();
    const [id, secret] = cookie.split("=")[1]!.split(".") as [string, string];
    const stored = await db().session.findUniqueOrThrow({ where: { id } });
    expect(Buffer.from(stored.secretHash).toString("utf8")).not.toContain(secret);
    expect(stored.secretHash.length).toBe(32);
    await db().session.update({
      where: { id },
      data: { lastVerifiedAt: new Date(Date.now() - 2 * 60 * 60 * 1000) },
    });
    const result = await authenticate(get("/", cookie));
    expect(result.user).not.toBeNull();
    expect(result.setCookie).toMatch(/HttpOnly; Secure; SameSite=Lax; Path=\//);
  });

  it("signs out: the session no longer works", async () => {
    const { cookie } = await verifiedAccount();
    const response = await signOutAction(routeArgs(formPost("/uitloggen", {}, cookie)));
    expect((response as Response).headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
    expect(await currentUser(cookie)).toBeNull();
  });
});

describe("password reset", () => {
  it("answers the same for unknown addresses and mails a link that works once", async () => {
    const { email, cookie: oldSession } = await verifiedAccount();
    const unknown = await forgotAction(
      routeArgs(formPost("/wachtwoord-vergeten", { email: newEmail() })),
    );
    const known = await forgotAction(routeArgs(formPost("/wachtwoord-vergeten", { email })));
    expect((unknown as { sent: boolean }).sent).toBe(true);
    expect((known as { sent: boolean }).sent).toBe(true);

    const mail = await mailbox.waitFor(email, /wachtwoord-herstellen\//);
    const token = /wachtwoord-herstellen\/([a-z0-9.]+)/.exec(mail.text)![1]!;
    expect(
      (await resetLoader(routeArgs(get(`/wachtwoord-herstellen/${token}`), { token }))).usable,
    ).toBe(true);

    const newPassword = "een nieuwe en lange zin";
    const reset = await resetAction(
      routeArgs(
        formPost(`/wachtwoord-herstellen/${token}`, {
          password: newPassword,
          confirm: newPassword,
        }),
        { token },
      ),
    );
    expect(isRedirectTo(reset, /^\/account$/)).toBe(true);
    // A password change signs out every other session.
    expect(await currentUser(oldSession)).toBeNull();

    const reused = await resetAction(
      routeArgs(
        formPost(`/wachtwoord-herstellen/${token}`, {
          password: "nog een ander wachtwoord",
          confirm: "nog een ander wachtwoord",
        }),
        { token },
      ),
    );
    expect((reused as { invalidLink: boolean }).invalidLink).toBe(true);
    const signIn = await signInAction(
      routeArgs(formPost("/inloggen", { email, password: newPassword })),
    );
    expect(isRedirectTo(signIn, /^\/account$/)).toBe(true);
  });

  it("refuses mismatched passwords without using the link", async () => {
    const { email } = await verifiedAccount();
    await forgotAction(routeArgs(formPost("/wachtwoord-vergeten", { email })));
    const mail = await mailbox.waitFor(email, /wachtwoord-herstellen\//);
    const token = /wachtwoord-herstellen\/([a-z0-9.]+)/.exec(mail.text)![1]!;
    const result = (await resetAction(
      routeArgs(
        formPost(`/wachtwoord-herstellen/${token}`, {
          password: "een lange zin hier",
          confirm: "iets anders",
        }),
        { token },
      ),
    )) as { result: { error: Record<string, string[]> } };
    expect(result.result.error.confirm).toEqual(["confirmMismatch"]);
    expect(
      (await resetLoader(routeArgs(get(`/wachtwoord-herstellen/${token}`), { token }))).usable,
    ).toBe(true);
  });
});

describe("audit trail", () => {
  it("is append-only", async () => {
    await verifiedAccount();
    const event = await db().auditEvent.findFirstOrThrow();
    await expect(
      db().auditEvent.update({ where: { id: event.id }, data: { action: "changed" } }),
    ).rejects.toThrow();
    await expect(db().auditEvent.delete({ where: { id: event.id } })).rejects.toThrow();
  });
});

describe("change password on the account page", () => {
  it("needs the current password, then signs out every other session", async () => {
    const { email, cookie } = await verifiedAccount();
    const otherDevice = sessionCookieFrom(
      await signInAction(routeArgs(formPost("/inloggen", { email, password: PASSWORD }))),
    );
    const newPassword = "mijn nieuwe lange wachtzin";

    const wrong = (await accountAction(
      routeArgs(
        formPost(
          "/account",
          { current: "niet het juiste", password: newPassword, confirm: newPassword },
          cookie,
        ),
      ),
    )) as { result: { error: Record<string, string[]> } };
    expect(wrong.result.error.current).toEqual(["currentPasswordWrong"]);
    expect(await currentUser(otherDevice)).not.toBeNull();

    const changed = await accountAction(
      routeArgs(
        formPost(
          "/account",
          { current: PASSWORD, password: newPassword, confirm: newPassword },
          cookie,
        ),
      ),
    );
    expect(isRedirectTo(changed, /^\/account\?wachtwoord-gewijzigd$/)).toBe(true);
    expect(await currentUser(otherDevice)).toBeNull();
    expect(await currentUser(cookie)).toBeNull();
    expect((await currentUser(sessionCookieFrom(changed)))?.email).toBe(email);
    const oldPassword = await signInAction(
      routeArgs(formPost("/inloggen", { email, password: PASSWORD })),
    );
    expect(oldPassword).not.toBeInstanceOf(Response);
  });

  it("sends a visitor without a session to sign in, and back afterwards", async () => {
    await expect(accountLoader(routeArgs(get("/account")))).rejects.toSatisfy((thrown: unknown) =>
      isRedirectTo(thrown, /^\/inloggen\?terug=%2Faccount$/),
    );
  });
});

describe("development mail page", () => {
  it("does not exist in production", async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      await expect(devMailLoader()).rejects.toMatchObject({ init: { status: 404 } });
    } finally {
      process.env.NODE_ENV = previous;
    }
  });
});
