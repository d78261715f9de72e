import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, href, redirect } from "react-router";
import type { Route } from "./+types/inloggen-tweede-stap";
import { requestContext, requireUser, retryMinutes } from "../features/auth/auth-routes.server";
import { recoveryCodeSchema, totpCodeSchema } from "../features/auth/auth.schema";
import { secondFactorMessages } from "../features/auth/second-factor.messages";
import { TotpCodeField } from "../features/auth/totp-code-field";
import { demoAccountCode, passSecondFactor } from "../features/auth/second-factor.server";
import { authenticate } from "../features/auth/session.server";
import { safeRedirectPath } from "../shared/http";
import { useText } from "../shared/i18n/i18n";
import { FormAlert, SubmitButton, TextField } from "../shared/ui/form";

// The second step of signing in for staff: a code from the authenticator app, or a recovery
// code. Until it is passed the session only counts as a resident's (session.server.ts).

export const meta: Route.MetaFunction = () => [{ title: "Tweede stap | Buurtagenda" }];

function backOf(value: unknown): string {
  return safeRedirectPath(value) ?? "/account";
}

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const back = backOf(new URL(request.url).searchParams.get("terug"));
  if (user.secondFactor === "enrol") {
    throw redirect(`${href("/account/tweestapsverificatie")}?terug=${encodeURIComponent(back)}`);
  }
  if (user.secondFactor !== "verify") throw redirect(back);
  return { redirectTo: back, demoCode: await demoAccountCode(user.id) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireUser(request);
  const { sessionId } = await authenticate(request);
  const formData = await request.formData();
  const intent = formData.get("intent") === "recovery" ? "recovery" : "totp";
  const submission =
    intent === "recovery"
      ? parseWithZod(formData, { schema: recoveryCodeSchema })
      : parseWithZod(formData, { schema: totpCodeSchema });
  if (submission.status !== "success") return { intent, result: submission.reply(), minutes: 0 };
  if (user.secondFactor !== "verify" || !sessionId)
    throw redirect(backOf(submission.value.redirectTo));
  const outcome = await passSecondFactor(
    user.id,
    sessionId,
    "code" in submission.value
      ? { code: submission.value.code }
      : { recoveryCode: submission.value.recoveryCode },
    requestContext(request, context).ip,
  );
  if (outcome.ok) throw redirect(backOf(submission.value.redirectTo));
  const field = intent === "recovery" ? "recoveryCode" : "code";
  const message =
    outcome.error === "rateLimited"
      ? "rateLimited"
      : intent === "recovery"
        ? "recoveryWrong"
        : outcome.error === "codeInvalid"
          ? "totpFormat"
          : "codeWrong";
  return {
    intent,
    result: submission.reply(
      outcome.error === "rateLimited"
        ? { formErrors: [message] }
        : { fieldErrors: { [field]: [message] } },
    ),
    minutes: outcome.error === "rateLimited" ? retryMinutes(outcome.retryAfterSeconds ?? 60) : 0,
  };
}

export default function SecondStep({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(secondFactorMessages, {
    minutes: actionData?.minutes ?? 0,
    code: loaderData.demoCode ?? "",
  });
  const [totpForm, totpFields] = useForm<{ code: string }>({
    id: "totp",
    lastResult: actionData?.intent === "totp" ? actionData.result : undefined,
  });
  const [recoveryForm, recoveryFields] = useForm<{ recoveryCode: string }>({
    id: "recovery",
    lastResult: actionData?.intent === "recovery" ? actionData.result : undefined,
  });
  return (
    <div className="form stack">
      <h1 className="utrecht-heading-1">{t("verifyTitle")}</h1>
      <p className="utrecht-paragraph">{t("verifyIntro")}</p>
      {loaderData.demoCode ? <p className="utrecht-paragraph">{t("demoHint")}</p> : null}
      <FormAlert messages={[...(totpForm.errors ?? []), ...(recoveryForm.errors ?? [])].map(t)} />
      <Form method="post" {...getFormProps(totpForm)}>
        <input type="hidden" name="intent" value="totp" />
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        <TotpCodeField field={totpFields.code} t={t} />
        <SubmitButton>{t("confirmButton")}</SubmitButton>
      </Form>
      <details open={actionData?.intent === "recovery"}>
        <summary>{t("useRecoveryCode")}</summary>
        <Form method="post" {...getFormProps(recoveryForm)}>
          <input type="hidden" name="intent" value="recovery" />
          <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
          <TextField
            field={recoveryFields.recoveryCode}
            label={t("recoveryCode")}
            description={t("recoveryHint")}
            errors={recoveryFields.recoveryCode.errors?.map(t)}
            autoComplete="off"
          />
          <SubmitButton>{t("recoveryButton")}</SubmitButton>
        </Form>
      </details>
      <p className="utrecht-paragraph">
        <Link to={href("/")}>{t("skip")}</Link>
      </p>
    </div>
  );
}
