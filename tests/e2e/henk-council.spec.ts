import { readFile } from "node:fs/promises";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { expectAccessible, signInAsDemo, startAgendaForTheGlip, waitForMail } from "./support";

// Issue 8, "done when" (Henk, DOMAIN.md §7): on the demo data Henk opens the dashboard before the
// council meeting, sees the demo agenda stuck in block 4 with one overdue agreement, reads the
// draft and writes the council's advice on it, and downloads the council report; then the owner
// (the demo partner, acting for WIJ Heemstede) marks the overdue agreement done and the demo
// resident who follows the agenda gets the mail. Only this test changes the demo agenda.

const DEMO_AGENDA = "Samen in de Glip (demo)";
const OVERDUE = "Koffieochtend in de Glip weer starten";
const OVERDUE_NOTICE = "Over tijd: de einddatum is voorbij.";
const FOLLOWER = "bewoner@demo.buurtagenda.nl";

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** A regular expression that matches this text literally. */
const literally = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));

/** The demo agenda's row on the dashboard, with its cells: stuck, agreements, overdue, … */
function demoRow(page: Page) {
  const row = page.getByRole("main").getByRole("row", { name: literally(DEMO_AGENDA) });
  return { row, cells: row.getByRole("cell") };
}

/** The owner reports progress on the overdue agreement through its page. */
async function reportProgress(page: Page, status: string, note: string) {
  const main = page.getByRole("main");
  await main.getByLabel("Stand van zaken").selectOption({ label: status });
  await main.getByLabel("Wat is er gebeurd?").fill(note);
  await main.getByRole("button", { name: "Voortgang opslaan" }).click();
  await expect(main.getByText("De voortgang is opgeslagen.")).toBeVisible();
}

