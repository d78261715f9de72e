import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, href } from "react-router";
import type { Route } from "./+types/bevestigen";
import { signInWithCode, verifyEmail } from "../features/auth/accounts.server";
import {
  redirectSignedIn,
  requestContext,
  retryMinutes,
} from "../features/auth/auth-routes.server";
import { verifyCodeSchema } from "../features/auth/auth.schema";
import { EmailField } from "../features/auth/auth-fields";
import { authMessages } from "../features/auth/auth.messages";
import { useText } from "../shared/i18n/i18n";
import { FormAlert, SubmitButton, TextField } from "../shared/ui/form";

// One page to enter an emailed code, for both purposes: confirming a new account ("account")
// and signing in without a password ("inloggen").

export const meta: Route.MetaFunction = () => [{ title: "Code invullen | Buurtagenda" }];

function purposeOf(value: string | null): "account" | "inloggen" {
  return value === "inloggen" ? "inloggen" : "account";
}

export function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  return {
    email: (url.searchParams.get("email") ?? "").slice(0, 254),
    purpose: purposeOf(url.searchParams.get("doel")),
    redirectTo: url.searchParams.get("terug") ?? "",
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const formData = await request.formData();
  const purpose = purposeOf(String(formData.get("doel")));
  const submission = parseWithZod(formData, { schema: verifyCodeSchema });
  if (submission.status !== "success") {
    return { result: submission.reply(), retryMinutes: 0 };
  }
  const ctx = requestContext(request, context);
  const result =
    purpose === "account"
      ? await verifyEmail(submission.value, ctx)
      : await signInWithCode(submission.value, ctx);
  if (result.status === "signed-in") {
    return redirectSignedIn(result, submission.value.redirectTo);
  }
  if (result.status === "rate-limited") {
    return {
      result: submission.reply({ formErrors: ["rateLimited"] }),
      retryMinutes: retryMinutes(result.retryAfterSeconds),
    };
  }
  return { result: submission.reply({ fieldErrors: { code: ["codeInvalid"] } }), retryMinutes: 0 };
}

export default function VerifyCode({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(authMessages, {
    minutes: actionData?.retryMinutes ?? 0,
    email: loaderData.email,
  });
  const [form, fields] = useForm<{ email: string; code: string }>({
    lastResult: actionData?.result,
    defaultValue: { email: loaderData.email },
  });
  return (
    <div className="form stack">
      <h1 className="utrecht-heading-1">{t("verifyTitle")}</h1>
      {loaderData.email ? <p className="utrecht-paragraph">{t("verifyIntro")}</p> : null}
      <FormAlert messages={form.errors?.map(t)} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="doel" value={loaderData.purpose} />
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        <EmailField field={fields.email} t={t} />
        <TextField
          field={fields.code}
          label={t("code")}
          description={t("codeHint")}
          autoComplete="one-time-code"
          inputMode="numeric"
          errors={fields.code.errors?.map(t)}
        />
        <SubmitButton>{t("verifyButton")}</SubmitButton>
      </Form>
      <p className="utrecht-paragraph">
        <Link to={href("/inloggen/code")}>{t("codeSendButton")}</Link>
      </p>
    </div>
  );
}
