import { z } from "zod";
import { isWebAddress, isoDate, text } from "../../shared/validation";
import { optionalEuros } from "../agenda/agenda.schema";

// The forms of block 6. Errors are keys of ideasMessages.

export const VERDICTS = ["fits", "needs_decision", "does_not_fit"] as const;
export type Verdict = (typeof VERDICTS)[number];

export const INSTRUMENT_KINDS = [
  "policy_plan",
  "programme",
  "subsidy",
  "corporation_agreement",
  "budget_line",
] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

/** Ids from checkboxes; a forged or excess one gets the field's own message. */
const ids = (max: number, foreignKey: string, tooManyKey: string) =>
  z
    .array(z.string().max(40, { error: foreignKey }))
    .max(max, { error: tooManyKey })
    .default([]);

export const ideaSchema = z
  .object({
    intent: z.literal("idea"),
    title: text(120, "ideaTitleRequired"),
    description: text(2000, "ideaDescriptionRequired"),
    findings: ids(10, "findingForeign", "tooManyFindings"),
  })
  .superRefine((idea, ctx) => {
    if (idea.findings.length === 0) {
      ctx.addIssue({ code: "custom", path: ["findings"], message: "ideaFindingRequired" });
    }
  });
export type IdeaInput = z.infer<typeof ideaSchema>;

export const judgementSchema = z
  .object({
    intent: z.literal("judge"),
    verdict: z.enum(VERDICTS, { error: "verdictRequired" }),
    reason: text(2000),
    decisionBy: text(200),
    decisionDue: isoDate("dateInvalid").optional(),
    instruments: ids(20, "instrumentForeign", "tooManyInstruments"),
    cost: optionalEuros({
      invalid: "costInvalid",
      negative: "costNegative",
      tooHigh: "costTooHigh",
    }),
    budgetSource: text(300),
  })
  .superRefine((judgement, ctx) => {
    // The reason is what the resident reads; "does not fit" without one tells them nothing.
    if (judgement.verdict === "does_not_fit" && !judgement.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "reasonRequired" });
    }
    if (judgement.verdict === "needs_decision" && !judgement.decisionBy) {
      ctx.addIssue({ code: "custom", path: ["decisionBy"], message: "decisionByRequired" });
    }
  });
export type JudgementInput = z.infer<typeof judgementSchema>;

export const mergeSchema = z.object({
  intent: z.literal("merge"),
  into: z.string({ error: "mergeTargetRequired" }).max(40),
});

export const rejectIdeaSchema = z.object({
  intent: z.literal("reject"),
  note: text(1000, "rejectNoteRequired"),
});

const year = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    const n = Number(value);
    if (!/^\d{4}$/.test(value) || n < 1990 || n > 2100) {
      ctx.addIssue({ code: "custom", message: "yearInvalid" });
      return z.NEVER;
    }
    return n;
  });

export const instrumentSchema = z
  .object({
    title: text(200, "instrumentTitleRequired"),
    kind: z.enum(INSTRUMENT_KINDS, { error: "instrumentKindRequired" }),
    startYear: year,
    endYear: year,
    department: text(200),
    url: text(500).refine((url) => url === "" || isWebAddress(url), { error: "urlInvalid" }),
    description: text(2000),
  })
  .superRefine((instrument, ctx) => {
    if (instrument.startYear && instrument.endYear && instrument.endYear < instrument.startYear) {
      ctx.addIssue({ code: "custom", path: ["endYear"], message: "periodInvalid" });
    }
  });
export type InstrumentInput = z.infer<typeof instrumentSchema>;
