import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { generateTOTP } from "@oslojs/otp";
import { expect, type Browser, type Page } from "@playwright/test";
import { E2E_MAIL_DIR } from "../../playwright.config";
import { DEMO_TOTP_KEY } from "../../app/features/auth/demo-accounts.server";
import type { CapturedMail } from "../support/smtp-capture";

/** Waits for the newest mail to `address` that arrived through the test SMTP server. */
export async function waitForMail(address: string, matching: RegExp): Promise<CapturedMail> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const files = (await readdir(E2E_MAIL_DIR).catch(() => [] as string[]))
      .filter((file) => file.endsWith(".json"))
      .sort()
      .reverse();
    for (const file of files) {
      const mail = JSON.parse(
        await readFile(path.join(E2E_MAIL_DIR, file), "utf8"),
      ) as CapturedMail;
      if (mail.to.includes(address.toLowerCase()) && matching.test(mail.text)) return mail;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No mail to ${address} matching ${matching} arrived`);
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;
}

/** No WCAG 2.1 A/AA violations on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary, `axe on ${page.url()}`).toEqual([]);
}

export const DEMO_PASSWORD = "buurtagenda-demo";

/**
 * Signs in with a demo account through the sign-in form; staff accounts then give the code an
 * authenticator app holding the public demo key would show.
 */
export async function signInAsDemo(page: Page, email: string): Promise<void> {
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL((url) => url.pathname !== "/inloggen");
  if (new URL(page.url()).pathname === "/inloggen/tweede-stap") {
    await page.getByLabel("Code van 6 cijfers uit uw app").fill(generateTOTP(DEMO_TOTP_KEY, 30, 6));
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await page.waitForURL((url) => url.pathname !== "/inloggen/tweede-stap");
  }
  await expect(page.getByRole("link", { name: "Mijn account" })).toBeVisible();
}

/** On the sign-in-by-code form: asks for a code, reads it from the captured mail, confirms. */
export async function signInWithEmailedCode(page: Page, email: string): Promise<void> {
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Stuur mij een code" }).click();
  const mail = await waitForMail(email, /Uw code is: \d{6}/);
  await page.getByLabel("Code van 6 cijfers").fill(/Uw code is: (\d{6})/.exec(mail.text)![1]!);
  await page.getByRole("button", { name: "Bevestigen" }).click();
}

/** Block 1's budget and where it comes from, on the agenda's urgency page. */
export async function setAgendaBudget(
  page: Page,
  agendaUrl: string,
  amount: string,
  source: string,
) {
  await page.goto(`${agendaUrl}/urgentie`);
  const preconditions = page.locator("form", { has: page.getByLabel("Budget in euro") });
  await preconditions.getByLabel("Budget in euro").fill(amount);
  await preconditions.getByLabel("Waar komt het geld vandaan?").fill(source);
  await preconditions.getByRole("button", { name: "Opslaan" }).click();
  await expect(preconditions.getByRole("status")).toHaveText("Opgeslagen.");
}

/** Starts a buurtagenda for De Glip and Glipper Dreef; returns the agenda's address. */
export async function startAgendaForTheGlip(page: Page, title: string) {
  await page.goto("/gemeente/GM0397/buurtagenda-starten");
  const main = page.getByRole("main");
  await main.getByLabel("Titel").fill(title);
  await main.getByLabel("Korte uitleg voor bewoners").fill("Samen aan de slag in twee buurten.");
  await main.getByLabel("Begindatum").fill("2027-01-01");
  await main.getByLabel("Einddatum").fill("2027-12-31");
  await main.getByLabel("Glipper Dreef en Staatsliedenbuurt").check();
  await main.getByLabel("De Glip").check();
  await main.getByRole("button", { name: "Buurtagenda starten" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return page.url().replace(/\/werkruimte.*$/, "");
}

/** Someone new accepts an emailed invitation by creating an account; returns their page. */
export async function acceptInvitationAsNewAccount(
  browser: Browser,
  email: string,
  password: string,
): Promise<Page> {
  const mail = await waitForMail(email, /uitnodiging\//);
  const link = /https?:\/\/\S+\/uitnodiging\/\S+/.exec(mail.text)![0]!;
  const page = await (await browser.newContext()).newPage();
  await page.goto(new URL(link).pathname);
  await page.locator("main").getByRole("link", { name: "Account maken" }).click();
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Account maken" }).click();
  const code = /Uw code is: (\d{6})/.exec((await waitForMail(email, /Uw code is/)).text)![1]!;
  await page.getByLabel("Code van 6 cijfers").fill(code);
  await page.getByRole("button", { name: "Bevestigen" }).click();
  await page.getByRole("button", { name: "Uitnodiging aannemen" }).click();
  await expect(page.getByRole("link", { name: "Mijn account" })).toBeVisible();
  return page;
}

/**
 * A browser context that records every Content-Security-Policy violation of its pages;
 * `violations(page)` reads them ("directive blocked-uri").
 */
export async function contextRecordingCspViolations(browser: Browser) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const violations = (page: Page) =>
    page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  return { context, violations };
}
