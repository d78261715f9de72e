import { z } from "zod";
import { text } from "../../shared/validation";

// Error messages are keys into stories.messages.ts.

export const STORY_MAX_LENGTH = 2000;
export const REJECTION_REASONS = [
  "personal_data",
  "offensive",
  "not_about_area",
  "advertising",
  "duplicate",
  "other",
] as const;
export type RejectionReasonKey = (typeof REJECTION_REASONS)[number];

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "ja");

const coordinate = (min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const n = Number(v);
      if (!Number.isFinite(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: "pointInvalid" });
        return z.NEVER;
      }
      return n;
    });

/** What a resident types; the buurt comes from the URL, the teller from the session. */
export const tellSchema = z
  .object({
    title: text(120),
    text: text(STORY_MAX_LENGTH, "storyRequired"),
    themes: z.array(z.string().max(50)).max(5, { error: "tooManyThemes" }).default([]),
    lon: coordinate(-180, 180),
    lat: coordinate(-90, 90),
    consentPublish: checkbox,
    consentQuote: checkbox,
    showName: checkbox,
    tellerName: text(40),
  })
  .refine((v) => (v.lon === null) === (v.lat === null), { error: "pointInvalid", path: ["lon"] })
  .refine((v) => !v.showName || v.tellerName.length > 0, {
    error: "tellerNameRequired",
    path: ["tellerName"],
  });
export type TellInput = z.infer<typeof tellSchema>;

export const rejectSchema = z.object({
  intent: z.literal("reject"),
  story: z.uuid(),
  reason: z.enum(REJECTION_REASONS, { error: "reasonRequired" }),
  note: text(1000),
});

export const editForAnonymitySchema = z.object({
  intent: z.literal("anonymise"),
  story: z.uuid(),
  text: text(STORY_MAX_LENGTH, "storyRequired"),
});
