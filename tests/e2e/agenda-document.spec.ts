import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import mammoth from "mammoth";
import { extractText, getDocumentProxy } from "unpdf";
import {
  acceptInvitationAsNewAccount,
  expectAccessible,
  signInAsDemo,
  signInWithEmailedCode,
  startAgendaForTheGlip,
  uniqueEmail,
  waitForMail,
} from "./support";

// Issue 7, "done when": Sanne drafts the agenda from the template with two agreements and a
// quoted story, two deciding parties sign off, she publishes version 1, the PDF and the DOCX are
// downloaded and read, and a resident reads the public page.

async function download(page: Page, name: string): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name }).click(),
  ]);
  return readFile((await file.path())!);
}

test("the agenda is written from the template, signed off by two parties, published and exported", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const title = `Samen voor de Glip ${stamp}`;
  const sanne = await (await browser.newContext()).newPage();
  const main = sanne.getByRole("main");
  await signInAsDemo(sanne, "gemeente@demo.buurtagenda.nl");
  const agendaUrl = await startAgendaForTheGlip(sanne, title);

  // Block 3: two deciding parties, and one person for each, invited by mail.
  await sanne.goto(`${agendaUrl}/partijen`);
  const parties = [`Elan Wonen ${stamp}`, `WIJ Heemstede ${stamp}`];
  const emails = [uniqueEmail("elan"), uniqueEmail("wij")];
  for (const [i, name] of parties.entries()) {
    const register = sanne.locator("form", {
      has: sanne.getByRole("button", { name: "In het register zetten" }),
    });
    await register.getByLabel("Naam", { exact: true }).fill(name);
    await register.getByLabel("Soort organisatie").selectOption({ index: i + 1 });
    await register.getByRole("button", { name: "In het register zetten" }).click();
    await expect(register.getByRole("status")).toHaveText("Opgeslagen.");
    const add = sanne.locator("form", {
      has: sanne.getByRole("button", { name: "Partij toevoegen" }),
    });
    await add.getByLabel("Organisatie").selectOption({ label: name });
    await add.getByLabel("Rol").selectOption({ label: "Beslist mee" });
    await add.getByRole("button", { name: "Partij toevoegen" }).click();
    await expect(sanne.getByRole("row", { name: new RegExp(name) })).toBeVisible();
    const invite = sanne.locator("form", {
      has: sanne.getByRole("button", { name: "Uitnodiging sturen" }),
    });
    await invite.getByLabel("E-mailadres").fill(emails[i]!);
    await invite.getByLabel("Rol in deze buurtagenda").selectOption({ label: "Partner" });
    await invite
      .getByLabel("Namens welke partij? (mag leeg blijven)")
      .selectOption({ label: name });
    await invite.getByRole("button", { name: "Uitnodiging sturen" }).click();
    await expect(invite.getByRole("status")).toHaveText("De uitnodiging is verstuurd.");
  }
  const signers = [];
  for (const email of emails) {
    signers.push(await acceptInvitationAsNewAccount(browser, email, "een heel lange wachtzin"));
  }

  // Two agreements, one for each party; a due date before the start is refused first.
  await sanne.goto(`${agendaUrl}/afspraken`);
  const agreements = [
    `Lampen langs het pad (${stamp})`,
    `Koffieochtend in het buurthuis (${stamp})`,
  ];
  for (const [i, what] of agreements.entries()) {
    await main.getByLabel("Wat gaan we doen?").fill(what);
    await main.getByLabel("Wie doet het?").selectOption({ label: parties[i]! });
    await main.getByLabel("Begindatum").fill("2027-03-01");
    await main.getByLabel("Einddatum").fill(i === 0 ? "2027-02-01" : "2027-09-30");
    await main.getByLabel("Geschatte kosten in euro").fill(i === 0 ? "12.500" : "3.000");
    await main.getByRole("button", { name: "Afspraak opslaan" }).click();
    if (i === 0) {
      await expect(main.getByText("De einddatum ligt vóór de begindatum.")).toBeVisible();
      await expect(main.getByLabel("Wat gaan we doen?")).toHaveValue(what);
      await main.getByLabel("Einddatum").fill("2027-10-31");
      await main.getByRole("button", { name: "Afspraak opslaan" }).click();
    }
    await expect(main.getByText("De afspraak is opgeslagen.")).toBeVisible();
    await sanne.goto(`${agendaUrl}/afspraken`);
  }
  await expect(main.getByRole("link", { name: agreements[0] })).toBeVisible();
  await expectAccessible(sanne);

  // The text: from the template, with both agreements and a quote from a resident.
  await sanne.goto(`${agendaUrl}/tekst`);
  await expect(main.getByText("Nog niet opgeslagen: dit is het begin-sjabloon.")).toBeVisible();
  const editor = main.getByRole("textbox", { name: "Tekst van de buurtagenda" });
  await expect(editor).toBeVisible();
  await expect(editor.getByRole("heading", { name: "Wat gaan we samen doen?" })).toBeVisible();
  await editor.getByText("Schrijf hier in gewone woorden.").first().click();
  await sanne.keyboard.press("End");
  await sanne.keyboard.type(" Teneinde het pad veilig te maken, komen er lampen.");
  await expect(main.getByText(/‘teneinde’: schrijf liever ‘om’/)).toBeVisible();
  for (const what of agreements) {
    await main.getByLabel("Afspraak invoegen").selectOption({ label: what });
    await main.getByRole("button", { name: "Invoegen" }).first().click();
  }
  await main.getByLabel("Citaat van een bewoner invoegen").selectOption({ index: 1 });
  await main.getByRole("button", { name: "Invoegen" }).last().click();
  await expect(editor.locator("[data-embed='agreementEmbed']")).toHaveCount(2);
  await expect(editor.locator("[data-embed='storyQuote'] blockquote")).toBeVisible();
  const quote = (await editor.locator("[data-embed='storyQuote'] blockquote").innerText()).trim();
  await main.getByRole("button", { name: "Tekst opslaan" }).click();
  await expect(main.getByText(/De tekst is opgeslagen/)).toBeVisible();
  await expectAccessible(sanne);
  // Not yet signed off: publishing is refused.
  await main.getByRole("button", { name: "Publiceer als versie 1" }).click();
  await expect(
    main.getByText(
      "Nog niet alle beslissende partijen gaven akkoord op deze versie van het concept.",
    ),
  ).toBeVisible();

  // Both deciding parties agree, each for their own party.
  for (const [i, signer] of signers.entries()) {
    await signer.goto(`${agendaUrl}/tekst`);
    await signer.getByRole("button", { name: `Akkoord namens ${parties[i]}`, exact: true }).click();
    await expect(signer.getByText("Uw antwoord is opgeslagen.")).toBeVisible();
    await expect(
      signer.getByRole("button", { name: `Akkoord namens ${parties[1 - i]}`, exact: true }),
    ).toHaveCount(0);
  }
  await expectAccessible(signers[1]!);

  // A resident follows the agenda by email before it is published (sign-in by code).
  const residentEmail = uniqueEmail("bewoner-volgt");
  const resident = await (await browser.newContext()).newPage();
  await resident.goto(agendaUrl);
  await expect(
    resident.getByText("De buurtagenda is nog niet gepubliceerd.", { exact: false }),
  ).toBeVisible();
  await resident.getByRole("link", { name: "Log in om deze buurtagenda te volgen." }).click();
  await signInWithEmailedCode(resident, residentEmail);
  await resident.getByRole("button", { name: "Volg deze buurtagenda" }).click();
  await expect(resident.getByText("U volgt deze buurtagenda.", { exact: true })).toBeVisible();

  // Sanne publishes version 1.
  await sanne.goto(`${agendaUrl}/tekst`);
  await main.getByRole("button", { name: "Publiceer als versie 1" }).click();
  await expect(main.getByText("Versie 1 is gepubliceerd.")).toBeVisible();
  await expect(main.getByRole("heading", { level: 1, name: `${title}: versie 1` })).toBeVisible();
  await expectAccessible(sanne);

  // The PDF and the Word file carry the text, the agreements and the quote.
  const pdf = await download(sanne, "Download als PDF");
  const { text: pdfText } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), {
    mergePages: true,
  });
  const flat = (text: string) => text.replace(/\s+/g, " ");
  expect(flat(pdfText)).toContain(`${title}: versie 1`);
  for (const what of agreements) expect(flat(pdfText)).toContain(what);
  expect(flat(pdfText)).toContain(flat(quote));
  expect(flat(pdfText)).toContain("Bron cijfers: CBS");
  const docx = await download(sanne, "Download als Word-bestand");
  const { value: docxText } = await mammoth.extractRawText({ buffer: docx });
  expect(docxText).toContain("Teneinde het pad veilig te maken, komen er lampen.");
  for (const what of agreements) expect(docxText).toContain(what);

  // The follower hears of it, and reads the published agenda on its public page.
  const published = await waitForMail(residentEmail, /versie 1/);
  expect(published.text).toMatch(/\/volgen\/stoppen\//);
  await resident.goto(agendaUrl);
  const section = resident.getByRole("region", { name: "De buurtagenda" });
  await expect(
    section.getByText("Teneinde het pad veilig te maken, komen er lampen."),
  ).toBeVisible();
  for (const what of agreements) await expect(section.getByText(what).first()).toBeVisible();
  await expect(section.getByText(flat(quote))).toBeVisible();
  await expectAccessible(resident);

  // After publication the owner reports progress; the follower hears of it, the page shows it.
  const owner = signers[0]!;
  await owner.goto(`${agendaUrl}/afspraken`);
  await owner.getByRole("link", { name: agreements[0] }).click();
  const progress = owner.locator("form", {
    has: owner.getByRole("button", { name: "Voortgang opslaan" }),
  });
  await progress.getByLabel("Stand van zaken").selectOption({ label: "Loopt vast" });
  await progress.getByRole("button", { name: "Voortgang opslaan" }).click();
  await expect(progress.getByText("Schrijf waarom de afspraak vastloopt of stopt.")).toBeVisible();
  await progress.getByLabel("Stand van zaken").selectOption({ label: "Bezig" });
  await progress.getByLabel("Wat is er gebeurd?").fill("De eerste drie lampen staan er.");
  await progress.getByRole("button", { name: "Voortgang opslaan" }).click();
  await expect(owner.getByText("De voortgang is opgeslagen.")).toBeVisible();
  await expectAccessible(owner);
  const news = await waitForMail(residentEmail, /is nu: Bezig/);
  expect(news.text).toContain(agreements[0]);
  await resident.goto(agendaUrl);
  await expect(section.getByText(/Bezig/).first()).toBeVisible();
});
