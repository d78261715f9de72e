import { z } from "zod";
import { dutchToday, isWebAddress, isoDate, text } from "../../shared/validation";
import { AGREEMENT_STATUSES } from "../document/agreements.schema";

// A progress update on an agreement (issue 8). Errors are keys of progressMessages.

export const progressSchema = z
  .object({
    intent: z.literal("progress"),
    status: z.enum(AGREEMENT_STATUSES, { error: "statusRequired" }),
    note: text(2000),
    link: text(500).refine((url) => url === "" || isWebAddress(url), { error: "linkInvalid" }),
    happenedOn: isoDate("happenedOnRequired"),
  })
  .superRefine((update, ctx) => {
    // Residents and the council read why something stopped or got stuck.
    if ((update.status === "stalled" || update.status === "dropped") && !update.note) {
      ctx.addIssue({ code: "custom", path: ["note"], message: "reasonRequired" });
    }
    if (update.happenedOn > dutchToday()) {
      ctx.addIssue({ code: "custom", path: ["happenedOn"], message: "happenedInFuture" });
    }
  });
export type ProgressInput = z.infer<typeof progressSchema>;
