import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, href, redirect } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/account";
import { changePassword, hasPassword } from "../features/auth/accounts.server";
import { NewPasswordFields } from "../features/auth/auth-fields";
import { authMessages } from "../features/auth/auth.messages";
import { requestContext, requireUser, retryMinutes } from "../features/auth/auth-routes.server";
import { changePasswordSchema } from "../features/auth/auth.schema";
import { sessionCookie } from "../features/auth/session.server";
import { can } from "../features/auth/permissions";
import { privacyMessages } from "../features/auth/privacy.messages";
import { secondFactorMessages } from "../features/auth/second-factor.messages";
import { useText } from "../shared/i18n/i18n";
import { FormAlert, SubmitButton, TextField } from "../shared/ui/form";

export const meta: Route.MetaFunction = () => [{ title: "Mijn account | Buurtagenda" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  return {
    email: user.email,
    // Roles waiting for the second factor are still the person's roles.
    assignments: [...user.assignments, ...user.withheldAssignments],
    needsSecondFactor: user.secondFactor !== "not-needed",
    hasPassword: await hasPassword(user.id),
    passwordChanged: new URL(request.url).searchParams.has("wachtwoord-gewijzigd"),
    canImport: can(user, "data.import", { kind: "installation" }),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: changePasswordSchema });
  const hidden = { hideFields: ["current", "password", "confirm"] };
  if (submission.status !== "success") return { result: submission.reply(hidden), retryMinutes: 0 };
  const result = await changePassword(user.id, submission.value, requestContext(request, context));
  switch (result.status) {
    case "signed-in":
      return redirect("/account?wachtwoord-gewijzigd", {
        headers: { "Set-Cookie": sessionCookie(result.sessionToken) },
      });
    case "wrong-password":
      return {
        result: submission.reply({ ...hidden, fieldErrors: { current: ["currentPasswordWrong"] } }),
        retryMinutes: 0,
      };
    case "rate-limited":
      return {
        result: submission.reply({ ...hidden, formErrors: ["rateLimited"] }),
        retryMinutes: retryMinutes(result.retryAfterSeconds),
      };
  }
}

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(authMessages, { minutes: actionData?.retryMinutes ?? 0 });
  const tp = useText(privacyMessages);
  const ts = useText(secondFactorMessages);
  const [form, fields] = useForm<z.input<typeof changePasswordSchema>>({
    lastResult: actionData?.result,
  });
  return (
    <div className="stack">
      <h1 className="utrecht-heading-1">{t("accountTitle")}</h1>
      {loaderData.passwordChanged ? (
        <div className="utrecht-alert utrecht-alert--ok" role="status">
          <p className="utrecht-paragraph">{t("passwordChanged")}</p>
        </div>
      ) : null}
      <dl className="facts">
        <dt>{t("accountEmail")}</dt>
        <dd>{loaderData.email}</dd>
      </dl>
      <h2 className="utrecht-heading-2">{t("accountRoles")}</h2>
      {loaderData.assignments.length === 0 ? (
        <p className="utrecht-paragraph">{t("accountNoRoles")}</p>
      ) : (
        <ul className="utrecht-unordered-list">
          {loaderData.assignments.map((a) => (
            <li key={`${a.role}-${a.scopeType}-${a.scopeId}`}>
              {t(`role_${a.role}`)}: {a.scopeId}
            </li>
          ))}
        </ul>
      )}
      {loaderData.canImport ? (
        <p className="utrecht-paragraph">
          <Link to={href("/beheer/import")}>{t("importLink")}</Link>
        </p>
      ) : null}
      {loaderData.needsSecondFactor ? (
        <>
          <h2 className="utrecht-heading-2">{ts("enrolTitle")}</h2>
          <p className="utrecht-paragraph">
            <Link to={href("/account/tweestapsverificatie")}>{ts("manageLink")}</Link>
          </p>
        </>
      ) : null}
      <h2 className="utrecht-heading-2">
        {loaderData.hasPassword ? t("changePasswordTitle") : t("setPasswordTitle")}
      </h2>
      <p className="utrecht-paragraph">
        {loaderData.hasPassword ? t("changePasswordIntro") : t("setPasswordIntro")}
      </p>
      <FormAlert messages={form.errors?.map(t)} />
      <Form method="post" className="form" {...getFormProps(form)}>
        {loaderData.hasPassword ? (
          <TextField
            field={fields.current}
            label={t("currentPassword")}
            type="password"
            autoComplete="current-password"
            errors={fields.current.errors?.map(t)}
          />
        ) : null}
        <NewPasswordFields password={fields.password} confirm={fields.confirm} t={t} />
        <SubmitButton>{t("changePasswordButton")}</SubmitButton>
      </Form>
      <h2 className="utrecht-heading-2">{tp("dataTitle")}</h2>
      <p className="utrecht-paragraph">
        <a href={href("/account/gegevens")}>{tp("downloadLink")}</a>. {tp("downloadIntro")}
      </p>
      <p className="utrecht-paragraph">
        <Link to={href("/account/verwijderen")}>{tp("deleteLink")}</Link>. {tp("deleteLinkIntro")}
      </p>
    </div>
  );
}
