import type { z } from "zod";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, href, redirect } from "react-router";
import type { Route } from "./+types/inloggen";
import { signInWithPassword } from "../features/auth/accounts.server";
import {
  redirectSignedIn,
  requestContext,
  retryMinutes,
} from "../features/auth/auth-routes.server";
import { signInSchema } from "../features/auth/auth.schema";
import { EmailField } from "../features/auth/auth-fields";
import { authMessages } from "../features/auth/auth.messages";
import { useText } from "../shared/i18n/i18n";
import { FormAlert, SubmitButton, TextField } from "../shared/ui/form";

export const meta: Route.MetaFunction = () => [{ title: "Inloggen | Buurtagenda" }];

export function loader({ request }: Route.LoaderArgs) {
  return { redirectTo: new URL(request.url).searchParams.get("terug") ?? "" };
}

export async function action({ request, context }: Route.ActionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: signInSchema });
  if (submission.status !== "success") {
    return { result: submission.reply({ hideFields: ["password"] }), retryMinutes: 0 };
  }
  const result = await signInWithPassword(submission.value, requestContext(request, context));
  switch (result.status) {
    case "signed-in":
      return redirectSignedIn(result, submission.value.redirectTo);
    case "needs-verification": {
      const params = new URLSearchParams({
        email: submission.value.email,
        doel: "account",
        terug: submission.value.redirectTo ?? "",
      });
      return redirect(`${href("/bevestigen")}?${params}`);
    }
    case "rate-limited":
      return {
        result: submission.reply({ formErrors: ["rateLimited"], hideFields: ["password"] }),
        retryMinutes: retryMinutes(result.retryAfterSeconds),
      };
    case "invalid":
      return {
        result: submission.reply({ formErrors: ["credentialsInvalid"], hideFields: ["password"] }),
        retryMinutes: 0,
      };
  }
}

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(authMessages, { minutes: actionData?.retryMinutes ?? 0 });
  const [form, fields] = useForm<z.input<typeof signInSchema>>({ lastResult: actionData?.result });
  const back = loaderData.redirectTo ? `?terug=${encodeURIComponent(loaderData.redirectTo)}` : "";
  return (
    <div className="form stack">
      <h1 className="utrecht-heading-1">{t("signInTitle")}</h1>
      <FormAlert messages={form.errors?.map(t)} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        <EmailField field={fields.email} t={t} />
        <TextField
          field={fields.password}
          label={t("password")}
          type="password"
          autoComplete="current-password"
          errors={fields.password.errors?.map(t)}
        />
        <SubmitButton>{t("signInButton")}</SubmitButton>
      </Form>
      <ul className="utrecht-unordered-list">
        <li>
          <Link to={`${href("/inloggen/code")}${back}`}>{t("signInWithCode")}</Link>
        </li>
        <li>
          <Link to={href("/wachtwoord-vergeten")}>{t("forgotPassword")}</Link>
        </li>
        <li>
          <Link to={href("/registreren")}>{t("noAccountYet")}</Link>
        </li>
      </ul>
    </div>
  );
}
