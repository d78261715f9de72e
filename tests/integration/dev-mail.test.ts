import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as requestCodeAction } from "../../app/routes/inloggen-code";
import { loader as devMailLoader } from "../../app/routes/dev-mail";
import { setupFreshDatabase } from "../support/database";
import { formPost, routeArgs } from "../support/requests";

// Without SMTP_URL, outside production, mail is kept in DATA_DIR/mail and listed at /dev/mail,
// so a newcomer can sign up locally without a mail server.

setupFreshDatabase();
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "buurtagenda-mail-"));
  process.env.DATA_DIR = dataDir;
  delete process.env.SMTP_URL;
});
afterAll(async () => {
  delete process.env.DATA_DIR;
  await rm(dataDir, { recursive: true, force: true });
});

describe("development mail", () => {
  it("stores the code mail and lists it newest first on the dev page", async () => {
    await requestCodeAction(routeArgs(formPost("/inloggen/code", { email: "eerste@example.org" })));
    await requestCodeAction(routeArgs(formPost("/inloggen/code", { email: "tweede@example.org" })));
    const { emails } = await devMailLoader();
    expect(emails.map((m) => m.to)).toEqual(["tweede@example.org", "eerste@example.org"]);
    expect(emails[0]!.subject).toMatch(/^Uw code voor Buurtagenda: \d{6}$/);
    expect(emails[0]!.text).toContain("Uw code is:");
  });
});
