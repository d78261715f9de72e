import { Link, href } from "react-router";
import type { Route } from "./+types/privacy";
import { siteMessages } from "../features/site/site.messages";
import { useText } from "../shared/i18n/i18n";
import { publicPageHeaders } from "../shared/page-cache";

// The same for every signed-out visitor: shared from the page cache (decision 0029).
export const headers = publicPageHeaders;

export const meta: Route.MetaFunction = () => [{ title: "Privacy | Buurtagenda" }];

const SECTIONS = [
  ["privacyWhatTitle", "privacyWhat"],
  ["privacyWhyTitle", "privacyWhy"],
  ["privacyWhoTitle", "privacyWho"],
  ["privacyRightsTitle", "privacyRights"],
  ["privacyContactTitle", "privacyContact"],
] as const;

export default function Privacy() {
  const t = useText(siteMessages);
  return (
    <div className="stack">
      <h1 className="utrecht-heading-1">{t("privacyTitle")}</h1>
      <p className="utrecht-paragraph">{t("privacyIntro")}</p>
      {SECTIONS.map(([title, text]) => (
        <section key={title} aria-labelledby={title}>
          <h2 className="utrecht-heading-2" id={title}>
            {t(title)}
          </h2>
          <p className="utrecht-paragraph">{t(text)}</p>
          {title === "privacyRightsTitle" ? (
            <p className="utrecht-paragraph">
              <Link to={href("/account")}>{t("privacyRightsLinks")}</Link>
            </p>
          ) : null}
        </section>
      ))}
    </div>
  );
}
