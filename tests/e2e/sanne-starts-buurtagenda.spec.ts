import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateTOTP } from "@oslojs/otp";
import { expect, test } from "@playwright/test";
import { expectAccessible, uniqueEmail, waitForMail, signInAsDemo } from "./support";

// DOMAIN.md §7, Sanne (gemeente): starts the composite buurtagenda, records urgency, support and
// the € 50,000 budget, adds three parties, invites a platform member who accepts; the council
// member sees it all, read-only.

test("Sanne starts a buurtagenda, the platform joins, the council reads along", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const title = `Samen verder in Glipper Dreef en De Glip ${Date.now()}`;

  await signInAsDemo(page, "gemeente@demo.buurtagenda.nl");
  // First the figures: the ranglijst of Heemstede's buurten (internal).
  await page.goto("/gemeente/GM0397");
  await page.getByRole("link", { name: /Cijfers en ranglijst/ }).click();
  await page
    .getByLabel("Cijfer", { exact: true })
    .selectOption({ label: "(Zeer) ernstig eenzaam (65+) (2020)" });
  await page.getByRole("button", { name: "Tonen" }).click();
  await expect(page.locator("table.data-table tbody tr")).toHaveCount(14);
  await expect(page.locator('[data-testid="area-map"][data-state="ready"]')).toBeVisible();
  await expect(page.getByRole("list", { name: "Legenda" }).getByRole("listitem")).not.toHaveCount(
    0,
  );
  await expect(page.getByText("Deze gegevens hebben geen landelijk cijfer.")).toBeVisible();
  const careHome = `Veel ouderen door een groot verpleeghuis (${Date.now()}).`;
  await page.getByLabel("Buurt", { exact: true }).selectOption({ label: "Provincienbuurt" });
  await page.getByRole("textbox", { name: "Toelichting" }).fill(careHome);
  await page.getByRole("button", { name: "Toelichting opslaan" }).click();
  await expect(page.getByRole("row", { name: /Provincienbuurt/ })).toContainText(careHome);
  await expectAccessible(page);
  await page.goto("/gemeente/GM0397");
  await page.getByRole("link", { name: "Nieuwe buurtagenda starten" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Een buurtagenda starten" }),
  ).toBeVisible();
  await expectAccessible(page);

  // A first try without buurten and with the end before the start keeps what was typed.
  await page.getByLabel("Titel").fill(title);
  await page
    .getByLabel("Korte uitleg voor bewoners")
    .fill("Bewoners, gemeente en organisaties maken samen afspraken voor de buurt.");
  await page.getByLabel("Begindatum").fill("2026-09-01");
  await page.getByLabel("Einddatum").fill("2026-01-01");
  await page.getByRole("button", { name: "Buurtagenda starten" }).click();
  await expect(page.getByText("Kies minstens één buurt.")).toBeVisible();
  await expect(page.getByText("De einddatum ligt voor de begindatum.")).toBeVisible();
  await expect(page.getByLabel("Titel")).toHaveValue(title);
  await expectAccessible(page);

  await page.getByLabel("Einddatum").fill("2027-12-31");
  await page.getByLabel("Glipper Dreef en Staatsliedenbuurt").check();
  await page.getByLabel("De Glip").check();
  await page.getByRole("button", { name: "Buurtagenda starten" }).click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(
    page
      .getByText("Glipper Dreef en Staatsliedenbuurt, De Glip")
      .or(page.getByText("De Glip, Glipper Dreef en Staatsliedenbuurt")),
  ).toBeVisible();
  await expect(page.locator(".block-card")).toHaveCount(7);
  await expect(page.locator(".block-card").nth(1)).toContainText("een buurtscan");
  await expect(page.locator(".block-card").nth(4)).toContainText("minstens één opgave met bewijs");
  await expect(page.locator(".block-card").nth(6)).toContainText("de tekst van de buurtagenda");
  await expectAccessible(page);
  const workspaceUrl = page.url();

  // Block 1: urgency, a trigger, support of the four groups, and the preconditions.
  await page.getByRole("link", { name: "1. Zoek de urgentie" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Bouwsteen 1: zoek de urgentie" }),
  ).toBeVisible();
  await expectAccessible(page);
  await page
    .getByLabel("Waarom deze buurt, en waarom nu?")
    .fill("Veel ouderen voelen zich alleen en het pad naar de bushalte is donker.");
  await page.getByRole("button", { name: "Opslaan" }).first().click();
  await expect(page.getByRole("status").first()).toHaveText("Opgeslagen.");

  await page.getByLabel("Soort aanleiding").selectOption({ label: "Aangewezen als focusgebied" });
  await page
    .getByLabel("Wat is er aan de hand?")
    .fill("De gemeenteraad wees dit gebied aan als focusgebied.");
  await page.getByRole("button", { name: "Aanleiding toevoegen" }).click();
  await expect(
    page.getByText("De gemeenteraad wees dit gebied aan als focusgebied."),
  ).toBeVisible();

  for (const [group, level] of [
    ["Ambtenaren van de gemeente", "Sterk"],
    ["Gemeentebestuur en raad", "Voldoende"],
    ["Organisaties", "Voldoende"],
    ["Bewoners", "Twijfelachtig"],
  ] as const) {
    const section = page.locator(".support-group", {
      has: page.getByRole("heading", { name: group }),
    });
    await section.getByLabel("Steun").selectOption({ label: level });
    await section.getByRole("button", { name: "Opslaan" }).click();
    await expect(section.getByRole("status")).toHaveText("Opgeslagen.");
  }

  const preconditions = page.locator("form", { has: page.getByLabel("Budget in euro") });
  await preconditions.getByLabel("Budget in euro").fill("-5");
  await preconditions.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByText("Het budget kan niet negatief zijn.")).toBeVisible();
  await preconditions.getByLabel("Budget in euro").fill("€ 50.000");
  await preconditions
    .getByLabel("Waar komt het geld vandaan?")
    .fill("Incidenteel budget sociaal domein");
  await preconditions
    .getByLabel("Waar kan niet over meegepraat worden?")
    .fill("De provinciale weg");
  await preconditions.getByLabel("Uren van de gemeente per maand").fill("16");
  await preconditions.getByRole("button", { name: "Opslaan" }).click();
  await expect(preconditions.getByRole("status")).toHaveText("Opgeslagen.");
  await page.reload();
  await expect(page.getByLabel("Budget in euro")).toHaveValue("50.000");
  await expectAccessible(page);

  await page.goto(workspaceUrl);
  const block1 = page.locator(".block-card").first();
  await expect(block1).toContainText("Alles is ingevuld.");
  await block1.getByLabel("Status").selectOption({ label: "Klaar" });
  await block1.getByRole("button", { name: "Status opslaan" }).click();
  await expect(page.locator(".block-card").first()).toContainText("Klaar gemeld door Sanne (demo)");

  // What already happens: an initiative, placed by clicking the map.
  await page.getByRole("link", { name: "Bestaande initiatieven" }).click();
  await expect(page.locator('[data-testid="area-map"][data-state="ready"]')).toBeVisible();
  await page.getByLabel("Wat is het?").fill("Koffieochtend in het buurthuis");
  await page.getByLabel("Wie organiseert het?").fill("Bewoners van de Glipper Dreef");
  const map = page.locator('[data-testid="area-map"]');
  const box = (await map.boundingBox())!;
  await map.click({ position: { x: box.width / 2, y: box.height / 2 } });
  await expect(page.getByLabel("Lengtegraad")).not.toHaveValue("");
  await page.getByRole("button", { name: "Initiatief toevoegen" }).click();
  await expect(page.getByRole("heading", { name: "Koffieochtend in het buurthuis" })).toBeVisible();
  await expectAccessible(page);
  await page.goto(workspaceUrl);

  // Block 3: three organisations in the register, three parties with roles.
  await page.getByRole("link", { name: "3. Breng partijen samen" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Bouwsteen 3: breng partijen samen" }),
  ).toBeVisible();
  const suffix = Date.now().toString(36);
  const parties = [
    { name: `Elan Wonen ${suffix}`, kind: "Woningcorporatie", role: "Beslist mee" },
    { name: `WIJ Heemstede ${suffix}`, kind: "Welzijn", role: "Denkt en doet mee" },
    { name: `Wijkplatform Zuid ${suffix}`, kind: "Buurtplatform", role: "Adviseert" },
  ];
  for (const party of parties) {
    const register = page.locator("form", {
      has: page.getByRole("button", { name: "In het register zetten" }),
    });
    await register.getByLabel("Naam", { exact: true }).fill(party.name);
    await register.getByLabel("Soort organisatie").selectOption({ label: party.kind });
    await register.getByRole("button", { name: "In het register zetten" }).click();
    await expect(register.getByRole("status")).toHaveText("Opgeslagen.");
    const add = page.locator("form", {
      has: page.getByRole("button", { name: "Partij toevoegen" }),
    });
    await add.getByLabel("Organisatie").selectOption({ label: party.name });
    await add.getByLabel("Rol").selectOption({ label: party.role });
    await add.getByRole("button", { name: "Partij toevoegen" }).click();
    await expect(page.getByRole("row", { name: new RegExp(party.name) })).toContainText(party.role);
  }
  await expectAccessible(page);

  // Invite a platform member, who accepts after creating an account.
  const platformEmail = uniqueEmail("kees");
  const invite = page.locator("form", {
    has: page.getByRole("button", { name: "Uitnodiging sturen" }),
  });
  await invite.getByLabel("E-mailadres").fill(platformEmail);
  await invite.getByLabel("Rol in deze buurtagenda").selectOption({ label: "Buurtplatform" });
  await invite
    .getByLabel("Namens welke partij? (mag leeg blijven)")
    .selectOption({ label: parties[2]!.name });
  await invite.getByRole("button", { name: "Uitnodiging sturen" }).click();
  await expect(invite.getByRole("status")).toHaveText("De uitnodiging is verstuurd.");
  const mail = await waitForMail(platformEmail, /uitnodiging\//);
  const link = /https?:\/\/\S+\/uitnodiging\/\S+/.exec(mail.text)![0]!;

  const kees = await (await browser.newContext()).newPage();
  await kees.goto(new URL(link).pathname);
  await expect(kees.getByText(`als Buurtplatform`)).toBeVisible();
  await expectAccessible(kees);
  await kees.locator("main").getByRole("link", { name: "Account maken" }).click();
  await kees.getByLabel("E-mailadres").fill(platformEmail);
  await kees.getByLabel("Wachtwoord").fill("kees zijn lange wachtzin");
  await kees.getByRole("button", { name: "Account maken" }).click();
  const code = /Uw code is: (\d{6})/.exec(
    (await waitForMail(platformEmail, /Uw code is/)).text,
  )![1]!;
  await kees.getByLabel("Code van 6 cijfers").fill(code);
  await kees.getByRole("button", { name: "Bevestigen" }).click();
  await kees.getByRole("button", { name: "Uitnodiging aannemen" }).click();
  // The platform's role is a staff role: it counts once Kees has set up an authenticator app.
  await expect(kees.getByRole("heading", { level: 1, name: "Tweestapsverificatie" })).toBeVisible();
  await expectAccessible(kees);
  const key = (await kees.locator(".totp-key").innerText()).replace(/\s/g, "");
  await kees.getByLabel("Code van 6 cijfers uit uw app").fill("12345");
  await kees.getByRole("button", { name: "Tweestapsverificatie aanzetten" }).click();
  await expect(kees.getByText("De code bestaat uit 6 cijfers.")).toBeVisible();
  await kees
    .getByLabel("Code van 6 cijfers uit uw app")
    .fill(generateTOTP(decodeBase32IgnorePadding(key), 30, 6));
  await kees.getByRole("button", { name: "Tweestapsverificatie aanzetten" }).click();
  await expect(kees.getByRole("heading", { name: "Uw herstelcodes" })).toBeVisible();
  await expect(kees.locator(".recovery-codes li")).toHaveCount(10);
  await expectAccessible(kees);
  await kees.getByRole("link", { name: "Verder" }).click();
  await expect(kees.getByRole("heading", { level: 1, name: title })).toBeVisible();
  // The platform edits blocks but not the budget.
  await kees.getByRole("link", { name: "1. Zoek de urgentie" }).click();
  await expect(kees.getByLabel("Waarom deze buurt, en waarom nu?")).toBeVisible();
  await expect(kees.getByLabel("Budget in euro")).toHaveCount(0);
  await expect(kees.getByText("€ 50.000")).toBeVisible();
  // The link works once.
  await kees.goto(new URL(link).pathname);
  await expect(kees.getByText("Deze uitnodiging werkt niet meer.")).toBeVisible();
  await kees.context().close();

  await page.goto(page.url());
  await expect(page.getByRole("row", { name: new RegExp(parties[2]!.name) })).toContainText(
    "Aangenomen",
  );

  // The council member reads everything, changes nothing.
  const henk = await (await browser.newContext()).newPage();
  await signInAsDemo(henk, "adviesraad@demo.buurtagenda.nl");
  await henk.goto(workspaceUrl);
  await expect(henk.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(henk.getByText("U kunt dit lezen, maar niet aanpassen.")).toBeVisible();
  await expect(henk.getByRole("button", { name: "Status opslaan" })).toHaveCount(0);
  await expect(henk.getByText("Sanne (demo) startte de buurtagenda")).toBeVisible();
  await expectAccessible(henk);
  await henk.getByRole("link", { name: "1. Zoek de urgentie" }).click();
  await expect(henk.getByText("€ 50.000")).toBeVisible();
  await expect(henk.getByText("De provinciale weg")).toBeVisible();
  await expect(henk.getByRole("button", { name: "Opslaan" })).toHaveCount(0);
  await expectAccessible(henk);
  const refused = await henk.request.post(henk.url(), {
    headers: { Origin: new URL(henk.url()).origin },
    form: { intent: "preconditions", budget: "1" },
  });
  expect(refused.status()).toBe(403);
  await henk.getByRole("link", { name: "Terug naar het overzicht" }).click();
  await henk.getByRole("link", { name: "3. Breng partijen samen" }).click();
  for (const party of parties) await expect(henk.getByText(party.name)).toBeVisible();
  await expect(henk.getByRole("button", { name: "Partij toevoegen" })).toHaveCount(0);
  await henk.context().close();

  // Residents see the public description only.
  const resident = await (await browser.newContext()).newPage();
  await resident.goto(workspaceUrl.replace(/\/werkruimte$/, ""));
  await expect(resident.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(
    resident.getByText("Bewoners, gemeente en organisaties maken samen afspraken voor de buurt."),
  ).toBeVisible();
  await expect(resident.getByText("€ 50.000")).toHaveCount(0);
  await expect(resident.getByRole("link", { name: "Naar de werkruimte" })).toHaveCount(0);
  await expectAccessible(resident);
  await resident.goto(workspaceUrl);
  await expect(resident.getByRole("heading", { level: 1, name: "Inloggen" })).toBeVisible();
  await resident.context().close();
});