test("Henk prepares the council meeting on the demo agenda; the owner reports it done and a follower hears", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const henk = await newPage(browser);
  const main = henk.getByRole("main");
  await signInAsDemo(henk, "adviesraad@demo.buurtagenda.nl");
  await henk.goto("/gemeente/GM0397");
  await main.getByRole("link", { name: /^Dashboard/ }).click();
  const dashboardUrl = "/gemeente/GM0397/dashboard";
  await henk.waitForURL(dashboardUrl);
  const agendaUrl = new URL(
    (await demoRow(henk)
      .row.getByRole("link", { name: DEMO_AGENDA, exact: true })
      .getAttribute("href"))!,
    henk.url(),
  ).pathname.replace(/\/werkruimte$/, "");

  // The database lives on between runs of one data dir: an earlier run marked the agreement
  // done. Its owner reopens it first, so that the dashboard starts from the demo data's state.
  const partner = await newPage(browser);
  await signInAsDemo(partner, "partner@demo.buurtagenda.nl");
  await partner.goto(`${agendaUrl}/afspraken`);
  await partner.getByRole("main").getByRole("link", { name: OVERDUE }).click();
  await expect(partner.getByRole("heading", { level: 1, name: OVERDUE })).toBeVisible();
  const agreementUrl = partner.url();
  if (!(await partner.getByText(OVERDUE_NOTICE).isVisible())) {
    await reportProgress(partner, "Bezig", `Toch nog niet klaar: de ruimte valt weg (${stamp}).`);
    await henk.reload();
  }

  // The dashboard: stuck in block 4 for more than a month, one agreement overdue.
  const { row, cells } = demoRow(henk);
  await expect(row).toBeVisible();
  const stuck = await cells.nth(0).innerText();
  expect(stuck).toMatch(/^Bouwsteen 4: bezig, al \d+ dagen$/);
  expect(Number(/al (\d+) dagen/.exec(stuck)![1])).toBeGreaterThan(30);
  await expect(cells.nth(1)).toHaveText("0 klaar, 2 bezig, 1 gepland, 0 vast, 0 gestopt");
  await expect(cells.nth(2)).toHaveText("1");
  await expect(main.getByRole("img", { name: /Staafdiagram/ })).toBeVisible();
  await expectAccessible(henk);

  // He reads the draft, changed since version 1, and writes the council's advice on it.
  await henk.goto(`${agendaUrl}/tekst`);
  await expect(main.getByText(/^Nieuw in dit concept: jongeren helpen mee/)).toBeVisible();
  await henk.goto(dashboardUrl);
  await demoRow(henk)
    .row.getByRole("link", { name: literally(`Advies: ${DEMO_AGENDA}`) })
    .click();
  const subject = `Bereik de ouderen die niet buiten komen (${stamp})`;
  await main.getByRole("radio", { name: "Advies" }).check();
  await main.getByLabel("Onderwerp").fill(subject);
  await main
    .getByLabel("Tekst", { exact: true })
    .fill(
      "De raad adviseert over het concept: vraag WIJ Heemstede om huisbezoeken bij 75-plussers.",
    );
  await main.getByRole("button", { name: "Opslaan" }).click();
  await expect(main.getByText("Opgeslagen.")).toBeVisible();
  const advice = main.getByRole("article", { name: literally(subject) });
  await expect(advice).toContainText("Wacht op antwoord van de gemeente.");
  await expect(advice).not.toContainText("over versie");
  await expectAccessible(henk);

  // The council report for the meeting: a PDF with the demo agenda in it.
  await henk.goto(dashboardUrl);
  const [download] = await Promise.all([
    henk.waitForEvent("download"),
    main.getByRole("link", { name: "Download raadsrapportage (PDF)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const pdf = await readFile((await download.path())!);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), {
    mergePages: true,
  });
  expect(text.replace(/\s+/g, " ")).toContain(DEMO_AGENDA);

  // The owner marks the overdue agreement done, with a note; the follower gets the mail.
  await partner.goto(agreementUrl);
  await expect(partner.getByText(OVERDUE_NOTICE)).toBeVisible();
  const note = `De koffieochtend draait weer, elke dinsdag in de kerk (${stamp}).`;
  await reportProgress(partner, "Klaar", note);
  await expect(partner.getByText(OVERDUE_NOTICE)).toHaveCount(0);
  await expectAccessible(partner);
  const mail = await waitForMail(FOLLOWER, literally(note));
  expect(mail.subject).toBe(`Nieuws over de buurtagenda ‘${DEMO_AGENDA}’`);
  expect(mail.text).toContain(`De afspraak ‘${OVERDUE}’ is nu: Klaar.`);
  expect(mail.text).toContain(`Wat er gebeurde: ${note}`);
  expect(mail.text).toMatch(/https?:\/\/\S+\/volgen\/stoppen\/[A-Za-z0-9_-]+/);
  expect(mail.headers["list-unsubscribe"]).toMatch(/\/volgen\/stoppen\//);

  // Back on the dashboard: nothing overdue any more.
  await henk.goto(dashboardUrl);
  await expect(demoRow(henk).cells.nth(1)).toHaveText(
    "1 klaar, 1 bezig, 1 gepland, 0 vast, 0 gestopt",
  );
  await expect(demoRow(henk).cells.nth(2)).toHaveText("0");
});

test("Henk writes advice on a new agenda; Sanne answers it", async ({ browser }) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const title = `Raad leest mee ${stamp}`;
  const sanne = await newPage(browser);
  await signInAsDemo(sanne, "gemeente@demo.buurtagenda.nl");
  const agendaUrl = await startAgendaForTheGlip(sanne, title);

  const henk = await newPage(browser);
  const main = henk.getByRole("main");
  await signInAsDemo(henk, "adviesraad@demo.buurtagenda.nl");
  await henk.goto("/gemeente/GM0397");
  await main.getByRole("link", { name: /^Dashboard/ }).click();
  const row = main.getByRole("row", { name: new RegExp(title) });
  await expect(row).toContainText("Bouwsteen 1: niet begonnen");

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

  await sanne.goto(`${agendaUrl}/advies`);
  await sanne.getByRole("radio", { name: "Overgenomen", exact: true }).check();
  await sanne.getByLabel("Waarom?").fill("We plannen het gesprek in maart.");
  await sanne.getByRole("button", { name: "Antwoord opslaan" }).click();
  await expect(sanne.getByText("Het antwoord is opgeslagen.")).toBeVisible();
  await henk.reload();
  await expect(main.getByText(/Antwoord van de gemeente .*: Overgenomen/)).toBeVisible();
});
