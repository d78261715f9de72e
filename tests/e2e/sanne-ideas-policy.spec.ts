import { expect, test } from "@playwright/test";
import {
  expectAccessible,
  setAgendaBudget,
  signInAsDemo,
  signInWithEmailedCode,
  startAgendaForTheGlip,
  uniqueEmail,
  waitForMail,
} from "./support";

// Issue 6, "done when": on the demo data Sanne's theme matrix of the composite area shows a
// confirmed and a felt theme; she writes a finding with three stories and two frozen figures as
// evidence; a resident gives two ideas; Sanne links one to the GALA plan as "fits" with a cost and
// judges the other "does not fit: the road is provincial"; the resident sees both answers, on
// the site and by mail.

test("Sanne links counting and telling, then judges a resident's ideas against policy and budget", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const title = `Glip en Glipper Dreef ${stamp}`;
  const sanne = await (await browser.newContext()).newPage();
  const main = sanne.getByRole("main");
  await signInAsDemo(sanne, "gemeente@demo.buurtagenda.nl");
  const agendaUrl = await startAgendaForTheGlip(sanne, title);

  // Block 1: the € 50,000 budget.
  await setAgendaBudget(sanne, agendaUrl, "€ 50.000", "Incidenteel budget 2027");

  // Block 2: the default buurtscan, frozen.
  await sanne.goto(`${agendaUrl}/buurtscan`);
  await main.getByRole("button", { name: "Buurtscan starten" }).click();
  await expect(main.getByText("De buurtscan is gestart.")).toBeVisible();
  await main.getByRole("button", { name: "Scan afronden en cijfers vastzetten" }).click();
  await expect(main.getByText("De scan is afgerond. De cijfers staan vast.")).toBeVisible();

  // Block 5 on the demo data: money worries confirmed, loneliness felt.
  await sanne.goto(`${agendaUrl}/thema-matrix`);
  await expect(main.getByRole("row", { name: /Rondkomen en schulden/ })).toContainText("Bevestigd");
  await expect(main.getByRole("row", { name: /^\d+ Eenzaamheid/ })).toContainText("Gevoeld");

  // A finding with three stories and two frozen figures as evidence.
  const findingTitle = `Ouderen zijn vaak alleen (${stamp})`;
  await main.getByRole("link", { name: "Opgaven van deze buurtagenda" }).click();
  await main.getByLabel("Titel").fill(findingTitle);
  await main
    .getByLabel("Beschrijving in gewone woorden")
    .fill(
      "Veel ouderen in de twee buurten zien bijna niemand. Plekken om elkaar te zien zijn weg.",
    );
  await main.getByRole("checkbox", { name: "Eenzaamheid" }).check();
  await main.getByRole("checkbox", { name: /^Laat bewoners deze opgave zien/ }).check();
  const stories = main.getByRole("group", { name: "Verhalen als bewijs" });
  for (const story of ["Niemand belt nog", "Koffieochtend gestopt", "Nieuwe buren"]) {
    await stories.getByRole("checkbox", { name: new RegExp(`^${story} \\(`) }).check();
  }
  const figures = main.getByRole("group", {
    name: "Cijfers uit de afgeronde buurtscan als bewijs",
  });
  await figures
    .getByRole("checkbox", { name: /^\(Zeer\) ernstig eenzaam \(65\+\), De Glip/ })
    .check();
  await figures
    .getByRole("checkbox", { name: /^\(Zeer\) ernstig eenzaam \(65\+\), Glipper Dreef/ })
    .check();
  await main.getByRole("button", { name: "Opgave opslaan" }).click();
  await expect(main.getByText("De opgave is opgeslagen.")).toBeVisible();
  const evidence = main.locator("section", { has: sanne.getByRole("heading", { name: "Bewijs" }) });
  await expect(evidence.locator(".story-list > li")).toHaveCount(3);
  await expect(evidence.locator(".utrecht-unordered-list > li")).toHaveCount(2);

  // A resident finds the ideas on the public agenda page, signs in by code and gives two ideas.
  const email = uniqueEmail("bewoner-idee");
  const resident = await (await browser.newContext()).newPage();
  const rmain = resident.getByRole("main");
  await resident.goto(agendaUrl);
  await rmain.getByRole("link", { name: /^Ideeën voor de buurt/ }).click();
  await expect(rmain.getByRole("heading", { level: 1, name: `Ideeën: ${title}` })).toBeVisible();
  await expect(rmain.getByText(findingTitle)).toBeVisible();
  await expectAccessible(resident);
  await rmain.getByRole("link", { name: "Inloggen" }).click();
  await signInWithEmailedCode(resident, email);
  await expect(rmain.getByRole("heading", { level: 1, name: `Ideeën: ${title}` })).toBeVisible();

  const ideaWalk = `Samen wandelen en koffie drinken (${stamp})`;
  const ideaCrossing = `Zebrapad op de provinciale weg (${stamp})`;
  // Without a finding the idea is refused, and what was typed stays.
  await rmain.getByLabel("Titel van uw idee").fill(ideaWalk);
  await rmain
    .getByLabel("Wat is uw idee?")
    .fill("Elke week een wandeling door de buurt, met koffie na afloop. Zo zie je elkaar weer.");
  await rmain.getByRole("button", { name: "Idee versturen" }).click();
  await expect(rmain.getByText("Kies minstens één opgave.")).toBeVisible();
  await expect(rmain.getByLabel("Titel van uw idee")).toHaveValue(ideaWalk);
  await rmain.getByRole("checkbox", { name: findingTitle }).check();
  await rmain.getByRole("button", { name: "Idee versturen" }).click();
  await expect(rmain.getByText(/Uw idee is verstuurd/)).toBeVisible();
  await expect(rmain.getByText(/wacht op controle door het buurtplatform/)).toBeVisible();
  await expectAccessible(resident);
  await rmain.getByRole("link", { name: "Terug naar alle ideeën" }).click();
  await rmain.getByLabel("Titel van uw idee").fill(ideaCrossing);
  await rmain
    .getByLabel("Wat is uw idee?")
    .fill("Een zebrapad bij de bushalte, zodat ouderen veilig naar de koffieochtend kunnen.");
  await rmain.getByRole("checkbox", { name: findingTitle }).check();
  await rmain.getByRole("button", { name: "Idee versturen" }).click();
  await expect(rmain.getByText(/Uw idee is verstuurd/)).toBeVisible();
  // The same idea once more, in other words: Kees merges it later.
  const ideaSame = `Wandelgroep voor ouderen (${stamp})`;
  await rmain.getByRole("link", { name: "Terug naar alle ideeën" }).click();
  await rmain.getByLabel("Titel van uw idee").fill(ideaSame);
  await rmain.getByLabel("Wat is uw idee?").fill("Een wandelgroep die elke week loopt.");
  await rmain.getByRole("checkbox", { name: findingTitle }).check();
  await rmain.getByRole("button", { name: "Idee versturen" }).click();
  await expect(rmain.getByText(/Uw idee is verstuurd/)).toBeVisible();

  // Sanne (the gemeente may also moderate) puts both on the site and judges them.
  await sanne.goto(`${agendaUrl}/ideeen`);
  await expect(main.getByRole("heading", { name: "Budget" })).toBeVisible();
  await expectAccessible(sanne);
  await main.getByRole("link", { name: ideaWalk }).click();
  await main.getByRole("button", { name: "Op de website zetten" }).click();
  await expect(main.getByText("Het idee staat op de website.")).toBeVisible();
  const judge = main.locator("form", {
    has: sanne.getByRole("button", { name: "Oordeel opslaan" }),
  });
  await judge.getByRole("radio", { name: "Past binnen de mogelijkheden" }).check();
  await judge
    .getByLabel("Uitleg in gewone woorden")
    .fill("Dit past in het GALA: samen gezond bewegen.");
  await judge.getByRole("checkbox", { name: /^GALA 2023-2026/ }).check();
  await judge.getByLabel("Geschatte kosten in euro").fill("-100");
  await judge.getByRole("button", { name: "Oordeel opslaan" }).click();
  await expect(judge.getByText("De kosten kunnen niet negatief zijn.")).toBeVisible();
  await expect(judge.getByLabel("Uitleg in gewone woorden")).toHaveValue(
    "Dit past in het GALA: samen gezond bewegen.",
  );
  await judge.getByLabel("Geschatte kosten in euro").fill("12.500");
  await judge.getByLabel("Waar komt het geld vandaan?").fill("Incidenteel budget 2027");
  await judge.getByRole("button", { name: "Oordeel opslaan" }).click();
  await expect(main.getByText(/Het oordeel is opgeslagen/)).toBeVisible();
  const answer = main.locator("section", {
    has: sanne.getByRole("heading", { name: "Wat zegt de gemeente?" }),
  });
  await expect(answer).toContainText("Past binnen de mogelijkheden");
  await expect(answer).toContainText("€ 12.500");
  await expectAccessible(sanne);

  await main.getByRole("link", { name: "Terug naar alle ideeën" }).click();
  await main.getByRole("link", { name: ideaCrossing }).click();
  await main.getByRole("button", { name: "Op de website zetten" }).click();
  await judge.getByRole("radio", { name: "Past niet" }).check();
  await judge.getByRole("button", { name: "Oordeel opslaan" }).click();
  await expect(
    judge.getByText("Schrijf waarom het idee niet past. De indiener leest dit."),
  ).toBeVisible();
  await judge.getByLabel("Uitleg in gewone woorden").fill("De weg is van de provincie.");
  await judge.getByRole("button", { name: "Oordeel opslaan" }).click();
  await expect(answer).toContainText("Past niet");

  // The budget check: one idea fits, € 12,500 of € 50,000.
  await main.getByRole("link", { name: "Terug naar alle ideeën" }).click();
  await expect(main.getByText(/1 idee past binnen de mogelijkheden/)).toBeVisible();
  await expect(main.getByText("Er blijft € 37.500 over.")).toBeVisible();

  // Kees (buurtplatform) merges the duplicate into the walk; its old address leads there.
  const kees = await (await browser.newContext()).newPage();
  const kmain = kees.getByRole("main");
  await signInAsDemo(kees, "buurtplatform@demo.buurtagenda.nl");
  await kees.goto(`${agendaUrl}/ideeen`);
  await kmain.getByRole("link", { name: ideaSame }).click();
  await expect(
    kmain.getByRole("heading", { name: "Samenvoegen met een ander idee" }),
  ).toBeVisible();
  const duplicateUrl = kees.url();
  expect(duplicateUrl).toMatch(/\/ideeen\/[0-9a-f-]{36}$/);
  await expectAccessible(kees);
  await kmain.getByLabel("Samenvoegen met", { exact: true }).selectOption({ label: ideaWalk });
  await kmain.getByRole("button", { name: "Samenvoegen", exact: true }).click();
  await expect(kmain.getByText(/Het idee is samengevoegd/)).toBeVisible();
  await expect(kmain.getByRole("heading", { level: 1, name: ideaWalk })).toBeVisible();
  await kees.goto(duplicateUrl);
  await expect(kmain.getByRole("heading", { level: 1, name: ideaWalk })).toBeVisible();

  // The resident sees both answers, and has both by mail.
  await resident.goto(`${agendaUrl}/ideeen`);
  await rmain.getByRole("link", { name: ideaWalk }).click();
  const ranswer = rmain.locator("section", {
    has: resident.getByRole("heading", { name: "Wat zegt de gemeente?" }),
  });
  await expect(ranswer).toContainText("Past binnen de mogelijkheden");
  await expect(ranswer).toContainText("Dit past in het GALA: samen gezond bewegen.");
  await expect(ranswer.getByText(/^GALA 2023-2026/)).toBeVisible();
  await expectAccessible(resident);
  await rmain.getByRole("link", { name: "Terug naar alle ideeën" }).click();
  await rmain.getByRole("link", { name: ideaCrossing }).click();
  await expect(ranswer).toContainText("Past niet");
  await expect(ranswer).toContainText("Waarom: De weg is van de provincie.");
  const fitsMail = await waitForMail(email, /Samen wandelen en koffie drinken/);
  expect(fitsMail.text).toContain("De gemeente zegt: Past binnen de mogelijkheden.");
  const notMail = await waitForMail(email, /Zebrapad op de provinciale weg/);
  expect(notMail.text).toContain("Waarom: De weg is van de provincie.");

  // The policy register the judgement linked to is public.
  await resident.goto("/gemeente/GM0397/beleid");
  await expect(
    rmain.getByRole("heading", { name: /^GALA 2023-2026: Samen werken aan een gezond/ }),
  ).toBeVisible();
  await expectAccessible(resident);
});
