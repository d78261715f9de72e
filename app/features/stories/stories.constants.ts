// The stories' limits and choice lists, without zod: components import them from here, so a
// resident's page does not download the validation library (stories.schema.ts runs on the server).

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

export const EVENT_KINDS = ["walk", "meeting"] as const;
export const RECORDED_CHANNELS = ["walk", "meeting", "interview", "survey"] as const;
