import { z } from "zod";
import { BUURT_CODE } from "../territory/territory.schema";

export const annotationSchema = z.object({
  areaCode: z.string({ error: "annotationArea" }).regex(BUURT_CODE, { error: "annotationArea" }),
  indicatorKey: z
    .string({ error: "annotationIndicator" })
    .min(1, { error: "annotationIndicator" })
    .max(100, { error: "annotationIndicator" }),
  text: z
    .string({ error: "annotationRequired" })
    .trim()
    .min(1, { error: "annotationRequired" })
    .max(1000, { error: "annotationTooLong" }),
});

const indicatorKey = z.string().min(1).max(100);

/** Starting a scan or changing its indicators: between 1 and 20, so the scan stays readable. */
export const scanIndicatorsSchema = z.object({
  intent: z.enum(["start", "indicators"]),
  indicator: z
    .array(indicatorKey, { error: "chooseIndicator" })
    .min(1, { error: "chooseIndicator" })
    .max(20, { error: "tooManyIndicators" }),
});

export const scanNumberSchema = z.object({
  intent: z.literal("freeze"),
  scan: z.coerce.number().int().positive(),
});

export const scanAnnotationSchema = annotationSchema.extend({ intent: z.literal("annotate") });
