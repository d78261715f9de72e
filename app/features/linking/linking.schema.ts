import { z } from "zod";

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
