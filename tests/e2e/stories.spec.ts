import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { placementOf, type AreaGeometry } from "../../app/features/territory/geo";
import {
  expectAccessible,
  signInAsDemo,
  signInWithEmailedCode,
  uniqueEmail,
  waitForMail,
} from "./support";

// Issue 5, DOMAIN.md §7: Fatima writes a story with a pin before signing in, signs in by code
// without losing it, corrects it before moderation, and marks two stories herkenbaar; Kees
// approves her story; it shows on the buurt page's list and as a pin on the map, whose popup shows
// the markup she typed as text.

const GLIPPER_DREEF = "BU03970101";

async function pointInGlipperDreef() {
  const file = path.resolve(
    import.meta.dirname,
    "../../../shared/data/cbs/boundaries-GM0397.geojson",
  );
  const collection = JSON.parse(await readFile(file, "utf8")) as {
    features: { properties: { code: string }; geometry: AreaGeometry }[];
  };
  const feature = collection.features.find((f) => f.properties.code === GLIPPER_DREEF)!;
  return placementOf([feature.geometry]).centroid;
}

test("Fatima tells a story through sign-in by code; Kees approves it; it shows on the buurt page", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("fatima");
  const storyText = `Het pad naar de bushalte is 's avonds donker (${Date.now()}). <b>Echt</b> waar.`;
  // A word nobody else uses, so a search finds her story alone (the e2e database may be reused).
  const token = Array.from({ length: 10 }, () =>
    String.fromCharCode(97 + Math.floor(Math.random() * 26)),
  ).join("");
  const title = `Donker pad ${token} <img src=x onerror="alert('xss')">`;
  const point = await pointInGlipperDreef();
  const fatima = await (await browser.newContext()).newPage();

  await fatima.goto(`/buurt/${GLIPPER_DREEF}`);
  await fatima.getByRole("link", { name: "Vertel uw verhaal over deze buurt" }).click();
  const main = fatima.getByRole("main");
  await expect(main.getByRole("heading", { level: 1, name: /Vertel over/ })).toBeVisible();
  await expectAccessible(fatima);
  // A first try without text: the message is next to the field, the rest stays.
  await main.getByLabel("Titel (mag leeg blijven)").fill(title);
  await main.getByRole("button", { name: "Verhaal versturen" }).click();
  await expect(main.getByText("Schrijf uw verhaal.")).toBeVisible();
  await expect(main.getByLabel("Titel (mag leeg blijven)")).toHaveValue(title);

  await main.getByLabel("Uw verhaal").fill(storyText);
  await expect(main.getByText(/Nog \d+ tekens over/)).toBeVisible();
  await main.getByRole("checkbox", { name: "Verlichting" }).check();
  await main.getByLabel("Lengtegraad").fill(String(point.lon));
  await main.getByLabel("Breedtegraad").fill(String(point.lat));
  await main.getByRole("checkbox", { name: /mag op de website komen/ }).check();
  await main.getByRole("checkbox", { name: /Zet mijn voornaam erbij/ }).check();
  await main.getByLabel("Voornaam", { exact: true }).fill("Fatima");
  await main.getByRole("button", { name: "Verhaal versturen" }).click();

  // Not signed in yet: the code step, then back to the kept story.
  await signInWithEmailedCode(fatima, email);
  await expect(main.getByText("Uw verhaal is bewaard.")).toBeVisible();
  await expect(main.getByLabel("Uw verhaal")).toHaveValue(storyText);
  await expect(main.getByRole("checkbox", { name: "Verlichting" })).toBeChecked();
  await expect(main.getByLabel("Voornaam", { exact: true })).toHaveValue("Fatima");
  await main.getByRole("button", { name: "Verhaal versturen" }).click();
  await expect(main.getByText("Dank u wel! Uw verhaal is verstuurd.")).toBeVisible();
  await expect(main.getByText("wacht op controle")).toBeVisible();
  await expectAccessible(fatima);

  // She adds a sentence before a moderator has looked at it.
  const finalText = `${storyText} Er brandt maar één lamp.`;
  await main.getByRole("link", { name: "Aanpassen" }).first().click();
  await expect(main.getByRole("heading", { level: 1, name: "Verhaal aanpassen" })).toBeVisible();
  await expect(main.getByLabel("Uw verhaal")).toHaveValue(storyText);
  await expect(main.getByRole("checkbox", { name: "Verlichting" })).toBeChecked();
  await expectAccessible(fatima);
  await main.getByLabel("Uw verhaal").fill(finalText);
  await main.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await expect(main.getByText("Uw verhaal is aangepast.")).toBeVisible();
  await expect(main.locator("p.story-text", { hasText: "Er brandt maar één lamp." })).toHaveCount(
    1,
  );

  // Two stories of the neighbourhood are recognisable to her.
  await fatima.goto(`/buurt/${GLIPPER_DREEF}`);
  const recognise = main.getByRole("button", { name: /^Herkenbaar/ });
  await recognise.first().click();
  await expect(main.getByRole("button", { name: /^U vindt dit herkenbaar/ })).toHaveCount(1);
  await main
    .getByRole("button", { name: /^Herkenbaar/ })
    .first()
    .click();
  await expect(main.getByRole("button", { name: /^U vindt dit herkenbaar/ })).toHaveCount(2);
  await expectAccessible(fatima);

  // One has a name in it: she reports it on its own page, which asks again for an empty reason.
  const reported = main.locator("li[id^='verhaal-']").nth(1);
  const reportedId = (await reported.getAttribute("id"))!;
  await reported.getByRole("link", { name: /^Meld dit verhaal/ }).click();
  await expect(fatima.getByRole("heading", { level: 1, name: "Meld dit verhaal" })).toBeVisible();
  await expectAccessible(fatima);
  await main.getByRole("button", { name: "Melding versturen" }).click();
  const reason = main.getByRole("textbox", { name: "Wat is er mis met dit verhaal?" });
  await expect(reason).toHaveAccessibleDescription(/Schrijf op wat er mis is\./);
  await reason.fill("Er staat een achternaam in.");
  await main.getByRole("button", { name: "Melding versturen" }).click();
  await expect(fatima).toHaveURL(
    new RegExp(`/buurt/${GLIPPER_DREEF}\\?melding=ontvangen#${reportedId}$`),
  );
  await expect(main.getByText("Dank u. Een moderator kijkt naar uw melding.")).toBeVisible();
  // It stays on the site until a moderator decides.
  await expect(main.locator(`#${reportedId}`)).toBeVisible();

  // Kees moderates his wijk.
  const kees = await (await browser.newContext()).newPage();
  await signInAsDemo(kees, "buurtplatform@demo.buurtagenda.nl");
  await kees.getByRole("link", { name: "Verhalen controleren" }).click();
  const queue = kees.getByRole("main");
  const item = queue.getByRole("article").filter({ hasText: finalText });
  // The markup shows as typed text, not as bold.
  await expect(item.locator("p.story-text")).toHaveText(finalText);
  await expect(item.getByRole("heading", { name: title })).toBeVisible();
  await expect(item.locator("img")).toHaveCount(0);
  await expect(item.locator("b")).toHaveCount(0);
  await expectAccessible(kees);
  // "Mark as duplicate" fetches the buurt's recent stories for this one story only, opened.
  await expect(item.getByLabel("Dubbel van welk verhaal?")).toHaveCount(0);
  await item.getByRole("link", { name: /^Markeer als dubbel verhaal/ }).click();
  await expect(kees).toHaveURL(/[?&]dubbel=[0-9a-f-]{36}#wacht-/);
  await expect(item.getByLabel("Dubbel van welk verhaal?")).toBeVisible();
  expect(
    await item.getByLabel("Dubbel van welk verhaal?").locator("option").count(),
  ).toBeGreaterThan(1);
  await expectAccessible(kees);
  await item.getByRole("button", { name: "Plaatsen" }).click();
  await expect(queue.getByText("Het verhaal staat op de website.")).toBeVisible();
  // Fatima hears it by mail, from the background queue; the mail holds no story text.
  const published = await waitForMail(
    email,
    /Een moderator heeft uw verhaal gelezen\. Het staat nu op de website\./,
  );
  expect(published.text).toContain(`/buurt/${GLIPPER_DREEF}`);
  expect(published.text).not.toContain("bushalte");

  // On the buurt page, for everyone: in the list and as a pin on the map.
  const visitor = await (await browser.newContext()).newPage();
  const dialogs: string[] = [];
  visitor.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await visitor.goto(`/buurt/${GLIPPER_DREEF}?zoek=${token}#verhalen`);
  const story = visitor.getByRole("article").filter({ hasText: finalText });
  await expect(story).toContainText("Verteld door Fatima");
  await expect(story.locator("b, img")).toHaveCount(0);
  await expect(visitor.locator('[data-testid="area-map"][data-state="ready"]')).toBeVisible();
  const pin = visitor.getByRole("button", { name: title });
  await expect(pin).toHaveCount(1);
  await pin.click();
  const popup = visitor.locator(".maplibregl-popup");
  await expect(popup).toContainText(title);
  await expect(popup.locator("img")).toHaveCount(0);
  await popup.getByRole("link", { name: "Lees het verhaal" }).click();
  await expect(visitor).toHaveURL(/#verhaal-/);
  await expectAccessible(visitor);
  expect(dialogs).toEqual([]);
});
