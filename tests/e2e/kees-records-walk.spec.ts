import { expect, test } from "@playwright/test";
import { expectAccessible, signInAsDemo } from "./support";

// Issue 5, DOMAIN.md §7: Kees (wijkplatform) enters four stories collected on last week's walk,
// quickly and on a weak connection: one entry made while offline is kept in the browser and sent
// once when the connection returns.

test("Kees records four stories from a walk, one of them while offline", async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const title = `Glip samen ${stamp}`;

  // Sanne starts the buurtagenda for Kees's wijk.
  const sanne = await (await browser.newContext()).newPage();
  await signInAsDemo(sanne, "gemeente@demo.buurtagenda.nl");
  await sanne.goto("/gemeente/GM0397/buurtagenda-starten");
  await sanne.getByLabel("Titel").fill(title);
  await sanne.getByLabel("Korte uitleg voor bewoners").fill("Samen aan de slag in twee buurten.");
  await sanne.getByLabel("Begindatum").fill("2027-01-01");
  await sanne.getByLabel("Einddatum").fill("2027-12-31");
  await sanne.getByLabel("Glipper Dreef en Staatsliedenbuurt").check();
  await sanne.getByLabel("De Glip").check();
  await sanne.getByRole("button", { name: "Buurtagenda starten" }).click();
  await expect(sanne.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const workspace = sanne.url();

  const context = await browser.newContext();
  const kees = await context.newPage();
  await signInAsDemo(kees, "buurtplatform@demo.buurtagenda.nl");
  await kees.goto(workspace);
  await kees.getByRole("link", { name: "4. Haal verhalen op" }).click();
  const main = kees.getByRole("main");
  await expect(main.getByRole("heading", { level: 1, name: /^Verhalen vastleggen/ })).toBeVisible();
  await expectAccessible(kees);

  await main.getByText("Nieuwe wandeling of bijeenkomst").click();
  await main.getByLabel("Soort").selectOption({ label: "Wijkwandeling" });
  await main.getByLabel("Naam", { exact: true }).fill(`Wijkwandeling ${stamp}`);
  await main.getByLabel("Datum").fill("2026-11-15");
  await main.getByRole("button", { name: "Opslaan", exact: true }).click();
  await expect(
    main.getByRole("heading", { name: `Verhalen van Wijkwandeling ${stamp}` }),
  ).toBeVisible();

  const stories = [
    ["Glipper Dreef en Staatsliedenbuurt", "Bij de flat is geen bankje om even te zitten."],
    ["De Glip", "De stoep bij de school is kapot."],
    ["De Glip", "Hier rijden auto's veel te hard."],
    ["Glipper Dreef en Staatsliedenbuurt", "Het pad naar de bushalte is donker."],
  ] as const;
  for (const [index, [buurt, text]] of stories.entries()) {
    // The third one is entered where the signal drops.
    if (index === 2) await context.setOffline(true);
    await main.getByLabel("Buurt", { exact: true }).selectOption({ label: buurt });
    await main.getByLabel("Uw verhaal").fill(`${text} (${stamp})`);
    await main.getByRole("checkbox", { name: /mag op de website komen/ }).check();
    await main.getByRole("button", { name: "Verhaal opslaan en volgende" }).click();
    if (index === 2) {
      await expect(
        main.getByText(/Geen verbinding: het verhaal is op dit apparaat bewaard/),
      ).toBeVisible();
      await expect(main.getByText("1 verhalen wachten op verbinding.")).toBeVisible();
      await context.setOffline(false);
      await kees.evaluate(() => window.dispatchEvent(new Event("online")));
      await expect(main.getByText("De bewaarde verhalen zijn verstuurd.")).toBeVisible();
    } else {
      await expect(
        main.getByText("Opgeslagen. U kunt het volgende verhaal invullen."),
      ).toBeVisible();
    }
    // The form stays, ready for the next story.
    await expect(main.getByLabel("Uw verhaal")).toHaveValue("");
  }
  await expectAccessible(kees);
  await kees.reload();
  await expect(
    main.getByRole("link", { name: new RegExp(`Wijkwandeling ${stamp}.*4 verhalen`) }),
  ).toBeVisible();

  // All four wait in Kees's moderation queue, each exactly once.
  await kees.getByRole("link", { name: "Verhalen controleren" }).click();
  for (const [, text] of stories) {
    await expect(
      kees.getByRole("main").locator("p.story-text", { hasText: `${text} (${stamp})` }),
    ).toHaveCount(1);
  }
});
