import { Form, Link } from "react-router";
import { useText } from "../../shared/i18n/i18n";
import { PlainSelect, StatusMessage } from "../../shared/ui/form";
import { Pager } from "../../shared/ui/pager";
import type { PublishedSectionData } from "./published-page.server";
import { StoryList } from "./story-list";
import { storiesPublicMessages } from "./stories-public.messages";
import { ThemeFilter, useThemeLabel } from "./theme-filter";

/**
 * The published stories of a buurt or of a buurtagenda's area: search, theme (and buurt, when the
 * area has several), the list and its pages. The pins go on the page's own map (fetched from its pin route).
 */
export function PublishedStories({
  section,
  buurten,
  path,
  report,
  tellLinks,
}: {
  section: PublishedSectionData;
  /** The buurten of the area; a buurt filter is offered when there are several. */
  buurten: { code: string; name: string }[];
  /** This page's path, for the forms' way back and the page links. */
  path: string;
  /** The outcome of "report this story" (?melding=…). */
  report: string | null;
  tellLinks: { href: string; label: string }[];
}) {
  const t = useText(storiesPublicMessages);
  const themeLabel = useThemeLabel(section.themes);
  const { filters } = section;
  const pageLink = (page: number) => {
    const query = new URLSearchParams();
    if (filters.q) query.set("zoek", filters.q);
    if (filters.theme) query.set("thema", filters.theme);
    if (filters.buurt) query.set("buurt", filters.buurt);
    if (page > 1) query.set("pagina", String(page));
    const search = query.toString();
    return `${path}${search ? `?${search}` : ""}#verhalen`;
  };
  const filtered = Boolean(filters.q || filters.theme || filters.buurt);
  return (
    <section className="section stack" aria-labelledby="verhalen">
      <h2 className="utrecht-heading-2" id="verhalen">
        {t("storiesTitle")}
      </h2>
      <ul className="link-list">
        {tellLinks.map((link) => (
          <li key={link.href}>
            <Link to={link.href}>{link.label}</Link>
          </li>
        ))}
      </ul>
      <Form method="get" className="form inline-fields" action={`${path}#verhalen`}>
        <div className="form-field">
          <label htmlFor="zoek">{t("searchLabel")}</label>
          <input
            id="zoek"
            name="zoek"
            type="search"
            defaultValue={filters.q}
            className="utrecht-textbox utrecht-textbox--html-input"
          />
        </div>
        <ThemeFilter themes={section.themes} value={filters.theme} />
        {buurten.length > 1 ? (
          <PlainSelect
            id="buurt"
            name="buurt"
            label={t("buurt")}
            defaultValue={filters.buurt}
            emptyLabel={t("allBuurten")}
            options={buurten.map((b) => ({ value: b.code, label: b.name }))}
          />
        ) : null}
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">
          {t("search")}
        </button>
      </Form>
      {report === "ontvangen" ? <StatusMessage>{t("reportReceived")}</StatusMessage> : null}
      {section.total === 0 ? (
        <p className="utrecht-paragraph">{filtered ? t("storiesNoneFound") : t("storiesNone")}</p>
      ) : (
        <>
          <p className="utrecht-paragraph" role="status">
            {t(section.total === 1 ? "storiesCountOne" : "storiesCount", {
              count: section.total,
            })}
          </p>
          <StoryList
            stories={section.stories}
            themeLabel={themeLabel}
            signedIn={section.signedIn}
            returnTo={path}
          />
          <Pager
            page={section.page}
            pageCount={section.pageCount}
            linkTo={pageLink}
            labels={{
              nav: t("pagesLabel"),
              previous: t("previousPage"),
              next: t("nextPage"),
              pageOf: t("pageOf", { page: section.page, pages: section.pageCount }),
            }}
          />
        </>
      )}
    </section>
  );
}
