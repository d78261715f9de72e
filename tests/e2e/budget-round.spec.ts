import { expect, test, type Browser, type Page } from "@playwright/test";
import {
  expectAccessible,
  setAgendaBudget,
  signInAsDemo,
  signInWithEmailedCode,
  startAgendaForTheGlip,
  uniqueEmail,
} from "./support";

// Issue 9, "done when": Sanne opens a round with four ideas and € 50,000; three residents of the
// area vote; the round closes; result and turnout show; the winners are draft agreements; a
// recount matches; and the library of good practices finds the example of another gemeente.

/** A calendar day in the Netherlands, `days` from today, as the date input wants it. */
function dutchDay(days: number): string {
  const date = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(date);
}

/** A new resident signs in with an emailed code from the round page and says where they live. */
async function residentOfTheArea(browser: Browser, roundUrl: string, buurt: string) {
  const page = await (await browser.newContext()).newPage();
  const main = page.getByRole("main");
  const email = uniqueEmail("stemmer");
  await page.goto(roundUrl);
  await main.getByRole("link", { name: "Log in om te stemmen" }).click();
  await signInWithEmailedCode(page, email);
  await expect(main.getByRole("heading", { name: "In welke buurt woont u?" })).toBeVisible();
  await main.getByLabel("Mijn buurt").selectOption({ label: buurt });
  await main.getByRole("button", { name: "Opslaan" }).click();
  await expect(main.getByText("Uw buurt is opgeslagen.")).toBeVisible();
  return page;
}

async function vote(page: Page, ideas: string[], expectedTotal: RegExp) {
  const main = page.getByRole("main");
  const ballot = main.getByRole("group", { name: "Uw stem" });
  for (const idea of ideas) await ballot.getByRole("checkbox", { name: idea }).check();
  await expect(main.getByRole("status").filter({ hasText: "Gekozen:" })).toHaveText(expectedTotal);
  await main.getByRole("button", { name: "Stem uitbrengen" }).click();
  await expect(main.getByText(/Uw stem is opgeslagen/)).toBeVisible();
}

