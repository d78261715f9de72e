import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  action as figuresAction,
  loader as figuresLoader,
} from "../../app/routes/gemeente-cijfers";
import { loader as gemeenteLoader } from "../../app/routes/gemeente";
import { loader as buurtLoader } from "../../app/routes/buurt";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { PROJECT_ROOT } from "../../app/shared/database/schema-engine.server";
import { db } from "../../app/shared/db.server";
import { setupFreshDatabase } from "../support/database";
import { signedInCookie } from "../support/demo-users";
import { formPost, get, isRedirectTo, routeArgs } from "../support/requests";

setupFreshDatabase();
const cookies: Record<string, string> = {};
beforeAll(async () => {
  process.env.CBS_DATA_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");
  await seedDatabase();
  for (const role of ["gemeente", "adviesraad", "buurtplatform", "bewoner"]) {
    const user = await db().user.findUniqueOrThrow({
      where: { email: `${role}@demo.buurtagenda.nl` },
    });
    cookies[role] = await signedInCookie(user.id);
  }
});

const figures = (query: string, cookie?: string) =>
  figuresLoader(routeArgs(get(`/gemeente/GM0397/cijfers${query}`, cookie), { code: "GM0397" }));

describe("the ranglijst of Heemstede", () => {
  it("ranks all 14 buurten, most severely lonely 65+ first, with the gemeente figure", async () => {
    const page = await figures("?cijfer=rivm_ernstig_eenzaam_65plus_pct", cookies.gemeente);
    const ranking = page.ranking!;
    expect(ranking.year).toBe(2020);
    expect(ranking.ranked).toHaveLength(14);
    const values = ranking.ranked.map((r) => r.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(ranking.ranked[0]!.rank).toBe(1);
    const stored = await db().indicatorValue.findMany({
      where: {
        indicatorKey: "rivm_ernstig_eenzaam_65plus_pct",
        areaCode: { startsWith: "BU0397" },
      },
    });
    expect(Math.max(...stored.map((s) => s.value))).toBe(ranking.ranked[0]!.value);
    expect(ranking.gemeenteValue).toBe(
      (
        await db().indicatorValue.findFirstOrThrow({
          where: { indicatorKey: "rivm_ernstig_eenzaam_65plus_pct", areaCode: "GM0397" },
        })
      ).value,
    );
    expect(ranking.nationalValue).toBeNull();

    // The choropleth colours every buurt; the darkest colour goes to rank 1.
    const map = ranking.map!;
    expect(map.areas.features).toHaveLength(14);
    expect(map.legend.length).toBeLessThanOrEqual(5);
    const colourOf = (code: string) =>
      map.areas.features.find((f) => f.properties?.code === code)!.properties!.colour;
    expect(colourOf(ranking.ranked[0]!.code)).toBe(map.legend.at(-1)!.colour);
    expect(colourOf(ranking.ranked.at(-1)!.code)).toBe(map.legend[0]!.colour);
  });

  it("puts the lowest first where higher is better", async () => {
    const ranking = (
      await figures("?cijfer=rivm_ervaren_gezondheid_goed_zeer_goed_18plus_pct", cookies.adviesraad)
    ).ranking!;
    const values = ranking.ranked.map((r) => r.value);
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });

  it("is internal and gemeente-wide: staff and council see it; a wijk's platform, residents and visitors do not", async () => {
    expect((await figures("", cookies.adviesraad)).ranking?.ranked.length).toBe(14);
    // The demo platform member works in one wijk; the ranglijst compares all wijken of the gemeente.
    await expect(figures("", cookies.buurtplatform)).rejects.toMatchObject({
      init: { status: 403 },
    });
    await expect(figures("", cookies.bewoner)).rejects.toMatchObject({ init: { status: 403 } });
    await expect(figures("")).rejects.toSatisfy((thrown: unknown) =>
      isRedirectTo(thrown, /^\/inloggen/),
    );
  });

  it("leaves rankings and figures off the public pages", async () => {
    const gemeente = await gemeenteLoader(routeArgs(get("/gemeente/GM0397"), { code: "GM0397" }));
    expect(gemeente.canViewFigures).toBe(false);
    const buurt = await buurtLoader(routeArgs(get("/buurt/BU03970101"), { code: "BU03970101" }));
    for (const page of [gemeente, buurt]) {
      expect(JSON.stringify(page)).not.toMatch(/rank|ranglijst|rivm_|indicator/i);
    }
  });
});

describe("annotations on figures", () => {
  const annotate = (fields: Record<string, string>, cookie?: string) =>
    figuresAction(
      routeArgs(formPost("/gemeente/GM0397/cijfers", fields, cookie), { code: "GM0397" }),
    );

  it("lets staff add context that shows beside the figure; the council reads it, cannot add", async () => {
    const fields = {
      areaCode: "BU03970008",
      indicatorKey: "rivm_ernstig_eenzaam_65plus_pct",
      text: "Veel ouderen door een groot verpleeghuis in deze buurt.",
    };
    expect((await annotate(fields, cookies.gemeente)) as { saved: boolean }).toMatchObject({
      saved: true,
    });
    await expect(annotate(fields, cookies.adviesraad)).rejects.toMatchObject({
      init: { status: 403 },
    });
    const wrongGemeente = await annotate({ ...fields, areaCode: "BU03920101" }, cookies.gemeente);
    expect(
      (wrongGemeente as { result: { error: Record<string, string[]> } }).result.error.areaCode,
    ).toEqual(["annotationArea"]);
    const empty = await annotate({ ...fields, text: " " }, cookies.gemeente);
    expect((empty as { result: { error: Record<string, string[]> } }).result.error.text).toEqual([
      "annotationRequired",
    ]);

    const page = await figures("?cijfer=rivm_ernstig_eenzaam_65plus_pct", cookies.adviesraad);
    expect(page.annotations).toMatchObject([
      { areaCode: "BU03970008", text: fields.text, author: "Sanne (demo)" },
    ]);
    expect(page.canAnnotate).toBe(false);
    expect(await db().figureAnnotation.count()).toBe(1);
  });
});
