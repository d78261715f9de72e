import { generateTOTP } from "@oslojs/otp";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO_TOTP_KEY } from "../../app/features/auth/demo-accounts.server";
import { DEMO_PASSWORD } from "./support";

// Keyboard only (WCAG 2.1.1, 2.4.3, 2.4.7): a resident tells a story and a moderator places it,
// with Tab, Space, Enter and typing — no clicks. Every control on the way must be reachable in
// the tab order and show where the focus is.

/** Presses Tab until `target` has the focus; fails if it is not in the tab order. */
async function tabTo(page: Page, target: Locator, maxPresses = 600): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) {
      const visible = await target.evaluate((element) => {
        const style = getComputedStyle(element);
        return style.outlineStyle !== "none" || style.boxShadow !== "none";
      });
      expect(visible, "the focused control shows its focus").toBe(true);
      return;
    }
  }
  throw new Error(`Could not reach ${target} with Tab`);
}

async function signInByKeyboard(page: Page, email: string, totp = false) {
  await page.goto("/inloggen");
  await tabTo(page, page.getByLabel("E-mailadres"));
  await page.keyboard.type(email);
  await tabTo(page, page.getByLabel("Wachtwoord"));
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  if (totp) {
    await expect(page.getByRole("heading", { name: "Tweede stap: code uit uw app" })).toBeVisible();
    await tabTo(page, page.getByLabel("Code van 6 cijfers uit uw app"));
    await page.keyboard.type(generateTOTP(DEMO_TOTP_KEY, 30, 6));
    await page.keyboard.press("Enter");
  }
  await expect(page.getByRole("link", { name: "Mijn account" })).toBeVisible();
}

test("a resident tells a story and a moderator places it, by keyboard alone", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const text = `Het fietspad langs de Glip is in de winter spiegelglad (toetsenbord ${Date.now()}).`;

  const fatima = await (await browser.newContext()).newPage();
  await signInByKeyboard(fatima, "bewoner@demo.buurtagenda.nl");
  await fatima.goto("/buurt/BU03970101");
  await tabTo(fatima, fatima.getByRole("link", { name: "Vertel uw verhaal over deze buurt" }));
  await fatima.keyboard.press("Enter");
  const form = fatima.getByRole("main");
  await tabTo(fatima, form.getByLabel("Uw verhaal"));
  await fatima.keyboard.type(text);
  await tabTo(fatima, form.getByRole("checkbox", { name: "Verkeer en verkeersveiligheid" }));
  await fatima.keyboard.press("Space");
  await tabTo(fatima, form.getByRole("checkbox", { name: /mag op de website komen/ }));
  await fatima.keyboard.press("Space");
  await tabTo(fatima, form.getByRole("button", { name: "Verhaal versturen" }));
  await fatima.keyboard.press("Enter");
  await expect(fatima.getByText("Dank u wel! Uw verhaal is verstuurd.")).toBeVisible();

  const kees = await (await browser.newContext()).newPage();
  await signInByKeyboard(kees, "buurtplatform@demo.buurtagenda.nl", true);
  await tabTo(kees, kees.getByRole("link", { name: "Verhalen controleren" }));
  await kees.keyboard.press("Enter");
  const item = kees.getByRole("main").getByRole("article").filter({ hasText: text });
  await expect(item).toBeVisible();
  await tabTo(kees, item.getByRole("button", { name: "Plaatsen" }));
  await kees.keyboard.press("Enter");
  await expect(kees.getByText("Het verhaal staat op de website.")).toBeVisible();

  await fatima.goto("/buurt/BU03970101");
  await expect(fatima.getByText(text)).toBeVisible();
});
