import { Form, Link, href, redirect } from "react-router";
import type { Route } from "./+types/uitnodiging";
import { agendaMessages } from "../features/agenda/agenda.messages";
import { acceptInvitation, getOpenInvitation } from "../features/agenda/parties.server";
import { requireUser } from "../features/auth/auth-routes.server";
import { authenticate } from "../features/auth/session.server";
import { commonMessages } from "../shared/i18n/common.messages";
import { useText } from "../shared/i18n/i18n";
import { FormAlert, SubmitButton } from "../shared/ui/form";

export const meta: Route.MetaFunction = () => [
  { title: "Uitnodiging | Buurtagenda" },
  { name: "referrer", content: "no-referrer" },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const invitation = await getOpenInvitation(params.token);
  const { user } = await authenticate(request);
  const here = `/uitnodiging/${params.token}`;
  return {
    invitation: invitation
      ? { title: invitation.title, role: invitation.role, email: invitation.email }
      : null,
    signedIn: Boolean(user),
    here,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request);
  const result = await acceptInvitation(params.token, user);
  if (result.status === "accepted")
    return redirect(href("/buurtagenda/:id/werkruimte", { id: result.agendaId }));
  return result;
}

export default function InvitationPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(agendaMessages);
  const tc = useText(commonMessages);
  const { invitation } = loaderData;
  if (!invitation || actionData?.status === "invalid") {
    return (
      <div className="stack">
        <h1 className="utrecht-heading-1">{t("acceptTitle")}</h1>
        <FormAlert messages={[t("acceptInvalid")]} />
      </div>
    );
  }
  const back = `?terug=${encodeURIComponent(loaderData.here)}`;
  return (
    <div className="stack">
      <h1 className="utrecht-heading-1">{t("acceptTitle")}</h1>
      <p className="utrecht-paragraph">
        {t("acceptIntro", { title: invitation.title, role: t(`invitableRole_${invitation.role}`) })}
      </p>
      {actionData?.status === "other-email" ? (
        <FormAlert messages={[t("acceptOtherEmail", { email: actionData.email })]} />
      ) : null}
      {loaderData.signedIn ? (
        <Form method="post">
          <SubmitButton>{t("acceptButton")}</SubmitButton>
        </Form>
      ) : (
        <>
          <p className="utrecht-paragraph">{t("acceptSignIn", { email: invitation.email })}</p>
          <ul className="utrecht-unordered-list">
            <li>
              <Link to={`${href("/inloggen")}${back}`}>{tc("signIn")}</Link>
            </li>
            <li>
              <Link to={`${href("/registreren")}${back}`}>{tc("signUp")}</Link>
            </li>
          </ul>
        </>
      )}
    </div>
  );
}
