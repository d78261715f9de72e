import { z } from "zod";
import { checkbox, isoDate, text } from "../../shared/validation";

// Error messages are keys into stories.messages.ts.

import {
  EVENT_KINDS,
  RECORDED_CHANNELS,
  REJECTION_REASONS,
  STORY_MAX_LENGTH,
} from "./stories.constants";

export {
  EVENT_KINDS,
  RECORDED_CHANNELS,
  REJECTION_REASONS,
  STORY_MAX_LENGTH,
  type RejectionReasonKey,
} from "./stories.constants";

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

export const duplicateSchema = z.object({
  intent: z.literal("duplicate"),
  story: z.uuid(),
  original: z.uuid({ error: "originalRequired" }),
});

export const editForAnonymitySchema = z.object({
  intent: z.literal("anonymise"),
  story: z.uuid(),
  text: text(STORY_MAX_LENGTH, "storyRequired"),
});

export const eventSchema = z.object({
  intent: z.literal("event"),
  kind: z.enum(EVENT_KINDS, { error: "eventKindRequired" }),
  title: text(120, "eventTitleRequired"),
  heldOn: isoDate("eventDateRequired"),
  place: text(200),
  invitedGroups: text(500),
});

/** A story told in person and recorded by a professional, on behalf of the teller. */
export const recordSchema = z.object({
  /** Made by the browser (offline queue); a plain form post without JavaScript has none. */
  clientKey: z
    .union([z.uuid({ error: "clientKeyInvalid" }), z.literal("")])
    .optional()
    .transform((v) => v || null),
  eventId: z
    .union([z.uuid(), z.literal("")])
    .optional()
    .transform((v) => v || null),
  buurtCode: z.string({ error: "buurtRequired" }).regex(/^BU\d{8}$/, { error: "buurtRequired" }),
  channel: z.enum(RECORDED_CHANNELS, { error: "channelRequired" }),
  text: text(STORY_MAX_LENGTH, "storyRequired"),
  themes: z.array(z.string().max(50)).max(5, { error: "tooManyThemes" }).default([]),
  tellerName: text(40),
  consentPublish: checkbox,
  consentQuote: checkbox,
});
export type RecordInput = z.infer<typeof recordSchema>;

export const reportSchema = z.object({
  reason: text(500, "reportReasonRequired"),
  terug: z.string().max(500).optional(),
});
