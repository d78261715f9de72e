import { Link, href } from "react-router";
import { formatDay, useLocale, useText } from "../../shared/i18n/i18n";
import { formatEuros } from "../agenda/money";
import { useThemeLabel, type ThemeOption } from "../stories/theme-filter";
import { practicesMessages } from "./practices.messages";

export interface PracticeCardItem {
  id: string;
  title: string;
  whatWorked: string;
  whatDidNot: string;
  costEuros: number | null;
  areaKind: string | null;
  createdAt: string;
  agreement: { title: string } | null;
  themes: string[];
  agenda: { id: string; title: string };
}

/** One good practice, as the library and the agenda's own page show it. Text is shown as text. */
export function PracticeCard({
  item,
  themes,
  gemeente,
  headingLevel = 3,
  children,
}: {
  item: PracticeCardItem;
  themes: ThemeOption[];
  /** The gemeente's name: shown in the library, where examples come from everywhere. */
  gemeente?: string;
  headingLevel?: 2 | 3;
  children?: React.ReactNode;
}) {
  const t = useText(practicesMessages);
  const locale = useLocale();
  const themeLabel = useThemeLabel(themes);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="stack" aria-labelledby={`voorbeeld-${item.id}`}>
      <Heading id={`voorbeeld-${item.id}`} className={`utrecht-heading-${headingLevel + 1}`}>
        {item.title}
      </Heading>
      {gemeente !== undefined ? (
        <p className="source-note">
          {t("from", { gemeente, agenda: item.agenda.title })} ·{" "}
          <Link to={href("/buurtagenda/:id", { id: item.agenda.id })}>{t("readAgenda")}</Link>
        </p>
      ) : null}
      <p className="utrecht-paragraph">
        {item.agreement ? t("aboutAgreement", { title: item.agreement.title }) : t("aboutAgenda")}
      </p>
      <dl className="facts">
        <dt>{t("whatWorked")}</dt>
        <dd className="story-text">{item.whatWorked}</dd>
        <dt>{t("whatDidNot")}</dt>
        <dd className="story-text">{item.whatDidNot}</dd>
        <dt>{t("cost")}</dt>
        <dd>{item.costEuros === null ? t("costUnknown") : formatEuros(item.costEuros, locale)}</dd>
        <dt>{t("areaKind")}</dt>
        <dd>{item.areaKind ? t(`area_${item.areaKind}` as "area_low") : t("areaUnknown")}</dd>
        {item.themes.length ? (
          <>
            <dt>{t("themes")}</dt>
            <dd>{item.themes.map(themeLabel).join(", ")}</dd>
          </>
        ) : null}
      </dl>
      <p className="source-note">{t("markedOn", { date: formatDay(item.createdAt, locale) })}</p>
      {children}
    </article>
  );
}
