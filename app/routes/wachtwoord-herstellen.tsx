import type { z } from "zod";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, href } from "react-router";
import type { Route } from "./+types/wachtwoord-herstellen";
import { isResetTokenUsable, resetPassword } from "../features/auth/accounts.server";
import { redirectSignedIn } from "../features/auth/auth-routes.server";
import { resetPasswordSchema } from "../features/auth/auth.schema";
import { NewPasswordFields } from "../features/auth/auth-fields";
import { authMessages } from "../features/auth/auth.messages";
import { useText } from "../shared/i18n/i18n";
import { FormAlert, SubmitButton } from "../shared/ui/form";

export const meta: Route.MetaFunction = () => [
  { title: "Nieuw wachtwoord | Buurtagenda" },
  { name: "referrer", content: "no-referrer" },
];

export async function loader({ params }: Route.LoaderArgs) {
  return { usable: await isResetTokenUsable(params.token) };
}

export async function action({ request, params }: Route.ActionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: resetPasswordSchema });
  if (submission.status !== "success") {
    return {
      result: submission.reply({ hideFields: ["password", "confirm"] }),
      invalidLink: false,
    };
  }
  const result = await resetPassword({ token: params.token, password: submission.value.password });
  if (result.status === "signed-in") return redirectSignedIn(result, "/account");
  return { result: submission.reply({ resetForm: true }), invalidLink: true };
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(authMessages);
  const [form, fields] = useForm<z.input<typeof resetPasswordSchema>>({
    lastResult: actionData?.result,
  });
  if (!loaderData.usable || actionData?.invalidLink) {
    return (
      <div className="form stack">
        <h1 className="utrecht-heading-1">{t("resetTitle")}</h1>
        <FormAlert messages={[t("resetLinkInvalid")]} />
        <p className="utrecht-paragraph">
          <Link to={href("/wachtwoord-vergeten")}>{t("newLink")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="form stack">
      <h1 className="utrecht-heading-1">{t("resetTitle")}</h1>
      <FormAlert messages={form.errors?.map(t)} />
      <Form method="post" {...getFormProps(form)}>
        <NewPasswordFields password={fields.password} confirm={fields.confirm} t={t} />
        <SubmitButton>{t("resetButton")}</SubmitButton>
      </Form>
    </div>
  );
}
