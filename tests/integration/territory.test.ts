import path from "node:path";
import { describe, expect, it } from "vitest";
import { loader as buurtLoader } from "../../app/routes/buurt";
import { loader as gemeenteLoader } from "../../app/routes/gemeente";
import { loader as homeLoader } from "../../app/routes/home";
import {
  DEMO_ACCOUNTS,
  DemoAccountsRefused,
  seedDemoAccounts,
} from "../../app/features/auth/demo-accounts.server";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { PROJECT_ROOT } from "../../app/shared/database/schema-engine.server";
import { db } from "../../app/shared/db.server";
import { setupFreshDatabase } from "../support/database";
import { get, routeArgs } from "../support/requests";

setupFreshDatabase();

async function statusOf(promise: Promise<unknown>): Promise<number | undefined> {
  try {
    await promise;
    return undefined;
  } catch (thrown) {
    return (thrown as { init?: { status?: number } }).init?.status;
  }
}

describe("seed", () => {
  it("loads the real CBS territory of every gemeente in shared/data/cbs, idempotently", async () => {
    process.env.CBS_DATA_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");
    const first = await seedDatabase();
    const counts = async () => ({
      gemeenten: await db().gemeente.count(),
      wijken: await db().wijk.count(),
      buurten: await db().buurt.count(),
      users: await db().user.count(),
      roles: await db().roleAssignment.count(),
    });
    const afterFirst = await counts();
    await seedDatabase();
    expect(await counts()).toEqual(afterFirst);

    expect(first.territory.find((t) => t.gemeente === "GM0397")).toEqual({
      gemeente: "GM0397",
      year: 2022,
      wijken: 3,
      buurten: 14,
    });
    expect(afterFirst.gemeenten).toBe(first.territory.length);
    expect(afterFirst.users).toBe(DEMO_ACCOUNTS.length);

    const heemstedeBuurten = await db().buurt.findMany({
      where: { gemeenteCode: "GM0397", year: 2022 },
    });
    expect(heemstedeBuurten).toHaveLength(14);
    for (const buurt of heemstedeBuurten) {
      expect(buurt.geometry).toMatchObject({ type: "Polygon" });
      expect(buurt.bboxWest).toBeLessThan(buurt.bboxEast);
      expect(buurt.bboxSouth).toBeLessThan(buurt.bboxNorth);
      expect(buurt.centroidLon).toBeGreaterThan(4.5);
      expect(buurt.centroidLon).toBeLessThan(4.7);
      expect(buurt.centroidLat).toBeGreaterThan(52.3);
      expect(buurt.centroidLat).toBeLessThan(52.4);
    }
  });

  it("gives one demo account per role and refuses them in production", async () => {
    const roles = await db().roleAssignment.findMany({ select: { role: true } });
    expect(new Set(roles.map((r) => r.role))).toEqual(
      new Set(["bewoner", "buurtplatform", "gemeente", "partner", "adviesraad", "beheerder"]),
    );
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      await expect(seedDemoAccounts()).rejects.toBeInstanceOf(DemoAccountsRefused);
    } finally {
      process.env.NODE_ENV = previous;
    }
  });
});

describe("territory pages", () => {
  it("lists the gemeenten on the home page", async () => {
    const data = await homeLoader();
    expect(data.gemeenten.map((g) => g.name)).toEqual(expect.arrayContaining(["Heemstede"]));
  });

  it("shows Heemstede's wijken, its 14 buurten and their polygons for the map", async () => {
    const data = await gemeenteLoader(routeArgs(get("/gemeente/GM0397"), { code: "GM0397" }));
    expect(data.wijken).toHaveLength(3);
    expect(data.buurtCount).toBe(14);
    expect(data.areas.features).toHaveLength(14);
    expect(data.areas.features[0]!.properties).toMatchObject({
      code: expect.stringMatching(/^BU0397/),
    });
    // Lower-case codes in a shared link work too.
    const lower = await gemeenteLoader(routeArgs(get("/gemeente/gm0397"), { code: "gm0397" }));
    expect(lower.gemeente.name).toBe("Heemstede");
  });

  it("shows a buurt with its wijk and gemeente", async () => {
    const data = await buurtLoader(routeArgs(get("/buurt/BU03970101"), { code: "BU03970101" }));
    expect(data.buurt).toMatchObject({ name: "Glipper Dreef en Staatsliedenbuurt", year: 2022 });
    expect(data.wijk.name).toBe("Wijk 01 Heemstede-Zuid");
    expect(data.gemeente.name).toBe("Heemstede");
  });

  it("answers 404 for unknown or malformed codes", async () => {
    expect(
      await statusOf(buurtLoader(routeArgs(get("/buurt/BU99999999"), { code: "BU99999999" }))),
    ).toBe(404);
    expect(
      await statusOf(buurtLoader(routeArgs(get("/buurt/x"), { code: "'; drop table buurt; --" }))),
    ).toBe(404);
    expect(
      await statusOf(gemeenteLoader(routeArgs(get("/gemeente/GM9999"), { code: "GM9999" }))),
    ).toBe(404);
  });
});
