import { expect, test } from "@playwright/test";
import { expectAccessible, signInAsDemo, startAgendaForTheGlip } from "./support";

// Issue 8, first part (Henk, DOMAIN.md §7): the council opens the dashboard, sees where a new
// agenda stands, and writes advice on it; the gemeente answers with a reason.

test("Henk reads the dashboard and writes advice; Sanne answers it", async ({ browser }) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const title = `Raad leest mee ${stamp}`;
  const sanne = await (await browser.newContext()).newPage();
  await signInAsDemo(sanne, "gemeente@demo.buurtagenda.nl");
  const agendaUrl = await startAgendaForTheGlip(sanne, title);

  const henk = await (await browser.newContext()).newPage();
  const main = henk.getByRole("main");
  await signInAsDemo(henk, "adviesraad@demo.buurtagenda.nl");
  await henk.goto("/gemeente/GM0397");
  await main.getByRole("link", { name: /^Dashboard/ }).click();
  const row = main.getByRole("row", { name: new RegExp(title) });
  await expect(row).toContainText("Bouwsteen 1: niet begonnen");
  await expect(main.getByRole("img", { name: /Staafdiagram/ })).toBeVisible();
  await expectAccessible(henk);

  await row.getByRole("link", { name: new RegExp(`Advies: ${title}`) }).click();
  await main.getByRole("radio", { name: "Advies" }).check();
  await main.getByRole("button", { name: "Opslaan" }).click();
  await expect(main.getByText("Vul een onderwerp in.")).toBeVisible();
  await main.getByLabel("Onderwerp").fill("Betrek ook de ouderen in de Glip");
  await main
    .getByLabel("Tekst", { exact: true })
    .fill("De raad vraagt om een gesprek in het buurthuis.");
  await main.getByRole("button", { name: "Opslaan" }).click();
  await expect(main.getByText("Opgeslagen.")).toBeVisible();
  await expect(main.getByText("Wacht op antwoord van de gemeente.")).toBeVisible();
  await expectAccessible(henk);

  await sanne.goto(`${agendaUrl}/advies`);
  await sanne.getByRole("radio", { name: "Overgenomen", exact: true }).check();
  await sanne.getByLabel("Waarom?").fill("We plannen het gesprek in maart.");
  await sanne.getByRole("button", { name: "Antwoord opslaan" }).click();
  await expect(sanne.getByText("Het antwoord is opgeslagen.")).toBeVisible();
  await henk.reload();
  await expect(main.getByText(/Antwoord van de gemeente .*: Overgenomen/)).toBeVisible();
});
