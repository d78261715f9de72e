import type { z } from "zod";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import type { Route } from "./+types/wachtwoord-vergeten";
import { requestPasswordReset } from "../features/auth/accounts.server";
import { requestContext, retryMinutes } from "../features/auth/auth-routes.server";
import { requestResetSchema } from "../features/auth/auth.schema";
import { EmailField } from "../features/auth/auth-fields";
import { authMessages } from "../features/auth/auth.messages";
import { useText } from "../shared/i18n/i18n";
import { FormAlert, SubmitButton } from "../shared/ui/form";

export const meta: Route.MetaFunction = () => [{ title: "Wachtwoord vergeten | Buurtagenda" }];

export async function action({ request, context }: Route.ActionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: requestResetSchema });
  if (submission.status !== "success")
    return { result: submission.reply(), retryMinutes: 0, sent: false };
  const result = await requestPasswordReset(submission.value, requestContext(request, context));
  if (result.status === "rate-limited") {
    return {
      result: submission.reply({ formErrors: ["rateLimited"] }),
      retryMinutes: retryMinutes(result.retryAfterSeconds),
      sent: false,
    };
  }
  return { result: submission.reply(), retryMinutes: 0, sent: true };
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const t = useText(authMessages, { minutes: actionData?.retryMinutes ?? 0 });
  const [form, fields] = useForm<z.input<typeof requestResetSchema>>({
    lastResult: actionData?.result,
  });
  return (
    <div className="form stack">
      <h1 className="utrecht-heading-1">{t("resetRequestTitle")}</h1>
      {actionData?.sent ? (
        <div className="utrecht-alert utrecht-alert--ok" role="status">
          <p className="utrecht-paragraph">{t("resetRequestSent")}</p>
        </div>
      ) : (
        <>
          <p className="utrecht-paragraph">{t("resetRequestIntro")}</p>
          <FormAlert messages={form.errors?.map(t)} />
          <Form method="post" {...getFormProps(form)}>
            <EmailField field={fields.email} t={t} />
            <SubmitButton>{t("resetRequestButton")}</SubmitButton>
          </Form>
        </>
      )}
    </div>
  );
}
