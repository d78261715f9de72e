import { z } from "zod";

// The CBS area files in ../shared/data/cbs (see its README for the format).

export const gemeenteCode = z.string().regex(/^GM\d{4}$/);
export const wijkCode = z.string().regex(/^WK\d{6}$/);
export const BUURT_CODE = /^BU\d{8}$/;
export const buurtCode = z.string().regex(BUURT_CODE);

export const areasFileSchema = z.object({
  gemeente: z.object({ code: gemeenteCode, name: z.string().min(1) }),
  wijken: z
    .array(z.object({ code: wijkCode, name: z.string().min(1), parent: gemeenteCode }))
    .min(1),
  buurten: z
    .array(
      z.object({
        code: buurtCode,
        name: z.string().min(1),
        parent: wijkCode,
        gemeente: gemeenteCode,
      }),
    )
    .min(1),
});
export type AreasFile = z.infer<typeof areasFileSchema>;

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const ring = z.array(position).min(4);
export const areaGeometrySchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("Polygon"), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);

export const boundariesFileSchema = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(
    z.object({
      type: z.literal("Feature"),
      properties: z.object({ code: buurtCode, year: z.number().int().min(1900).max(2100) }),
      geometry: areaGeometrySchema,
    }),
  ),
});
export type BoundariesFile = z.infer<typeof boundariesFileSchema>;

/** Codes in URLs: upper-case them so /buurt/bu03970000 works too. */
export const buurtCodeParam = z.string().trim().toUpperCase().pipe(buurtCode);
export const gemeenteCodeParam = z.string().trim().toUpperCase().pipe(gemeenteCode);
