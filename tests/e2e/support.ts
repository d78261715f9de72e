import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { E2E_MAIL_DIR } from "../../playwright.config";
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

/** Signs in with a demo account through the sign-in form. */
export async function signInAsDemo(page: Page, email: string): Promise<void> {
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("link", { name: "Mijn account" })).toBeVisible();
}
