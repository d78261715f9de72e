import { expect, test } from "@playwright/test";
import { expectAccessible, signInAsDemo } from "./support";

// Issue 5, DOMAIN.md §7: Kees (wijkplatform) enters four stories collected on last week's walk,
// quickly and on a weak connection: one entry made while offline is kept in the browser and sent
// once when the connection returns. He anonymises the one that names a neighbour, approves them,
// and residents find them on the buurtagenda's public page, per buurt.

test("Kees records four stories from a walk, anonymises one, and they show on the agenda page", async ({
  browser,
}) => {
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
  const publicPage = workspace.replace(/\/werkruimte$/, "");

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
    [
      "Glipper Dreef en Staatsliedenbuurt",
      "Mijn buurman Jan de Vries zegt dat er bij de flat geen bankje is.",
    ],
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
  // What was collected at the walk is listed, so a teller's change of mind can be acted on.
  const collected = main.getByRole("region", { name: `Vastgelegd tijdens Wijkwandeling ${stamp}` });
  await expect(collected.locator("p.story-text", { hasText: `(${stamp})` })).toHaveCount(4);
  await expect(
    collected.getByRole("button", { name: "Intrekken namens de verteller" }),
  ).toHaveCount(4);

  // All four wait in Kees's moderation queue, each exactly once.
  await kees.getByRole("link", { name: "Verhalen controleren" }).click();
  await expect(main.getByRole("heading", { level: 1, name: "Verhalen controleren" })).toBeVisible();
  for (const [, text] of stories) {
    await expect(
      kees.getByRole("main").locator("p.story-text", { hasText: `${text} (${stamp})` }),
    ).toHaveCount(1);
  }

  // Only De Glip, through the queue's buurt filter.
  await main.getByLabel("Buurt", { exact: true }).selectOption("BU03970100");
  await main.getByRole("button", { name: "Filteren" }).click();
  await expect(kees).toHaveURL(/buurt=BU03970100/);
  await expect(main.locator("p.story-text", { hasText: `(${stamp})` })).toHaveCount(2);
  await expectAccessible(kees);

  // He anonymises the story that names a neighbour: the detected name, replaced in one click.
  await kees.goto("/moderatie?buurt=BU03970101");
  // An article is found by its own story text (the duplicate choices list other stories' texts).
  const storyArticle = (text: string) =>
    main.getByRole("article").filter({ has: kees.locator("p.story-text", { hasText: text }) });
  const named = storyArticle(`Jan de Vries zegt dat er bij de flat geen bankje is. (${stamp})`);
  await expect(named).toContainText("Mogelijk persoonlijke gegevens: “Jan de Vries”");
  await named.getByRole("button", { name: /^Vervang deze gegevens/ }).click();
  await expect(main.getByText("De tekst is aangepast.")).toBeVisible();
  await expect(storyArticle(`[naam] zegt dat er bij de flat geen bankje is.`)).toHaveCount(1);
  await expect(
    storyArticle(`Jan de Vries zegt dat er bij de flat geen bankje is. (${stamp})`),
  ).toHaveCount(0);

  // He approves all four.
  await kees.goto("/moderatie");
  for (const [, text] of stories) {
    const shown = text.replace("Jan de Vries", "[naam]");
    await storyArticle(`${shown} (${stamp})`).getByRole("button", { name: "Plaatsen" }).click();
    await expect(storyArticle(`${shown} (${stamp})`)).toHaveCount(0);
    await expect(main.getByText("Het verhaal staat op de website.")).toBeVisible();
  }

  // A resident reads them on the buurtagenda's public page, told during the walk, per buurt.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(publicPage);
  const section = visitor.getByRole("region", { name: "Verhalen uit de buurt" });
  const ours = section.getByRole("article").filter({ hasText: `(${stamp})` });
  await expect(ours).toHaveCount(4);
  await expect(ours.first()).toContainText(`verteld tijdens Wijkwandeling ${stamp}`);
  await expect(section.getByText("Jan de Vries")).toHaveCount(0);
  await expect(visitor.locator('[data-testid="area-map"][data-state="ready"]')).toBeVisible();
  await expectAccessible(visitor);
  await section.getByLabel("Buurt", { exact: true }).selectOption({ label: "De Glip" });
  await section.getByRole("button", { name: "Zoeken" }).click();
  await expect(visitor).toHaveURL(/buurt=BU03970100/);
  await expect(section.getByRole("article").filter({ hasText: `(${stamp})` })).toHaveCount(2);
});
