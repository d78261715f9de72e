import { expect, test } from "@playwright/test";
import { expectAccessible, uniqueEmail, waitForMail } from "./support";

// A resident's first visit: sign up, confirm the emailed code, sign in again, look around the
// buurten of Heemstede, sign out. axe checks every page on the way.

test("sign up, verify by code, sign in, open Heemstede and a buurt, sign out", async ({ page }) => {
  const email = uniqueEmail("fatima");
  const password = "een lange zin als wachtwoord";
  const browserErrors: string[] = [];
  page.on("pageerror", (error) => browserErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") browserErrors.push(message.text());
  });

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Samen werken aan uw buurt");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Account maken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Account maken" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Account maken" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Vul de code in" })).toBeVisible();
  await expectAccessible(page);
  const mail = await waitForMail(email, /Uw code is: \d{6}/);
  const code = /Uw code is: (\d{6})/.exec(mail.text)![1]!;
  await expect(page.getByLabel("E-mailadres")).toHaveValue(email);
  await page.getByLabel("Code van 6 cijfers").fill(code);
  await page.getByRole("button", { name: "Bevestigen" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Mijn account" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page.getByRole("link", { name: "Inloggen" })).toBeVisible();

  await page.getByRole("link", { name: "Inloggen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Inloggen" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  // Back on the page where sign-in started, now signed in.
  await expect(page.getByRole("link", { name: "Mijn account" })).toBeVisible();

  await page.goto("/");
  await page.getByRole("link", { name: "Heemstede" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Heemstede" })).toBeVisible();
  await expect(page.locator(".area-list li")).toHaveCount(14);
  await expect(page.locator('[data-testid="area-map"][data-state="ready"]')).toBeVisible();
  await expect(page.getByText("Bron: CBS")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Glipper Dreef en Staatsliedenbuurt" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Glipper Dreef en Staatsliedenbuurt" }),
  ).toBeVisible();
  await expect(page.getByText("BU03970101")).toBeVisible();
  await expect(page.getByText("Wijk 01 Heemstede-Zuid")).toBeVisible();
  await expect(page.locator('[data-testid="area-map"][data-state="ready"]')).toBeVisible();
  await expect(page.getByText("Bron: CBS")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page.getByRole("link", { name: "Inloggen" })).toBeVisible();
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Inloggen" })).toBeVisible();
  expect(browserErrors).toEqual([]);
});

test("a wrong code is refused next to the field and keeps the email", async ({ page }) => {
  const email = uniqueEmail("kees");
  await page.goto("/inloggen/code");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Stuur mij een code" }).click();
  await waitForMail(email, /Uw code is/);
  await page.getByLabel("Code van 6 cijfers").fill("000000");
  await page.getByRole("button", { name: "Bevestigen" }).click();
  await expect(page.getByText("Deze code klopt niet of is verlopen.")).toBeVisible();
  await expect(page.getByLabel("E-mailadres")).toHaveValue(email);
  await expectAccessible(page);
});
