import { z } from "zod";
import { isoDate, text } from "../../shared/validation";
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

/**
 * The preselection's question, read from the URL (a GET form, so the page can be bookmarked and
 * shared inside the gemeente): which indicators, the worst N, and on at least K of them.
 */
export const preselectionSchema = z
  .object({
    cijfer: z
      .array(indicatorKey, { error: "chooseIndicators" })
      .min(2, { error: "chooseIndicators" })
      .max(12, { error: "tooManyPreselectionIndicators" }),
    n: z.coerce
      .number({ error: "worstNInvalid" })
      .int({ error: "worstNInvalid" })
      .min(1, { error: "worstNInvalid" })
      .max(50, { error: "worstNInvalid" }),
    k: z.coerce
      .number({ error: "minHitsInvalid" })
      .int({ error: "minHitsInvalid" })
      .min(1, { error: "minHitsInvalid" }),
  })
  .refine((v) => v.k <= v.cijfer.length, { error: "minHitsTooHigh", path: ["k"] });

export const REVIEW_VERDICTS = ["confirmed", "explained", "doubt"] as const;

export const reviewCommentSchema = z.object({
  intent: z.literal("comment"),
  buurtCode: z.string({ error: "annotationArea" }).regex(BUURT_CODE, { error: "annotationArea" }),
  verdict: z.enum(REVIEW_VERDICTS, { error: "verdictRequired" }),
  text: text(2000, "commentRequired"),
});

export const focusAreaSchema = z.object({
  intent: z.literal("designate"),
  name: text(150, "focusNameRequired"),
  buurtCodes: z
    .array(z.string().regex(BUURT_CODE, { error: "focusBuurtenRequired" }), {
      error: "focusBuurtenRequired",
    })
    .min(1, { error: "focusBuurtenRequired" })
    .max(200, { error: "focusBuurtenRequired" }),
  reason: text(2000, "focusReasonRequired"),
  designatedOn: isoDate("focusDateRequired"),
});
