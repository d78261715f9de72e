import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, href, redirect } from "react-router";
import type { Route } from "./+types/account-tweestapsverificatie";
import {
  requestContext,
  requireUser,
  retryMinutes,
  secondFactorStepUrl,
} from "../features/auth/auth-routes.server";
import { totpCodeSchema } from "../features/auth/auth.schema";
import { formatKeyForTyping } from "../features/auth/second-factor";
import { secondFactorMessages } from "../features/auth/second-factor.messages";
import { TotpCodeField } from "../features/auth/totp-code-field";
import {
  confirmEnrolment,
  enrolment,
  renewRecoveryCodes,
  secondFactorStatus,
} from "../features/auth/second-factor.server";
import { authenticate } from "../features/auth/session.server";
import { safeRedirectPath } from "../shared/http";
import { formatDate, useLocale, useText } from "../shared/i18n/i18n";
import { FormAlert, SubmitButton } from "../shared/ui/form";

// Setting up the authenticator app (staff must before their roles count) and renewing the
// recovery codes. Decision 0026.

export const meta: Route.MetaFunction = () => [{ title: "Tweestapsverificatie | Buurtagenda" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const back = safeRedirectPath(new URL(request.url).searchParams.get("terug")) ?? "/account";
  // Managing the factor is itself a staff act: first pass it.
  if (user.secondFactor === "verify") throw redirect(secondFactorStepUrl("verify", back));
  if (user.secondFactor === "not-needed") return { state: "not-needed" as const, back };
  if (user.secondFactor === "enrol") {
    const setup = (await enrolment(user.id))!;
    return {
      state: "enrol" as const,
      back,
      key: formatKeyForTyping(setup.keyBase32),
      qr: setup.qrSvg,
    };
  }
  const status = await secondFactorStatus(user.id);
  return {
    state: "enabled" as const,
    back,
    enabledAt: status.enabledAt!.toISOString(),
    codesLeft: status.recoveryCodesLeft,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireUser(request);
  const { sessionId } = await authenticate(request);
  const formData = await request.formData();
  const intent = formData.get("intent") === "renew" ? "renew" : "enrol";
  const submission = parseWithZod(formData, { schema: totpCodeSchema });
  if (submission.status !== "success") {
    return { result: submission.reply(), recoveryCodes: null, minutes: 0 };
  }
  const ip = requestContext(request, context).ip;
  let outcome;
  if (intent === "enrol" && user.secondFactor === "enrol" && sessionId) {
    outcome = await confirmEnrolment(user.id, sessionId, submission.value.code, ip);
  } else if (intent === "renew" && user.secondFactor === "passed") {
    outcome = await renewRecoveryCodes(user.id, submission.value.code, ip);
  } else {
    throw redirect(href("/account/tweestapsverificatie"));
  }
  if (outcome.ok) return { result: null, recoveryCodes: outcome.recoveryCodes, minutes: 0 };
  return {
    result: submission.reply(
      outcome.error === "rateLimited"
        ? { formErrors: ["rateLimited"] }
        : { fieldErrors: { code: [outcome.error === "codeInvalid" ? "totpFormat" : "codeWrong"] } },
    ),
    recoveryCodes: null,
    minutes: outcome.error === "rateLimited" ? retryMinutes(outcome.retryAfterSeconds ?? 60) : 0,
  };
}

function CodeForm({
  intent,
  button,
  result,
  t,
}: {
  intent: "enrol" | "renew";
  button: string;
  result: SubmissionResult<string[]> | undefined;
  t: (key: string) => string;
}) {
  const [form, fields] = useForm<{ code: string }>({ id: intent, lastResult: result });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormAlert messages={form.errors?.map(t)} />
      <input type="hidden" name="intent" value={intent} />
      <TotpCodeField field={fields.code} t={t} />
      <SubmitButton>{button}</SubmitButton>
    </Form>
  );
}

export default function TwoStepVerification({ loaderData, actionData }: Route.ComponentProps) {
  const locale = useLocale();
  const t = useText(secondFactorMessages, {
    minutes: actionData?.minutes ?? 0,
    date: loaderData.state === "enabled" ? formatDate(loaderData.enabledAt, locale) : "",
    count: loaderData.state === "enabled" ? loaderData.codesLeft : 0,
  });
  const codes = actionData?.recoveryCodes;
  return (
    <div className="form stack">
      <h1 className="utrecht-heading-1">{t("enrolTitle")}</h1>
      {codes ? (
        <section aria-labelledby="codes-title" className="stack">
          <h2 className="utrecht-heading-2" id="codes-title">
            {t("codesTitle")}
          </h2>
          <p className="utrecht-paragraph" role="status">
            {t("codesIntro")}
          </p>
          <ul className="recovery-codes">
            {codes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ul>
          <p className="utrecht-paragraph">
            <Link to={loaderData.back}>{t("continue")}</Link>
          </p>
        </section>
      ) : null}
      {loaderData.state === "not-needed" ? (
        <p className="utrecht-paragraph">{t("notNeeded")}</p>
      ) : null}
      {loaderData.state === "enrol" ? (
        <>
          <p className="utrecht-paragraph">{t("enrolIntro")}</p>
          <ol className="utrecht-ordered-list stack">
            <li>{t("enrolStep1")}</li>
            <li>
              {t("enrolStep2")}
              <img
                className="totp-qr"
                src={`data:image/svg+xml;base64,${btoa(loaderData.qr)}`}
                alt={t("qrLabel")}
                width={200}
                height={200}
              />
              <p className="utrecht-paragraph">
                {t("keyLabel")} <code className="totp-key">{loaderData.key}</code>
              </p>
            </li>
            <li>
              {t("enrolStep3")}
              <CodeForm
                intent="enrol"
                button={t("enrolButton")}
                result={actionData?.result ?? undefined}
                t={t}
              />
            </li>
          </ol>
        </>
      ) : null}
      {loaderData.state === "enabled" && !codes ? (
        <>
          <p className="utrecht-paragraph">{t("enabledStatus")}</p>
          <p className="utrecht-paragraph">
            {t(loaderData.codesLeft === 1 ? "codesLeft_one" : "codesLeft")}
          </p>
          <h2 className="utrecht-heading-2">{t("renewTitle")}</h2>
          <p className="utrecht-paragraph">{t("renewIntro")}</p>
          <CodeForm
            intent="renew"
            button={t("renewButton")}
            result={actionData?.result ?? undefined}
            t={t}
          />
        </>
      ) : null}
    </div>
  );
}
