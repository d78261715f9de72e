import { z } from "zod";
import { buurtCode } from "../territory/territory.schema";

export const annotationSchema = z.object({
  areaCode: buurtCode,
  indicatorKey: z.string().min(1).max(100),
  text: z
    .string({ error: "annotationRequired" })
    .trim()
    .min(1, { error: "annotationRequired" })
    .max(1000, { error: "annotationTooLong" }),
});
