import type { z } from "zod";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, href, redirect } from "react-router";
import type { Route } from "./+types/registreren";
import { signUp } from "../features/auth/accounts.server";
import { requestContext, retryMinutes } from "../features/auth/auth-routes.server";
import { signUpSchema } from "../features/auth/auth.schema";
import { EmailField } from "../features/auth/auth-fields";
import { authMessages } from "../features/auth/auth.messages";
import { useText } from "../shared/i18n/i18n";
import { FormAlert, SubmitButton, TextField } from "../shared/ui/form";

export const meta: Route.MetaFunction = () => [{ title: "Account maken | Buurtagenda" }];

export function loader({ request }: Route.LoaderArgs) {
  return { redirectTo: new URL(request.url).searchParams.get("terug") ?? "" };
}

export async function action({ request, context }: Route.ActionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: signUpSchema });
  if (submission.status !== "success") {
    return { result: submission.reply({ hideFields: ["password"] }), retryMinutes: 0 };
  }
  const result = await signUp(submission.value, requestContext(request, context));
  if (result.status === "rate-limited") {
    return {
      result: submission.reply({ formErrors: ["rateLimited"], hideFields: ["password"] }),
      retryMinutes: retryMinutes(result.retryAfterSeconds),
    };
  }
  // The same answer whether or not the address already has an account.
  const params = new URLSearchParams({ email: submission.value.email, doel: "account" });
  const back = formData.get("redirectTo");
  if (typeof back === "string" && back) params.set("terug", back);
  return redirect(`${href("/bevestigen")}?${params}`);
}

export default function SignUp({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(authMessages, { minutes: actionData?.retryMinutes ?? 0 });
  const [form, fields] = useForm<z.input<typeof signUpSchema>>({ lastResult: actionData?.result });
  return (
    <div className="form stack">
      <h1 className="utrecht-heading-1">{t("signUpTitle")}</h1>
      <p className="utrecht-paragraph">{t("signUpIntro")}</p>
      <FormAlert messages={form.errors?.map(t)} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        <EmailField field={fields.email} t={t} />
        <TextField
          field={fields.password}
          label={t("password")}
          description={t("passwordHint")}
          type="password"
          autoComplete="new-password"
          errors={fields.password.errors?.map(t)}
        />
        <SubmitButton>{t("signUpButton")}</SubmitButton>
      </Form>
      <p className="utrecht-paragraph">
        <Link to={href("/inloggen")}>{t("signInTitle")}</Link>
      </p>
    </div>
  );
}
