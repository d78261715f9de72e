import type { z } from "zod";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, href, redirect } from "react-router";
import type { Route } from "./+types/inloggen-code";
import { requestSignInCode } from "../features/auth/accounts.server";
import { requestContext, retryMinutes } from "../features/auth/auth-routes.server";
import { requestCodeSchema } from "../features/auth/auth.schema";
import { EmailField } from "../features/auth/auth-fields";
import { authMessages } from "../features/auth/auth.messages";
import { useText } from "../shared/i18n/i18n";
import { FormAlert, SubmitButton } from "../shared/ui/form";

export const meta: Route.MetaFunction = () => [{ title: "Inloggen met een code | Buurtagenda" }];

export function loader({ request }: Route.LoaderArgs) {
  return { redirectTo: new URL(request.url).searchParams.get("terug") ?? "" };
}

export async function action({ request, context }: Route.ActionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: requestCodeSchema });
  if (submission.status !== "success") return { result: submission.reply(), retryMinutes: 0 };
  const result = await requestSignInCode(submission.value, requestContext(request, context));
  if (result.status === "rate-limited") {
    return {
      result: submission.reply({ formErrors: ["rateLimited"] }),
      retryMinutes: retryMinutes(result.retryAfterSeconds),
    };
  }
  const params = new URLSearchParams({
    email: submission.value.email,
    doel: "inloggen",
    terug: submission.value.redirectTo ?? "",
  });
  return redirect(`${href("/bevestigen")}?${params}`);
}

export default function RequestCode({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(authMessages, { minutes: actionData?.retryMinutes ?? 0 });
  const [form, fields] = useForm<z.input<typeof requestCodeSchema>>({
    lastResult: actionData?.result,
  });
  return (
    <div className="form stack">
      <h1 className="utrecht-heading-1">{t("codeTitle")}</h1>
      <p className="utrecht-paragraph">{t("codeIntro")}</p>
      <FormAlert messages={form.errors?.map(t)} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        <EmailField field={fields.email} t={t} />
        <SubmitButton>{t("codeSendButton")}</SubmitButton>
      </Form>
    </div>
  );
}
