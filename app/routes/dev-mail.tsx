import { data } from "react-router";
import type { Route } from "./+types/dev-mail";
import { listStoredEmails } from "../shared/email/email.server";
import { isProduction } from "../shared/env.server";

export const meta: Route.MetaFunction = () => [{ title: "Verstuurde e-mail | Buurtagenda" }];

// Development only: the mail that would have gone out, so codes and links can be used locally.
export async function loader() {
  if (isProduction()) throw data(null, { status: 404 });
  return { emails: await listStoredEmails() };
}

export default function DevMail({ loaderData }: Route.ComponentProps) {
  return (
    <div className="stack mail-list">
      <h1 className="utrecht-heading-1">Verstuurde e-mail</h1>
      <p className="utrecht-paragraph">
        Alleen in ontwikkeling: e-mail wordt niet verstuurd, maar bewaard in de datamap. Nieuwste
        bovenaan.
      </p>
      {loaderData.emails.length === 0 ? (
        <p className="utrecht-paragraph">Nog geen e-mail.</p>
      ) : null}
      {loaderData.emails.map((mail) => (
        <article key={mail.id} aria-labelledby={`mail-${mail.id}`}>
          <h2 className="utrecht-heading-3" id={`mail-${mail.id}`}>
            {mail.subject}
          </h2>
          <p className="utrecht-paragraph">
            Aan: {mail.to} ·{" "}
            {new Date(mail.sentAt).toLocaleString("nl-NL", { timeZone: "Europe/Amsterdam" })}
          </p>
          <pre>{mail.text}</pre>
        </article>
      ))}
    </div>
  );
}
