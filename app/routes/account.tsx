import type { Route } from "./+types/account";
import { requireUser } from "../features/auth/auth-routes.server";
import { authMessages } from "../features/auth/auth.messages";
import { useText } from "../shared/i18n/i18n";

export const meta: Route.MetaFunction = () => [{ title: "Mijn account | Buurtagenda" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  return { email: user.email, displayName: user.displayName, assignments: user.assignments };
}

export default function Account({ loaderData }: Route.ComponentProps) {
  const t = useText(authMessages);
  return (
    <div className="stack">
      <h1 className="utrecht-heading-1">{t("accountTitle")}</h1>
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
    </div>
  );
}
