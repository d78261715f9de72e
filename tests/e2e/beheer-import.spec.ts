import { expect, test } from "@playwright/test";
import { expectAccessible, signInAsDemo } from "./support";

// Issue 4, local figures: an administrator uploads a gemeente's own figures per buurt; the
// import runs in the background with visible progress and a report; staff then rank the buurten
// on it like on any CBS figure, with the gemeente's own source label.

const LOCAL_FIGURES = [
  "area_code;indicator_key;value;year",
  "BU03970101;lokaal_wmo_clienten;120;2025",
  "BU03970100;lokaal_wmo_clienten;35;2025",
  "BU03970000;lokaal_wmo_clienten;80;2025",
  "BU03970001;lokaal_wmo_clienten;x;2025",
  "BU03979999;lokaal_wmo_clienten;12;2025",
].join("\r\n");

test("an administrator imports local figures in the background; staff rank buurten on them", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const admin = await (await browser.newContext()).newPage();
  await signInAsDemo(admin, "beheerder@demo.buurtagenda.nl");
  await admin.getByRole("link", { name: "Mijn account" }).click();
  await admin.getByRole("link", { name: "Cijfers en grenzen inlezen" }).click();
  const main = admin.getByRole("main");
  await expect(
    main.getByRole("heading", { level: 1, name: "Cijfers en grenzen inlezen" }),
  ).toBeVisible();
  await expectAccessible(admin);

  // Without a file: a clear answer, and the typed source stays.
  await main.getByLabel(/^Bron/).fill("Wmo-registratie Heemstede 2025");
  await main.getByRole("button", { name: "Inlezen" }).click();
  await expect(main.getByText("Kies een bestand.").first()).toBeVisible();
  await expect(main.getByLabel(/^Bron/)).toHaveValue("Wmo-registratie Heemstede 2025");
  await expectAccessible(admin);

  await main.getByLabel("Bestand", { exact: true }).setInputFiles({
    name: "wmo-heemstede-2025.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(LOCAL_FIGURES, "latin1"),
  });
  await main.getByRole("button", { name: "Inlezen" }).click();
  await expect(main.getByText("Het bestand staat klaar om in te lezen.")).toBeVisible();
  const job = main.getByTestId("import-job").filter({ hasText: "wmo-heemstede-2025.csv" });
  // The page follows the background job by itself until it is done.
  await expect(job).toContainText("klaar", { timeout: 30_000 });
  await expect(job).toContainText(
    "5 regels gelezen: 3 nieuw, 0 gewijzigd, 0 al gelijk, 1 zonder cijfer, 1 afgewezen.",
  );
  await job.getByText("Afgewezen regels").click();
  await expect(job).toContainText("regel 6: onbekend gebied BU03979999");
  await expectAccessible(admin);

  // Staff see the local figure in the ranglijst, with its own source label.
  const staff = await (await browser.newContext()).newPage();
  await signInAsDemo(staff, "gemeente@demo.buurtagenda.nl");
  await staff.goto("/gemeente/GM0397/cijfers");
  const figures = staff.getByRole("main");
  await figures
    .getByLabel("Cijfer", { exact: true })
    .selectOption({ label: "Inwoners met een Wmo-voorziening (2025)" });
  await figures.getByRole("button", { name: "Tonen" }).click();
  await expect(figures.locator("table.data-table tbody tr")).toHaveCount(3);
  await expect(figures.locator("table.data-table tbody tr").first()).toContainText(
    "Glipper Dreef en Staatsliedenbuurt",
  );
  await expect(figures.getByText(/Wmo-registratie Heemstede 2025/)).toBeVisible();
  await expectAccessible(staff);
});
