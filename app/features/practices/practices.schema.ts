import { z } from "zod";
import { text } from "../../shared/validation";
import { AREA_KINDS, COST_BANDS, type CostBand } from "./area-kind";

// Marking a good practice, and the library's search. Errors are keys of practicesMessages.

export { LIBRARY_PAGE_SIZE, WHOLE_AGENDA } from "./practices.constants";

export const practiceSchema = z.object({
  intent: z.literal("mark"),
  subject: z.string({ error: "subjectRequired" }).max(40, { error: "subjectRequired" }),
  title: text(200, "titleRequired"),
  whatWorked: text(4000, "whatWorkedRequired"),
  whatDidNot: text(4000, "whatDidNotRequired"),
  themes: z
    .array(z.string().max(60, { error: "themeUnknown" }))
    .max(20, { error: "themeUnknown" })
    .default([]),
});
export type PracticeInput = z.infer<typeof practiceSchema>;

/** The library's filters; anything unexpected in the URL falls back to "all". */
export const librarySchema = z.object({
  q: z.string().trim().max(200).catch(""),
  thema: z.string().max(60).catch(""),
  gebied: z.enum(["", ...AREA_KINDS] as const).catch(""),
  kosten: z.enum(["", ...(Object.keys(COST_BANDS) as CostBand[])] as const).catch(""),
  gemeente: z
    .string()
    .regex(/^(GM\d{4})?$/)
    .catch(""),
});
export type LibraryQuery = z.infer<typeof librarySchema>;
