import { z } from "zod";
import { text } from "../../shared/validation";

// The council's review notes and advice, and the municipality's answer. Keys of adviceMessages.

export const ADVICE_ANSWERS = ["adopted", "partly_adopted", "not_adopted"] as const;

export const adviceSchema = z.object({
  intent: z.literal("advice"),
  kind: z.enum(["review_note", "advice"], { error: "kindRequired" }),
  title: text(200, "titleRequired"),
  text: text(8000, "textRequired"),
  attachment: text(50_000),
  version: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      if (!/^\d{1,5}$/.test(v)) {
        ctx.addIssue({ code: "custom", message: "versionUnknown" });
        return z.NEVER;
      }
      return Number(v);
    }),
});
export type AdviceInput = z.infer<typeof adviceSchema>;

export const answerSchema = z.object({
  intent: z.literal("answer"),
  adviceId: z.string().max(40),
  answer: z.enum(ADVICE_ANSWERS, { error: "answerRequired" }),
  reason: text(4000, "answerReasonRequired"),
});
export type AnswerInput = z.infer<typeof answerSchema>;

/** Advice unanswered for longer than this is flagged on the council dashboard. */
export const ANSWER_WITHIN_DAYS = 42;
