import { expect, test } from "@playwright/test";
import { expectAccessible, signInAsDemo, startAgendaForTheGlip } from "./support";

// Issue 8, evaluation: the gemeente looks back on the year, the council adds its view, and the
// public page shows it.

test("Sanne evaluates the year, Henk adds the council's view, residents read it", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const title = `Terugblik ${Date.now()}`;
  const sanne = await (await browser.newContext()).newPage();
  await signInAsDemo(sanne, "gemeente@demo.buurtagenda.nl");
  const agendaUrl = await startAgendaForTheGlip(sanne, title);
  await sanne.getByRole("link", { name: "Evaluaties: wat heeft het gebracht?" }).click();
  const main = sanne.getByRole("main");
  await expect(main.getByText("Er is nog geen evaluatie.")).toBeVisible();

  await main.getByRole("radio", { name: "Na een project" }).check();
  await main.getByLabel("Titel").fill("Jaar 2027");
  await main.getByLabel("Wat heeft het bewoners gebracht?").fill("Meer contact in de straat.");
  await main.getByRole("button", { name: "Evaluatie opslaan" }).click();
  // A project needs its agreements, and every question its answer; what was typed stays.
  await expect(main.getByText("Schrijf wat er moeilijk ging")).toBeVisible();
  await expect(main.getByLabel("Wat heeft het bewoners gebracht?")).toHaveValue(
    "Meer contact in de straat.",
  );
  await expectAccessible(sanne);

  await main.getByRole("radio", { name: "Jaarlijkse evaluatie" }).check();
  await main.getByLabel("Over de periode van").fill("2027-01-01");
  await main.getByLabel("tot en met").fill("2027-12-31");
  await main.getByLabel("Wat heeft het organisaties gebracht?").fill("Nieuwe vrijwilligers.");
  await main
    .getByLabel("Wat heeft het de gemeente gebracht?")
    .fill("Een beter beeld van de buurt.");
  await main.getByLabel("Wat ging er moeilijk?").fill("Jongeren deden weinig mee.");
  await main.getByLabel("Wat doen we anders?").fill("We gaan naar het schoolplein.");
  await main.getByLabel("Zet deze evaluatie op de openbare pagina").check();
  await main.getByRole("button", { name: "Evaluatie opslaan" }).click();
  await expect(main.getByText("De evaluatie is opgeslagen.")).toBeVisible();
  await expect(
    main.getByRole("heading", { name: "Jaarlijkse evaluatie: Jaar 2027" }),
  ).toBeVisible();

  const henk = await (await browser.newContext()).newPage();
  await signInAsDemo(henk, "adviesraad@demo.buurtagenda.nl");
  await henk.goto(`${agendaUrl}/evaluaties`);
  await henk
    .getByLabel("De mening van de adviesraad")
    .fill("De raad vraagt om meer aandacht voor jongeren.");
  await henk.getByRole("button", { name: "Mening opslaan" }).click();
  await expect(henk.getByText("De mening van de adviesraad is opgeslagen.")).toBeVisible();
  await expectAccessible(henk);

  const resident = await (await browser.newContext()).newPage();
  await resident.goto(agendaUrl);
  const evaluations = resident.getByRole("region", { name: "Evaluaties" });
  await expect(evaluations.getByText("Jongeren deden weinig mee.")).toBeVisible();
  await expect(
    evaluations.getByText("De raad vraagt om meer aandacht voor jongeren."),
  ).toBeVisible();
  await expectAccessible(resident);
});
