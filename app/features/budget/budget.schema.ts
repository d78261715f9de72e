import { z } from "zod";
import { isoDate, text } from "../../shared/validation";
import { optionalEuros } from "../agenda/agenda.schema";

// Forms of the neighbourhood budget round. Errors are keys of budgetMessages.

export const BUDGET_METHODS = ["knapsack", "approval"] as const;

const ids = (max: number, key: string) =>
  z
    .array(z.string().max(40, { error: key }))
    .max(max, { error: key })
    .default([]);

export const openRoundSchema = z
  .object({
    intent: z.literal("open"),
    title: text(200, "titleRequired"),
    amount: optionalEuros({
      invalid: "amountInvalid",
      negative: "amountInvalid",
      tooHigh: "amountInvalid",
    }),
    method: z.enum(BUDGET_METHODS, { error: "methodRequired" }),
    opensOn: isoDate("opensOnRequired"),
    closesOn: isoDate("closesOnRequired"),
    ideas: ids(50, "ideaForeign"),
  })
  .superRefine((round, ctx) => {
    if (round.amount === null || round.amount <= 0) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "amountRequired" });
    }
    if (round.closesOn < round.opensOn) {
      ctx.addIssue({ code: "custom", path: ["closesOn"], message: "periodBackwards" });
    }
    if (new Set(round.ideas).size < 2) {
      ctx.addIssue({ code: "custom", path: ["ideas"], message: "ideasTooFew" });
    }
  });
export type OpenRoundInput = z.infer<typeof openRoundSchema>;

export const ballotSchema = z.object({
  intent: z.literal("ballot"),
  choices: ids(50, "ballotUnknownIdea"),
});

export const homeBuurtSchema = z.object({
  intent: z.literal("home-buurt"),
  buurt: z.string({ error: "buurtRequired" }).min(1, { error: "buurtRequired" }).max(20),
});

export const closeRoundSchema = z.object({
  intent: z.literal("close"),
  owner: z.string({ error: "ownerRequired" }).max(40, { error: "ownerRequired" }),
});

export const deviationSchema = z.object({
  intent: z.literal("deviate"),
  idea: z.string({ error: "ideaRequired" }).max(40, { error: "ideaRequired" }),
  include: z.enum(["ja", "nee"], { error: "includeRequired" }).transform((v) => v === "ja"),
  reason: text(2000, "reasonRequired"),
});
export type DeviationInput = z.infer<typeof deviationSchema>;
