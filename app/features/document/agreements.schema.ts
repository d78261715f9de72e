import { z } from "zod";
import { isoDate, text } from "../../shared/validation";
import { optionalEuros } from "../agenda/agenda.schema";

// The agreement form of block 7. Errors are keys of documentMessages.

export const AGREEMENT_STATUSES = ["planned", "in_progress", "done", "stalled", "dropped"] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

const ids = (max: number, foreignKey: string) =>
  z
    .array(z.string().max(40, { error: foreignKey }))
    .max(max, { error: foreignKey })
    .default([]);

export const agreementSchema = z
  .object({
    title: text(200, "agreementTitleRequired"),
    description: text(2000),
    owner: z.string({ error: "ownerRequired" }).max(40, { error: "ownerRequired" }),
    startsOn: isoDate("startsOnRequired"),
    dueOn: isoDate("dueOnRequired"),
    cost: optionalEuros({
      invalid: "costInvalid",
      negative: "costNegative",
      tooHigh: "costTooHigh",
    }),
    budgetSource: text(300),
    status: z.enum(AGREEMENT_STATUSES, { error: "statusRequired" }).default("planned"),
    findings: ids(20, "linkForeign"),
    ideas: ids(20, "linkForeign"),
    /** Indicator keys of the buurtscan the agreement aims to move ("did it help?"). */
    indicators: ids(10, "indicatorForeign"),
  })
  .superRefine((agreement, ctx) => {
    if (agreement.dueOn < agreement.startsOn) {
      ctx.addIssue({ code: "custom", path: ["dueOn"], message: "dueBeforeStart" });
    }
  });
export type AgreementInput = z.infer<typeof agreementSchema>;

/** How the agreement list can be sorted and filtered (GET parameters, so views can be shared). */
export const agreementListSchema = z.object({
  sorteer: z.enum(["datum", "status", "eigenaar", "kosten"]).catch("datum"),
  status: z.enum(AGREEMENT_STATUSES).optional().catch(undefined),
  eigenaar: z.string().max(40).optional().catch(undefined),
});
export type AgreementListQuery = z.infer<typeof agreementListSchema>;
