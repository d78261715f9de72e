import { expect, test } from "@playwright/test";
import { expectAccessible, signInAsDemo } from "./support";

// Issue 4, "done when": on the demo data a staff member opens Heemstede's overview, ranks the
// buurten per indicator, sees the choropleth, makes a preselection and designates the composite
// focus area, runs the buurtscan for "Glipper Dreef en Staatsliedenbuurt" + "De Glip",
// annotates a figure and freezes the scan.

test("Sanne ranks Heemstede's buurten, designates a focus area, scans it and freezes the scan", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await (await browser.newContext()).newPage();
  const stamp = Date.now();
  const focusName = `Glip en Glipper Dreef ${stamp}`;
  await signInAsDemo(page, "gemeente@demo.buurtagenda.nl");

  // The overview: rank per indicator, choropleth with legend.
  await page.goto("/gemeente/GM0397");
  await page.getByRole("link", { name: /Cijfers en ranglijst/ }).click();
  const main = page.getByRole("main");
  for (const indicator of [
    "Moeite met rondkomen (18+) (2020)",
    "(Zeer) ernstig eenzaam (65+) (2020)",
  ]) {
    await main.getByLabel("Cijfer", { exact: true }).selectOption({ label: indicator });
    await main.getByRole("button", { name: "Tonen" }).click();
    await expect(main.locator("table.data-table tbody tr")).toHaveCount(14);
    await expect(main.locator("table.data-table caption")).toContainText(indicator.slice(0, 20));
  }
  await expect(main.locator('[data-testid="area-map"][data-state="ready"]')).toBeVisible();
  await expect(main.getByRole("list", { name: "Legenda" }).getByRole("listitem")).not.toHaveCount(
    0,
  );
  await expectAccessible(page);

  // The preselection: worst 3 on at least 2 of four indicators, on the map and in a table.
  await main.getByRole("link", { name: /Voorselectie van buurten/ }).click();
  await expect(
    main.getByRole("heading", { level: 2, name: /buurten staan bij de slechtste 3/ }),
  ).toBeVisible();
  await expect(main.locator('[data-testid="area-map"][data-state="ready"]')).toBeVisible();
  await main.getByLabel(/Bij de slechtste/).fill("60");
  await main.getByRole("button", { name: "Voorselectie tonen" }).click();
  await expect(main.getByText("Vul een heel getal in van 1 tot en met 50.")).toBeVisible();
  await expect(main.getByLabel(/Bij de slechtste/)).toHaveValue("60");
  await expectAccessible(page);
  await main.getByLabel(/Bij de slechtste/).fill("4");
  await main.getByRole("button", { name: "Voorselectie tonen" }).click();
  await expect(main.getByRole("table")).toBeVisible();
  await main.getByRole("button", { name: /Voorselectie opslaan/ }).click();
  await expect(main.getByText("De voorselectie is opgeslagen.")).toBeVisible();
  await expectAccessible(page);

  // Designate the composite focus area and start its buurtagenda from there.
  await main.getByRole("button", { name: "Aanwijzen" }).click();
  await expect(main.getByText("Geef het aandachtsgebied een naam.")).toBeVisible();
  await main.getByLabel("Naam van het aandachtsgebied").fill(focusName);
  await main.getByRole("checkbox", { name: /^Glipper Dreef en Staatsliedenbuurt/ }).check();
  await main.getByRole("checkbox", { name: /^De Glip/ }).check();
  await main.getByLabel("Reden").fill("Veel eenzame ouderen en mensen die moeilijk rondkomen.");
  await main.getByRole("button", { name: "Aanwijzen" }).click();
  await expect(main.getByText("Het aandachtsgebied is aangewezen.")).toBeVisible();
  await main.getByRole("link", { name: `Buurtagenda starten voor ${focusName}` }).click();
  await expect(main.getByLabel("Titel")).toHaveValue(focusName);
  await expect(main.getByLabel("Glipper Dreef en Staatsliedenbuurt")).toBeChecked();
  await expect(main.getByLabel("De Glip")).toBeChecked();
  await main.getByLabel("Korte uitleg voor bewoners").fill("Samen aan de slag in twee buurten.");
  await main.getByLabel("Begindatum").fill("2027-01-01");
  await main.getByLabel("Einddatum").fill("2027-12-31");
  await main.getByRole("button", { name: "Buurtagenda starten" }).click();
  await expect(page.getByRole("heading", { level: 1, name: focusName })).toBeVisible();

  // Block 2: the buurtscan of the composite area.
  await main.getByRole("link", { name: "2. Maak een buurtscan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Buurtscan/ })).toBeVisible();
  await expect(main.getByText("Er is nog geen buurtscan voor deze buurtagenda.")).toBeVisible();
  await expectAccessible(page);
  await main.getByRole("button", { name: "Buurtscan starten" }).click();
  await expect(main.getByText("De buurtscan is gestart.")).toBeVisible();
  const lonely = main.locator("section", {
    has: page.getByRole("heading", { name: "(Zeer) ernstig eenzaam (65+)", exact: true }),
  });
  await expect(
    lonely.getByRole("row", { name: /Glipper Dreef en Staatsliedenbuurt/ }),
  ).toContainText(/\d+ van 14/);
  await expect(lonely.getByRole("row", { name: /De Glip/ })).toContainText(/\d+ van 14/);
  // RIVM percentages have no known base population: no false average, the reason instead.
  await expect(lonely.getByText(/Geen cijfer voor het gebied samen/)).toBeVisible();
  await expect(lonely.getByRole("img", { name: /Staafdiagram/ })).toBeVisible();
  await expectAccessible(page);

  // Annotate a figure of the area.
  const note = `Hoog door het verpleeghuis aan de Glipperweg (${stamp}).`;
  await main
    .getByLabel("Cijfer", { exact: true })
    .selectOption({ label: "(Zeer) ernstig eenzaam (65+)" });
  await main.getByLabel("Buurt", { exact: true }).selectOption({ label: "De Glip" });
  await main.getByRole("textbox", { name: "Toelichting" }).fill(note);
  await main.getByRole("button", { name: "Toelichting opslaan" }).click();
  await expect(main.getByText("De toelichting is opgeslagen.")).toBeVisible();
  await expect(lonely.getByRole("row", { name: /De Glip/ })).toContainText(note);

  // Freeze: the figures are kept as they are, block 2 is done.
  await main.getByRole("button", { name: "Scan afronden en cijfers vastzetten" }).click();
  await expect(main.getByText("De scan is afgerond. De cijfers staan vast.")).toBeVisible();
  await expect(main.getByText(/Scan 1 is afgerond op/)).toBeVisible();
  await expect(
    main.getByRole("button", { name: "Scan afronden en cijfers vastzetten" }),
  ).toHaveCount(0);
  await expect(main.getByRole("heading", { name: "Nieuwe scan starten" })).toBeVisible();
  await expectAccessible(page);
  await main.getByRole("link", { name: focusName }).click();
  await expect(page.locator(".block-card").nth(1)).toContainText("Klaar");

  // Block 5 reads the frozen figures next to the stories of the area, in a chart and a table.
  await page.getByRole("link", { name: "5. Verbind tellen en vertellen" }).click();
  await expect(main.getByRole("heading", { level: 1, name: /^Tellen en vertellen/ })).toBeVisible();
  await expect(main.getByText(/Cijfers uit buurtscan 1, afgerond op/)).toBeVisible();
  await expect(main.getByRole("img", { name: /Grafiek: per onderwerp/ })).toBeVisible();
  await expect(main.getByRole("row", { name: /Eenzaamheid/ })).toBeVisible();
  await expectAccessible(page);
  // A bad threshold is refused next to its field and the typed value stays.
  await main.getByLabel("Drempel cijfers (1 tot 100)").fill("150");
  await main.getByRole("button", { name: "Drempels opslaan" }).click();
  await expect(main.getByText("Vul een heel getal van 1 tot 100 in.")).toBeVisible();
  await expect(main.getByLabel("Drempel cijfers (1 tot 100)")).toHaveValue("150");
  await main.getByLabel("Drempel cijfers (1 tot 100)").fill("60");
  await main.getByRole("button", { name: "Drempels opslaan" }).click();
  await expect(main.getByText("De drempels zijn opgeslagen.")).toBeVisible();
  await expectAccessible(page);

  // A finding needs evidence; with a frozen figure of the area it is kept, evidence and all.
  await main.getByRole("link", { name: "Opgaven van deze buurtagenda" }).click();
  await expect(main.getByRole("heading", { level: 1, name: /^Opgaven/ })).toBeVisible();
  await main.getByLabel("Titel").fill(`Eenzaamheid onder ouderen (${stamp})`);
  await main.getByLabel("Beschrijving in gewone woorden").fill("Veel ouderen zijn alleen.");
  await main.getByRole("checkbox", { name: "Eenzaamheid" }).check();
  await main.getByRole("button", { name: "Opgave opslaan" }).click();
  await expect(main.getByText("Kies minstens één verhaal of cijfer als bewijs.")).toBeVisible();
  await expect(main.getByLabel("Titel")).toHaveValue(`Eenzaamheid onder ouderen (${stamp})`);
  await main
    .getByRole("group", { name: "Cijfers uit de afgeronde buurtscan als bewijs" })
    .getByRole("checkbox", { name: /\(Zeer\) ernstig eenzaam \(65\+\), De Glip/ })
    .check();
  await main.getByRole("button", { name: "Opgave opslaan" }).click();
  await expect(main.getByText("De opgave is opgeslagen.")).toBeVisible();
  await expect(main.getByRole("heading", { level: 2, name: "Bewijs" })).toBeVisible();
  await expect(main.getByText(/\(Zeer\) ernstig eenzaam \(65\+\), De Glip:/)).toBeVisible();
  await expectAccessible(page);
});
