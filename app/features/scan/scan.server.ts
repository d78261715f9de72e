import { recordAuditEvent } from "../../shared/audit.server";
import { db } from "../../shared/db.server";
import type { Direction } from "./catalogue";
import { NATIONAL_AREA_CODE } from "./indicator-import.server";
import { unionBox } from "../territory/geo";
import { bboxOf, toFeatureCollection } from "../territory/territory.server";
import { NO_VALUE_COLOUR, attentionClasses } from "./classes";
import { rankAreas } from "./ranking";

// Figures per gemeente for staff, platform and council (never the public: DOMAIN.md §6).

/** Indicators with figures for the buurten of this gemeente, with their newest year. */
export async function indicatorsWithBuurtValues(gemeenteCode: string) {
  const rows = await db().$queryRaw<
    { key: string; label_nl: string; label_en: string; year: number }[]
  >`
    SELECT i.key, i.label_nl, i.label_en, max(v.year)::int AS year
    FROM indicator_value v
    JOIN indicator i ON i.key = v.indicator_key
    WHERE v.area_code IN (SELECT code FROM buurt WHERE gemeente_code = ${gemeenteCode})
    GROUP BY i.key, i.label_nl, i.label_en
    ORDER BY i.label_nl`;
  return rows.map((r) => ({ key: r.key, labelNl: r.label_nl, labelEn: r.label_en, year: r.year }));
}

/**
 * The ranglijst of one indicator over the buurten of a gemeente (newest year), with the
 * gemeente's and the national figure where the data has them.
 */
export async function rankingFor(gemeenteCode: string, indicatorKey: string) {
  const indicator = await db().indicator.findUnique({ where: { key: indicatorKey } });
  if (!indicator) return null;
  const latest = await db().$queryRaw<{ year: number | null }[]>`
    SELECT max(year)::int AS year FROM indicator_value
    WHERE indicator_key = ${indicatorKey}
      AND area_code IN (SELECT code FROM buurt WHERE gemeente_code = ${gemeenteCode})`;
  const year = latest[0]?.year ?? null;
  if (year === null) {
    return {
      indicator,
      year: null,
      map: null,
      ranked: [],
      withoutValue: [],
      gemeenteValue: null,
      nationalValue: null,
      source: null,
    };
  }
  const buurten = await db().buurt.findMany({
    where: { gemeenteCode },
    orderBy: { year: "desc" },
    distinct: ["code"],
    select: {
      code: true,
      name: true,
      geometry: true,
      bboxWest: true,
      bboxSouth: true,
      bboxEast: true,
      bboxNorth: true,
    },
  });
  // Exact codes, so PostgreSQL answers from the primary key instead of scanning the indicator.
  const values = await db().indicatorValue.findMany({
    where: {
      indicatorKey,
      year,
      areaCode: { in: [...buurten.map((b) => b.code), gemeenteCode, NATIONAL_AREA_CODE] },
    },
    select: { areaCode: true, value: true, source: true },
  });
  const nameOf = new Map(buurten.map((b) => [b.code, b.name]));
  const buurtValues = values.filter((v) => nameOf.has(v.areaCode));
  const ranked = rankAreas(
    buurtValues.map((v) => ({ code: v.areaCode, value: v.value })),
    indicator.direction as Direction,
  ).map((r) => ({ ...r, name: nameOf.get(r.code)! }));
  // The choropleth: every buurt coloured by its attention class; grey where there is no figure.
  const { classOf, legend } = attentionClasses(
    ranked.map((r) => r.value),
    indicator.direction as Direction,
  );
  const valueOf = new Map(ranked.map((r) => [r.code, r.value]));
  const map = {
    legend,
    noValueColour: NO_VALUE_COLOUR,
    areas: toFeatureCollection(buurten).features.map((feature) => {
      const code = String(feature.properties?.code);
      const value = valueOf.get(code);
      const cls = value === undefined ? null : classOf(value);
      return {
        ...feature,
        properties: {
          code,
          name: String(feature.properties?.name ?? ""),
          colour: cls === null ? NO_VALUE_COLOUR : legend[cls]!.colour,
        },
      };
    }),
    bbox: unionBox(buurten.map((b) => bboxOf(b))),
  };
  return {
    indicator,
    year,
    map,
    ranked,
    withoutValue: buurten
      .filter((b) => !buurtValues.some((v) => v.areaCode === b.code))
      .map((b) => b.name),
    gemeenteValue: values.find((v) => v.areaCode === gemeenteCode)?.value ?? null,
    nationalValue: values.find((v) => v.areaCode === NATIONAL_AREA_CODE)?.value ?? null,
    source: buurtValues[0]?.source ?? null,
  };
}

/** The context staff attached to figures of these indicators (optionally: of these areas). */
export async function annotationsFor(
  gemeenteCode: string,
  indicatorKeys: string[],
  areaCodes?: string[],
) {
  const rows = await db().figureAnnotation.findMany({
    where: {
      gemeenteCode,
      indicatorKey: { in: indicatorKeys },
      ...(areaCodes ? { areaCode: { in: areaCodes } } : {}),
    },
    orderBy: { createdAt: "asc" },
  });
  const authors = await db().user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.authorId))] } },
    select: { id: true, displayName: true, email: true },
  });
  const nameOf = new Map(authors.map((a) => [a.id, a.displayName ?? a.email]));
  return rows.map((r) => ({
    id: r.id,
    areaCode: r.areaCode,
    indicatorKey: r.indicatorKey,
    text: r.text,
    author: nameOf.get(r.authorId) ?? "",
    at: r.createdAt.toISOString(),
  }));
}

/** Adds context to one buurt's figure; the buurt must lie in the gemeente. */
export async function annotateFigure(
  actorId: string,
  gemeenteCode: string,
  input: { areaCode: string; indicatorKey: string; text: string },
): Promise<"added" | "unknown-area" | "unknown-indicator"> {
  const [buurt, indicator] = await Promise.all([
    db().buurt.findFirst({ where: { code: input.areaCode, gemeenteCode } }),
    db().indicator.findUnique({ where: { key: input.indicatorKey } }),
  ]);
  if (!buurt) return "unknown-area";
  if (!indicator) return "unknown-indicator";
  await db().$transaction(async (tx) => {
    const annotation = await tx.figureAnnotation.create({
      data: { gemeenteCode, ...input, authorId: actorId },
    });
    await recordAuditEvent(tx, {
      actorId,
      action: "figure.annotated",
      subjectType: "figure_annotation",
      subjectId: annotation.id,
      details: { areaCode: input.areaCode, indicatorKey: input.indicatorKey },
    });
  });
  return "added";
}