test("a round with four ideas and € 50,000: residents vote, it is counted, recounted and learnt from", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const stamp = Date.now();
  const title = `Wijkbegroting Glip ${stamp}`;
  const sanne = await (await browser.newContext()).newPage();
  const main = sanne.getByRole("main");
  await signInAsDemo(sanne, "gemeente@demo.buurtagenda.nl");
  const agendaUrl = await startAgendaForTheGlip(sanne, title);

  // Block 1: € 50,000; a party to carry out what residents choose.
  await setAgendaBudget(sanne, agendaUrl, "50.000", "Wijkbudget 2027");
  await sanne.goto(`${agendaUrl}/partijen`);
  const addParty = sanne.locator("form", {
    has: sanne.getByRole("button", { name: "Partij toevoegen" }),
  });
  await addParty.getByLabel("Organisatie").selectOption({ label: "WIJ Heemstede" });
  await addParty.getByLabel("Rol").selectOption({ label: "Denkt en doet mee" });
  await addParty.getByRole("button", { name: "Partij toevoegen" }).click();
  await expect(sanne.getByRole("row", { name: /WIJ Heemstede/ })).toBeVisible();

  // A finding, and four ideas about it, each judged "fits" with its cost.
  await sanne.goto(`${agendaUrl}/opgaven`);
  const finding = `Weinig plekken om elkaar te zien (${stamp})`;
  await main.getByLabel("Titel").fill(finding);
  await main
    .getByLabel("Beschrijving in gewone woorden")
    .fill("Bewoners zien elkaar weinig. Er zijn bijna geen plekken om samen te zijn.");
  await main.getByRole("checkbox", { name: /^Laat bewoners deze opgave zien/ }).check();
  await main
    .getByRole("group", { name: "Verhalen als bewijs" })
    .getByRole("checkbox", { name: /^Koffieochtend gestopt \(/ })
    .check();
  await main.getByRole("button", { name: "Opgave opslaan" }).click();
  await expect(main.getByText("De opgave is opgeslagen.")).toBeVisible();

  const ideas = [
    { title: `Bankjes bij de flat (${stamp})`, cost: "20.000" },
    { title: `Buurtmoestuin (${stamp})`, cost: "15.000" },
    { title: `Speelplek opknappen (${stamp})`, cost: "25.000" },
    { title: `Buurtkamer in de kerk (${stamp})`, cost: "10.000" },
  ];
  const [benches, garden, playground, room] = ideas.map((i) => i.title) as [
    string,
    string,
    string,
    string,
  ];
  for (const idea of ideas) {
    await sanne.goto(`${agendaUrl}/ideeen`);
    await main.getByLabel("Titel van uw idee").fill(idea.title);
    await main.getByLabel("Wat is uw idee?").fill(`${idea.title}: dan zien buren elkaar vaker.`);
    await main.getByRole("checkbox", { name: finding }).check();
    await main.getByRole("button", { name: "Idee versturen" }).click();
    await expect(main.getByText("Het idee staat op de website.")).toBeVisible();
    const judge = main.locator("form", {
      has: sanne.getByRole("button", { name: "Oordeel opslaan" }),
    });
    await judge.getByRole("radio", { name: "Past binnen de mogelijkheden" }).check();
    await judge.getByLabel("Uitleg in gewone woorden").fill("Dit kan van het wijkbudget.");
    await judge.getByLabel("Geschatte kosten in euro").fill(idea.cost);
    await judge.getByLabel("Waar komt het geld vandaan?").fill("Wijkbudget 2027");
    await judge.getByRole("button", { name: "Oordeel opslaan" }).click();
    await expect(main.getByText(/Het oordeel is opgeslagen/)).toBeVisible();
  }

  // Sanne opens the round from the workspace; a wrong amount is refused and what she typed stays.
  await sanne.goto(`${agendaUrl}/werkruimte`);
  await main.getByRole("link", { name: /^Wijkbegroting: bewoners stemmen/ }).click();
  await expect(main.getByText(/Budget van bouwsteen 1: €\s50\.000/)).toBeVisible();
  await expectAccessible(sanne);
  const roundTitle = `Stemming De Glip ${stamp}`;
  await main.getByLabel("Naam van de stemming").fill(roundTitle);
  await main.getByLabel("Bedrag in euro").fill("60.000");
  await main.getByRole("radio", { name: /^Kies ideeën tot het bedrag op is/ }).check();
  await main.getByLabel("Eerste dag van de stemming").fill(dutchDay(0));
  await main.getByLabel("Laatste dag van de stemming").fill(dutchDay(14));
  const onBallot = main.getByRole("group", { name: "Ideeën op het stembiljet" });
  for (const idea of ideas) {
    await onBallot.getByRole("checkbox", { name: `${idea.title} (€ ${idea.cost})` }).check();
  }
  await main.getByRole("button", { name: "Stemming openen" }).click();
  await expect(
    main.getByText("Het bedrag is hoger dan wat er nog vrij is van het budget van bouwsteen 1."),
  ).toBeVisible();
  await expect(main.getByLabel("Naam van de stemming")).toHaveValue(roundTitle);
  await main.getByLabel("Bedrag in euro").fill("50.000");
  await main.getByRole("button", { name: "Stemming openen" }).click();
  await expect(main.getByText("De stemming is geopend.")).toBeVisible();
  await expect(main.getByRole("heading", { level: 1, name: roundTitle })).toBeVisible();
  const roundUrl = sanne.url().replace(/[?#].*$/, "");

  // Residents find the round on the public agenda page.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(agendaUrl);
  const publicSection = visitor
    .getByRole("main")
    .locator("section", { has: visitor.getByRole("heading", { name: /^Wijkbegroting/ }) });
  await expect(publicSection.getByRole("link", { name: roundTitle })).toBeVisible();

  // Three residents vote. The ballot keeps the running total and will not go over € 50,000.
  const first = await residentOfTheArea(browser, roundUrl, "De Glip");
  await expectAccessible(first);
  const firstBallot = first.getByRole("main").getByRole("group", { name: "Uw stem" });
  await firstBallot.getByRole("checkbox", { name: benches }).check();
  await firstBallot.getByRole("checkbox", { name: playground }).check();
  await expect(firstBallot.getByRole("checkbox", { name: room })).toBeDisabled();
  await expect(firstBallot.getByText("Past niet meer: u heeft nog € 5.000 over.")).toHaveCount(2);
  await vote(first, [], /Gekozen: €\s45\.000 van €\s50\.000\. Nog over: €\s5\.000\./);
  const second = await residentOfTheArea(browser, roundUrl, "Glipper Dreef en Staatsliedenbuurt");
  await vote(second, [benches, garden, room], /Gekozen: €\s45\.000 van €\s50\.000/);
  const third = await residentOfTheArea(browser, roundUrl, "De Glip");
  await vote(third, [room], /Gekozen: €\s10\.000 van €\s50\.000/);
  // The third changes their mind before the round closes; only the new ballot counts.
  await third.getByRole("main").getByRole("checkbox", { name: playground }).check();
  await third.getByRole("main").getByRole("button", { name: "Stem veranderen" }).click();
  await expect(
    third.getByRole("main").getByText("Uw stem is veranderd. Alleen uw nieuwe stem telt."),
  ).toBeVisible();

  // Sanne closes and counts. Votes: benches 2, playground 2, room 2, garden 1.
  await sanne.goto(roundUrl);
  await expect(main.getByRole("row", { name: /^De Glip/ })).toContainText("2");
  await main
    .getByLabel("Wie voert de gekozen ideeën uit?")
    .selectOption({ label: "WIJ Heemstede" });
  await main.getByRole("button", { name: "Sluiten en tellen" }).click();
  await expect(main.getByText(/De stemming is geteld\. Gekozen ideeën: 3\./)).toBeVisible();

  // Everyone sees the result, the rule with the tie explained, and the turnout per buurt.
  await visitor.goto(roundUrl);
  const vmain = visitor.getByRole("main");
  const result = vmain.locator("section", {
    has: visitor.getByRole("heading", { name: "Uitslag" }),
  });
  const row = (idea: string) =>
    result
      .getByRole("row")
      .filter({ has: visitor.getByRole("rowheader", { name: idea, exact: true }) });
  await expect(row(room)).toContainText("Gekozen");
  await expect(row(benches)).toContainText("Gekozen");
  await expect(row(playground)).toContainText("Niet gekozen: past niet meer in het bedrag");
  await expect(row(playground)).toContainText("Evenveel stemmen als");
  await expect(row(garden)).toContainText("Gekozen");
  await expect(result.getByText("Gekozen: € 45.000 van € 50.000.")).toBeVisible();
  await expect(vmain.getByText(/De ideeën staan in volgorde van het aantal stemmen/)).toBeVisible();
  const turnout = vmain.locator("section", {
    has: visitor.getByRole("heading", { name: "Opkomst per buurt" }),
  });
  await expect(
    turnout
      .getByRole("row", { name: /^De Glip/ })
      .getByRole("cell")
      .first(),
  ).toHaveText("2");
  await expect(
    turnout
      .getByRole("row", { name: /^Glipper Dreef/ })
      .getByRole("cell")
      .first(),
  ).toHaveText("1");
  await expect(vmain.getByText("De gemeente volgt de uitslag.")).toBeVisible();
  await expect(vmain.getByRole("button", { name: "Opnieuw tellen" })).toHaveCount(0);
  await expectAccessible(visitor);

  // The winners are draft agreements of the buurtagenda, owned by WIJ Heemstede.
  await sanne.goto(`${agendaUrl}/afspraken`);
  for (const idea of [room, benches, garden]) {
    const item = main
      .getByRole("listitem")
      .filter({ has: sanne.getByRole("link", { name: idea }) });
    await expect(item).toContainText("Gepland");
    await expect(item).toContainText("WIJ Heemstede");
  }
  await expect(main.getByRole("link", { name: playground })).toHaveCount(0);

  // The Wmo council checks the count: the stored ballots give the published result.
  const henk = await (await browser.newContext()).newPage();
  await signInAsDemo(henk, "adviesraad@demo.buurtagenda.nl");
  await henk.goto(roundUrl);
  await henk.getByRole("main").getByRole("button", { name: "Opnieuw tellen" }).click();
  await expect(
    henk.getByRole("main").getByText("De hertelling geeft dezelfde uitslag."),
  ).toBeVisible();

  // Sanne marks this agenda as an example; unpublished, it stays out of the library.
  await sanne.goto(`${agendaUrl}/goede-voorbeelden`);
  const practice = `Bewoners kiezen met de wijkbegroting (${stamp})`;
  await main
    .getByLabel("Waarover gaat het voorbeeld?")
    .selectOption({ label: "De hele buurtagenda" });
  await main.getByLabel("Titel van het voorbeeld").fill(practice);
  await main.getByLabel("Wat werkte goed?").fill("Veel bewoners stemden mee met hun telefoon.");
  await main
    .getByLabel("Wat werkte niet, of wat zou u anders doen?")
    .fill("Ouderen zonder computer konden moeilijk stemmen.");
  await main.getByRole("checkbox", { name: "Eenzaamheid" }).check();
  await main.getByRole("button", { name: "Opslaan als goed voorbeeld" }).click();
  await expect(main.getByText("Het goede voorbeeld is opgeslagen.")).toBeVisible();
  await expect(main.getByText(/^Nog niet in de bibliotheek/)).toBeVisible();
  await expectAccessible(sanne);

  // A wijkplatform elsewhere searches the library: Sanne's unpublished agenda is not shared, and
  // what Heemstede did about loneliness is found.
  await visitor.goto("/");
  await visitor.getByRole("contentinfo").getByRole("link", { name: "Goede voorbeelden" }).click();
  await vmain.getByLabel("Zoeken").fill("wijkbegroting");
  await vmain.getByRole("button", { name: "Zoeken" }).click();
  await expect(vmain.getByRole("status")).toHaveText(/^Geen voorbeelden gevonden/);
  await vmain.getByLabel("Zoeken").fill("verhalen ouderen");
  await vmain.getByLabel("Onderwerp").selectOption({ label: "Eenzaamheid" });
  await vmain.getByRole("button", { name: "Zoeken" }).click();
  await expect(vmain.getByRole("status")).toHaveText("1 voorbeeld gevonden.");
  const example = vmain.getByRole("article", {
    name: "Verhalen ophalen met een wijkwandeling tegen eenzaamheid (demo)",
  });
  await expect(example).toContainText("Heemstede · Samen in de Glip (demo)");
  await expect(example).toContainText("Wat werkte goed?");
  await expectAccessible(visitor);
  await example.getByRole("link", { name: "Lees de buurtagenda" }).click();
  await expect(
    vmain.getByRole("heading", { level: 1, name: "Samen in de Glip (demo)" }),
  ).toBeVisible();
});
