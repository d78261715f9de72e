import { Link } from "react-router";
import { formatDate, formatDay, useLocale, useText } from "../../shared/i18n/i18n";
import { documentMessages } from "../document/document.messages";
import { evaluationMessages } from "./evaluation.messages";

export interface EvaluationItem {
  id: string;
  kind: "project" | "yearly";
  title: string;
  periodFrom: string;
  periodTo: string;
  forResidents: string;
  forOrganisations: string;
  forMunicipality: string;
  bottlenecks: string;
  changes: string;
  agreements: { id: string; title: string; status: string }[];
  councilView: string;
  councilViewBy: string | null;
  councilViewAt: string | null;
}

/**
 * One evaluation as the workspace and the public page show it. `agreementHref` links the
 * agreements where the reader may open them (the workspace); the public page lists them.
 */
export function EvaluationView({
  item,
  agreementHref,
  headingLevel = 2,
}: {
  item: EvaluationItem;
  agreementHref?: (agreementId: string) => string;
  headingLevel?: 2 | 3;
}) {
  const t = useText(evaluationMessages);
  const td = useText(documentMessages);
  const locale = useLocale();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  const subClass = headingLevel === 2 ? "utrecht-heading-3" : "utrecht-heading-4";
  return (
    <article className="stack" aria-labelledby={`evaluatie-${item.id}`}>
      <Heading
        className={headingLevel === 2 ? "utrecht-heading-2" : "utrecht-heading-3"}
        id={`evaluatie-${item.id}`}
      >
        {t(`kind_${item.kind}`)}: {item.title}
      </Heading>
      <p className="source-note">
        {t("period", {
          from: formatDate(item.periodFrom, locale),
          to: formatDate(item.periodTo, locale),
        })}
      </p>
      <dl className="facts">
        {(
          ["forResidents", "forOrganisations", "forMunicipality", "bottlenecks", "changes"] as const
        ).map((name) => (
          <div key={name}>
            <dt>{t(name)}</dt>
            <dd className="story-text">{item[name]}</dd>
          </div>
        ))}
      </dl>
      <Sub className={subClass}>{t("agreementsCovered")}</Sub>
      {item.agreements.length ? (
        <ul className="utrecht-unordered-list">
          {item.agreements.map((a) => (
            <li key={a.id}>
              {agreementHref ? <Link to={agreementHref(a.id)}>{a.title}</Link> : a.title} (
              {td(`status_${a.status}` as "status_planned")})
            </li>
          ))}
        </ul>
      ) : (
        <p className="utrecht-paragraph">{t("agreementsNone")}</p>
      )}
      <Sub className={subClass}>{t("councilView")}</Sub>
      {item.councilView ? (
        <>
          <p className="utrecht-paragraph story-text">{item.councilView}</p>
          {item.councilViewAt ? (
            <p className="source-note">
              {item.councilViewBy
                ? t("councilViewBy", {
                    name: item.councilViewBy,
                    date: formatDay(item.councilViewAt, locale),
                  })
                : formatDay(item.councilViewAt, locale)}
            </p>
          ) : null}
        </>
      ) : (
        <p className="utrecht-paragraph">{t("councilViewNone")}</p>
      )}
    </article>
  );
}
