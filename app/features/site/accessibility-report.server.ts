import { z } from "zod";
import { env } from "../../shared/env.server";
import { sendEmail } from "../../shared/email/email.server";

export const accessibilityReportSchema = z.object({
  problem: z
    .string({ error: "problemRequired" })
    .trim()
    .min(1, { error: "problemRequired" })
    .max(5000, { error: "problemTooLong" }),
  page: z.string().trim().max(500, { error: "pageTooLong" }).optional(),
  email: z.email({ error: "emailInvalid" }).optional(),
});

export async function sendAccessibilityReport(report: z.infer<typeof accessibilityReportSchema>) {
  await sendEmail({
    to: env().ACCESSIBILITY_EMAIL,
    subject: "Melding toegankelijkheid",
    text: [
      `Probleem:\n${report.problem}`,
      `Pagina: ${report.page ?? "(niet ingevuld)"}`,
      `Antwoord naar: ${report.email ?? "(geen antwoord gevraagd)"}`,
    ].join("\n\n"),
  });
}
