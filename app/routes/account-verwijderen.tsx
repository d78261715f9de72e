import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, href, redirect } from "react-router";
import type { Route } from "./+types/account-verwijderen";
import { authMessages } from "../features/auth/auth.messages";
import { requestContext, requireUser, retryMinutes } from "../features/auth/auth-routes.server";
import { accountDeletionView, deleteAccount } from "../features/auth/privacy.server";
import { privacyMessages } from "../features/auth/privacy.messages";
import { deleteAccountSchema, type DeleteAccountFields } from "../features/auth/privacy.schema";
import { clearedSessionCookie } from "../features/auth/session.server";
import { clearDraft, tokenFrom } from "../features/stories/story-draft.server";
import { useText } from "../shared/i18n/i18n";
import { CheckboxField, FormAlert, RadioGroup, SubmitButton, TextField } from "../shared/ui/form";

// Deleting your own account (AVG art. 17; docs/decisions/0013-privacy-export-and-deletion.md).

export const meta: Route.MetaFunction = () => [{ title: "Account verwijderen | Buurtagenda" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  return accountDeletionView(user.id);
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireUser(request);
  const view = await accountDeletionView(user.id);
  const submission = parseWithZod(await request.formData(), {
    schema: deleteAccountSchema(view.hasPassword),
  });
  const hidden = { hideFields: ["password"] };
  const refuse = (formError: string, minutes = 0) => ({
    result: submission.reply({ ...hidden, formErrors: [formError] }),
    retryMinutes: minutes,
  });
  // Refused before anything else, whatever the form says (deleteAccount checks again).
  if (view.blockingRoles.length) return refuse("blocked");
  if (submission.status !== "success") return { result: submission.reply(hidden), retryMinutes: 0 };
  const result = await deleteAccount(user.id, submission.value, {
    ...requestContext(request, context),
    draftToken: tokenFrom(request),
  });
  switch (result.status) {
    case "deleted": {
      const headers = new Headers();
      headers.append("Set-Cookie", clearedSessionCookie());
      headers.append("Set-Cookie", await clearDraft(request));
      return redirect(`${href("/")}?account-verwijderd`, { headers });
    }
    case "has-roles":
      return refuse("blocked");
    case "wrong-password":
      return {
        result: submission.reply({ ...hidden, fieldErrors: { password: ["passwordWrong"] } }),
        retryMinutes: 0,
      };
    case "rate-limited":
      return refuse("rateLimited", retryMinutes(result.retryAfterSeconds));
  }
}

export default function DeleteAccount({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(privacyMessages, { minutes: actionData?.retryMinutes ?? 0 });
  const ta = useText(authMessages);
  const [form, fields] = useForm<DeleteAccountFields>({ lastResult: actionData?.result });
  const roles = loaderData.blockingRoles.map((role) => ta(`role_${role}`)).join(", ");
  const formErrors = form.errors?.map((key) => t(key, { roles }));
  return (
    <div className="stack">
      <h1 className="utrecht-heading-1">{t("deleteTitle")}</h1>
      <p className="utrecht-paragraph">{t("deleteIntro")}</p>
      {loaderData.blockingRoles.length ? (
        <>
          <FormAlert messages={[t("blocked", { roles })]} />
          <p className="utrecht-paragraph">
            <Link to={href("/account")}>{t("cancel")}</Link>
          </p>
        </>
      ) : (
        <>
          <h2 className="utrecht-heading-2">{t("deleteWhatTitle")}</h2>
          <ul className="utrecht-unordered-list">
            <li>{t("deleteWhatAccount")}</li>
            <li>{t("deleteWhatUnpublished")}</li>
            <li>{t("deleteWhatReactions")}</li>
            <li>{t("deleteWhatIdeas")}</li>
            <li>{t("deleteWhatSessions")}</li>
            <li>{t("deleteWhatLog")}</li>
          </ul>
          <p className="utrecht-paragraph">
            <a href={href("/account/gegevens")}>{t("deleteDownloadFirst")}</a>
          </p>
          <FormAlert messages={formErrors} />
          <Form method="post" className="form" {...getFormProps(form)}>
            <RadioGroup
              field={fields.stories}
              legend={t("storiesLegend")}
              description={t("storiesCount", loaderData.stories)}
              errors={fields.stories.errors?.map(t)}
              options={[
                { value: "delete", label: t("storiesDelete") },
                { value: "keep", label: t("storiesKeep") },
              ]}
            />
            {loaderData.hasPassword ? (
              <TextField
                field={fields.password}
                label={t("password")}
                description={t("passwordHint")}
                type="password"
                autoComplete="current-password"
                errors={fields.password.errors?.map(t)}
              />
            ) : (
              <CheckboxField
                field={fields.confirm}
                label={t("confirm")}
                errors={fields.confirm.errors?.map(t)}
              />
            )}
            <SubmitButton>{t("deleteButton")}</SubmitButton>
          </Form>
          <p className="utrecht-paragraph">
            <Link to={href("/account")}>{t("cancel")}</Link>
          </p>
        </>
      )}
    </div>
  );
}
