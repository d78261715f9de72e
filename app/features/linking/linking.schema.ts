import { z } from "zod";
import { checkbox, text } from "../../shared/validation";

// The thresholds are typed as whole percentages (0–100), which staff read more easily than 0.75.
const percentage = (error: string) =>
  z
    .string({ error })
    .trim()
    .regex(/^\d{1,3}$/, { error })
    .transform(Number)
    .refine((n) => n >= 1 && n <= 100, { error })
    .transform((n) => n / 100);

export const thresholdsSchema = z.object({
  intent: z.literal("thresholds"),
  statistical: percentage("statisticalThresholdInvalid"),
  storyShare: percentage("storyShareThresholdInvalid"),
  minStories: z
    .string({ error: "minStoriesInvalid" })
    .trim()
    .regex(/^\d{1,4}$/, { error: "minStoriesInvalid" })
    .transform(Number)
    .refine((n) => n >= 1 && n <= 1000, { error: "minStoriesInvalid" }),
});

export const findingSchema = z.object({
  intent: z.literal("finding"),
  title: text(120, "findingTitleRequired"),
  description: text(4000, "findingDescriptionRequired"),
  isPublic: checkbox,
  themes: z.array(z.string().max(50)).max(5, { error: "tooManyThemes" }).default([]),
  stories: z.array(z.string().max(40)).max(50).default([]),
  values: z.array(z.string().max(200)).max(100).default([]),
});
export type FindingInput = z.infer<typeof findingSchema>;

export const commentSchema = z.object({
  intent: z.literal("comment"),
  text: text(2000, "commentRequired"),
});
