import { expect, test } from "@playwright/test";
import { contextRecordingCspViolations, expectAccessible } from "./support";
import { FIRST_LOAD_BUDGET_BYTES, RESIDENT_PAGES, firstLoad } from "../../bench/first-load";

test("an unknown buurt code gives a plain-Dutch 404", async ({ page }) => {
  const response = await page.goto("/buurt/BU99999999");
  expect(response?.status()).toBe(404);
  await expect(
    page.getByRole("heading", { level: 1, name: "Deze pagina bestaat niet" }),
  ).toBeVisible();
  await expectAccessible(page);
});

test("a cross-site POST is refused and changes nothing", async ({ request }) => {
  const response = await request.post("/registreren", {
    headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    form: { email: "victim@example.org", password: "een lange zin als wachtwoord" },
  });
  expect(response.status()).toBe(403);
});

test("the language switch to English persists across pages", async ({ page }) => {
  await page.goto("/privacy");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Privacy" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("link", { name: "Municipalities" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Working together on your neighbourhood",
  );
  await expectAccessible(page);
  await page.getByRole("button", { name: "Schakel naar Nederlands" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
});

test("the accessibility page explains and takes a report, keeping input on error", async ({
  page,
}) => {
  await page.goto("/toegankelijkheid");
  await expectAccessible(page);
  await page
    .getByLabel("Uw e-mailadres, als u een antwoord wilt (mag leeg blijven)")
    .fill("geen-adres");
  await page.getByRole("button", { name: "Melding versturen" }).click();
  await expect(page.getByText("Beschrijf wat er mis ging.")).toBeVisible();
  await expect(page.getByText("Dit is geen geldig e-mailadres.")).toBeVisible();
  await expect(
    page.getByLabel("Uw e-mailadres, als u een antwoord wilt (mag leeg blijven)"),
  ).toHaveValue("geen-adres");
  await expectAccessible(page);
  await page
    .getByLabel("Wat ging er mis?")
    .fill("De kaart is niet te gebruiken met het toetsenbord.");
  await page.getByLabel("Uw e-mailadres, als u een antwoord wilt (mag leeg blijven)").fill("");
  await page.getByRole("button", { name: "Melding versturen" }).click();
  await expect(page.getByText("Bedankt. Uw melding is verstuurd.")).toBeVisible();
});

test("pages send security headers, and scripts and the map run under the CSP without violations", async ({
  browser,
}) => {
  const { context, violations: violationsOf } = await contextRecordingCspViolations(browser);
  const page = await context.newPage();
  const violations = () => violationsOf(page);
  const response = await page.goto("/gemeente/GM0397");
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // The inline scripts React Router writes carry this response's nonce, so hydration runs: the
  // map (a client-only component) draws.
  // Counted in the HTML as served: the live DOM also holds scripts the client adds later, and the
  // browser hides nonce values from the DOM.
  const html = await response!.text();
  const inline = html.match(/<script(?![^>]*\ssrc=)[^>]*>/g) ?? [];
  expect(inline.length).toBeGreaterThan(0);
  expect(inline.filter((tag) => tag.includes(`nonce="${nonce}"`))).toEqual(inline);
  await expect(page.locator(".maplibregl-canvas")).toBeVisible();
  expect(await violations()).toEqual([]);
  // A second page gets a fresh nonce.
  const again = (await page.goto("/buurt/BU03970100"))!.headers()["content-security-policy"];
  expect(again).not.toContain(nonce!);
  await expect(page.locator(".maplibregl-canvas")).toBeVisible();
  expect(await violations()).toEqual([]);
  // Files get the base headers too.
  const file = await page.request.get("/open-data/buurtagendas.json");
  expect(file.headers()["x-content-type-options"]).toBe("nosniff");
  expect(file.headers()["x-frame-options"]).toBe("DENY");
  await context.close();
});

test("on a phone the map starts when the resident asks for it, and no map code loads before", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const mapCode: string[] = [];
  page.on("request", (request) => {
    if (/maplibre|map-canvas/i.test(request.url())) mapCode.push(request.url());
  });
  await page.goto("/buurt/BU03970100");
  const show = page.getByRole("button", { name: "Kaart tonen" });
  await expect(show).toBeVisible();
  await expect(page.getByText("De kaart wordt geladen.")).toBeHidden();
  await expectAccessible(page);
  // The page has hydrated (the button works) and still fetched nothing of the map.
  await page.waitForLoadState("networkidle");
  expect(mapCode).toEqual([]);
  await show.click();
  await expect(page.locator('[data-testid="area-map"][data-state="ready"]')).toBeVisible();
  expect(mapCode.length).toBeGreaterThan(0);
  await expect(show).toBeHidden();
  await context.close();
});

test("the map falls back to the list when WebGL is unavailable", async ({ browser }) => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (
      this: HTMLCanvasElement,
      type: string,
      ...rest: unknown[]
    ) {
      if (type.startsWith("webgl")) return null;
      return (original as (...args: unknown[]) => unknown).call(this, type, ...rest);
    } as typeof original;
  });
  const page = await context.newPage();
  await page.goto("/gemeente/GM0397");
  await expect(
    page.getByText("De kaart kan op dit apparaat niet worden getoond. Gebruik de lijst."),
  ).toBeVisible();
  await expect(page.locator(".area-list li")).toHaveCount(14);
  await context.close();
});

for (const path of [
  "/inloggen/code",
  "/wachtwoord-vergeten",
  "/privacy",
  "/gemeente/GM1883",
  "/buurt/BU03970000",
]) {
  test(`${path} has no WCAG 2.1 AA violations and a skip link to the content`, async ({ page }) => {
    await page.goto(path);
    await expectAccessible(page);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Naar de inhoud" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#inhoud")).toBeFocused();
  });
}

test("a reused password-reset link says plainly that it no longer works", async ({ page }) => {
  await page.goto("/wachtwoord-herstellen/bestaat.niet");
  await expect(page.getByText("Deze link werkt niet meer.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Nieuwe link aanvragen" })).toBeVisible();
  await expectAccessible(page);
});

test("the open-data page documents the files, and a file downloads from its link", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Open data" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Open data" })).toBeVisible();
  await expectAccessible(page);
  const file = await page.request.get("/open-data/verhalen.json");
  expect(file.status()).toBe(200);
  expect(file.headers()["cache-control"]).toContain("public");
  const body = (await file.json()) as { data: { text: string }[] };
  // The demo stories are published; the file lists them, and never a teller.
  expect(body.data.length).toBeGreaterThan(0);
  expect(JSON.stringify(body)).not.toMatch(/tellerName|email/i);
});

test("each resident page loads less than 150 KB of JavaScript (gzip), without the map library", () => {
  // From the build the suite runs against; the map library loads only once a map is shown.
  const loads = firstLoad(RESIDENT_PAGES);
  expect(loads.map((l) => l.route)).toEqual(RESIDENT_PAGES);
  for (const load of loads) {
    expect(load.gzip, load.route).toBeLessThan(FIRST_LOAD_BUDGET_BYTES);
    expect(load.mapOnFirstLoad, load.route).toBe(false);
  }
});
