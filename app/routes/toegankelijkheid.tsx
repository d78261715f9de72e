import type { z } from "zod";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import type { Route } from "./+types/toegankelijkheid";
import {
  accessibilityReportSchema,
  sendAccessibilityReport,
} from "../features/site/accessibility-report.server";
import { siteMessages } from "../features/site/site.messages";
import { useText } from "../shared/i18n/i18n";
import { SubmitButton, TextAreaField, TextField } from "../shared/ui/form";
import { publicPageHeaders } from "../shared/page-cache";

// The same for every signed-out visitor: shared from the page cache (decision 0029).
export const headers = publicPageHeaders;

export const meta: Route.MetaFunction = () => [{ title: "Toegankelijkheid | Buurtagenda" }];

export async function action({ request }: Route.ActionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: accessibilityReportSchema });
  if (submission.status !== "success") return { result: submission.reply(), sent: false };
  await sendAccessibilityReport(submission.value);
  return { result: submission.reply({ resetForm: true }), sent: true };
}

export default function Accessibility({ actionData }: Route.ComponentProps) {
  const t = useText(siteMessages);
  const [form, fields] = useForm<z.input<typeof accessibilityReportSchema>>({
    lastResult: actionData?.result,
  });
  return (
    <div className="stack">
      <h1 className="utrecht-heading-1">{t("a11yTitle")}</h1>
      <p className="utrecht-paragraph">{t("a11yIntro")}</p>
      <h2 className="utrecht-heading-2">{t("a11yStatusTitle")}</h2>
      <p className="utrecht-paragraph">{t("a11yStatus")}</p>
      <h2 className="utrecht-heading-2">{t("a11yKnownTitle")}</h2>
      <ul className="utrecht-unordered-list">
        <li>{t("a11yKnownMap")}</li>
      </ul>
      <h2 className="utrecht-heading-2" id="melden">
        {t("a11yReportTitle")}
      </h2>
      <p className="utrecht-paragraph">{t("a11yReportIntro")}</p>
      {actionData?.sent ? (
        <div className="utrecht-alert utrecht-alert--ok" role="status">
          <p className="utrecht-paragraph">{t("a11ySent")}</p>
        </div>
      ) : null}
      <Form method="post" className="form" {...getFormProps(form)}>
        <TextAreaField
          field={fields.problem}
          label={t("a11yProblem")}
          description={t("a11yProblemHint")}
          errors={fields.problem.errors?.map(t)}
          required
          rows={5}
        />
        <TextField
          field={fields.page}
          label={t("a11yPage")}
          required={false}
          errors={fields.page.errors?.map(t)}
        />
        <TextField
          field={fields.email}
          label={t("a11yEmail")}
          type="email"
          autoComplete="email"
          required={false}
          errors={fields.email.errors?.map(t)}
        />
        <SubmitButton>{t("a11ySend")}</SubmitButton>
      </Form>
    </div>
  );
}
