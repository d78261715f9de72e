import { z } from "zod";
import { checkbox, isoDate, text } from "../../shared/validation";

// An evaluation of a buurtagenda (after a project, or yearly) and the council's view on it.
// Errors are keys of evaluationMessages.

export const EVALUATION_KINDS = ["project", "yearly"] as const;

export const evaluationSchema = z
  .object({
    intent: z.literal("evaluation"),
    kind: z.enum(EVALUATION_KINDS, { error: "kindRequired" }),
    title: text(200, "titleRequired"),
    periodFrom: isoDate("periodFromRequired"),
    periodTo: isoDate("periodToRequired"),
    forResidents: text(4000, "forResidentsRequired"),
    forOrganisations: text(4000, "forOrganisationsRequired"),
    forMunicipality: text(4000, "forMunicipalityRequired"),
    bottlenecks: text(4000, "bottlenecksRequired"),
    changes: text(4000, "changesRequired"),
    agreements: z
      .array(z.string().max(40, { error: "agreementForeign" }))
      .max(200, { error: "agreementForeign" })
      .default([]),
    isPublic: checkbox,
  })
  .superRefine((evaluation, ctx) => {
    if (evaluation.periodTo < evaluation.periodFrom) {
      ctx.addIssue({ code: "custom", path: ["periodTo"], message: "periodBackwards" });
    }
    // A project evaluation is about what was carried out: it names the agreements it covers.
    if (evaluation.kind === "project" && evaluation.agreements.length === 0) {
      ctx.addIssue({ code: "custom", path: ["agreements"], message: "agreementsRequired" });
    }
  });
export type EvaluationInput = z.infer<typeof evaluationSchema>;

export const councilViewSchema = z.object({
  intent: z.literal("council-view"),
  evaluationId: z.string().max(40),
  view: text(4000, "viewRequired"),
});
export type CouncilViewInput = z.infer<typeof councilViewSchema>;
