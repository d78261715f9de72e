import { Form, Link, data, href, useSearchParams } from "react-router";
import type { Route } from "./+types/buurtagenda-versie";
import { agendaFor } from "../features/agenda/agenda-routes.server";
import { getAgendaDetails } from "../features/agenda/agenda.server";
import { diffBlocks, textBlocks, type DocNode } from "../features/document/document";
import { DocumentView } from "../features/document/document-view";
import { versionOf, versionsOf, type EmbedRecords } from "../features/document/document.server";
import { documentMessages } from "../features/document/document.messages";
import { formatDay, useLocale, useText } from "../shared/i18n/i18n";
import { PlainSelect, StatusMessage } from "../shared/ui/form";
import { publicPageHeaders } from "../shared/page-cache";

// A published version of a buurtagenda: public, citable, never changed. Earlier versions stay
// readable; `?vergelijk=N` shows what changed since version N.

// The same for every signed-out visitor: shared from the page cache (decision 0029).
export const headers = publicPageHeaders;

export const meta: Route.MetaFunction = ({ data }) => [
  {
    title: data
      ? `${data.agenda.title}, versie ${data.version.number} | Buurtagenda`
      : "Buurtagenda",
  },
];

/** An embedded record as one line of the change view, from the version's frozen record. */
function embedLine(records: EmbedRecords) {
  return (node: DocNode): string | null => {
    const id = String(Object.values(node.attrs ?? {})[0] ?? "");
    const agreement = records.agreements[id];
    if (agreement) {
      return `${agreement.title} (${agreement.owner}, ${agreement.startsOn} – ${agreement.dueOn}${agreement.costEuros === null ? "" : `, € ${agreement.costEuros}`})`;
    }
    const finding = records.findings[id];
    if (finding) return `${finding.title}: ${finding.description}`;
    const story = records.stories[id];
    return story ? `“${story.text}”` : null;
  };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { resource } = await agendaFor(request, params.id, "published.view");
  const number = Number(params.number);
  const [details, version, versions] = await Promise.all([
    getAgendaDetails(resource.agendaId),
    versionOf(resource.agendaId, number),
    versionsOf(resource.agendaId),
  ]);
  if (!version) throw data(null, { status: 404 });
  const compareTo = Number(new URL(request.url).searchParams.get("vergelijk"));
  const other =
    compareTo && compareTo !== number ? await versionOf(resource.agendaId, compareTo) : null;
  return {
    agenda: { id: resource.agendaId, title: details.title },
    version: {
      number: version.number,
      publishedAt: version.publishedAt.toISOString(),
      content: version.content,
      records: version.records,
    },
    newest: versions[0]?.number ?? version.number,
    others: versions.filter((v) => v.number !== number).map((v) => v.number),
    compare: other
      ? {
          number: other.number,
          changes: diffBlocks(
            textBlocks(other.content, embedLine(other.records)),
            textBlocks(version.content, embedLine(version.records)),
          ),
        }
      : null,
  };
}

export default function Version({ loaderData }: Route.ComponentProps) {
  const t = useText(documentMessages);
  const locale = useLocale();
  const [search] = useSearchParams();
  const { agenda, version, compare } = loaderData;
  const base = href("/buurtagenda/:id/versie/:number", {
    id: agenda.id,
    number: String(version.number),
  });
  return (
    <div className="stack">
      <p className="utrecht-paragraph">
        <Link to={href("/buurtagenda/:id", { id: agenda.id })}>{agenda.title}</Link>
      </p>
      <h1 className="utrecht-heading-1">
        {t("versionTitle", { title: agenda.title, number: version.number })}
      </h1>
      {search.get("gepubliceerd") ? (
        <StatusMessage>{t("published", { number: version.number })}</StatusMessage>
      ) : null}
      <p className="source-note">
        {t("versionPublishedOn", { date: formatDay(version.publishedAt, locale) })}
      </p>
      {loaderData.newest > version.number ? (
        <p className="utrecht-paragraph">
          <Link
            to={href("/buurtagenda/:id/versie/:number", {
              id: agenda.id,
              number: String(loaderData.newest),
            })}
          >
            {t("versionNewer", { number: loaderData.newest })}
          </Link>
        </p>
      ) : null}
      <ul className="utrecht-unordered-list">
        <li>
          <a href={`${base}/pdf`} download>
            {t("downloadPdf")}
          </a>
        </li>
        <li>
          <a href={`${base}/docx`} download>
            {t("downloadDocx")}
          </a>
        </li>
      </ul>
      <DocumentView doc={version.content} records={version.records} />
      <p className="source-note">{t("sourceCbs")}</p>
      {loaderData.others.length ? (
        <section className="section stack" aria-labelledby="vergelijken">
          <h2 className="utrecht-heading-2" id="vergelijken">
            {t("versionOthers")}
          </h2>
          <Form method="get" action={base} className="form inline-fields">
            <PlainSelect
              id="vergelijk"
              name="vergelijk"
              label={t("compareWith")}
              defaultValue={String(compare?.number ?? loaderData.others[0])}
              options={loaderData.others.map((n) => ({ value: String(n), label: String(n) }))}
            />
            <button type="submit" className="utrecht-button utrecht-button--secondary-action">
              {t("compare")}
            </button>
          </Form>
          {compare ? (
            <>
              <h3 className="utrecht-heading-3">{t("compareTitle", { number: compare.number })}</h3>
              {compare.changes.every((c) => c.kind === "same") ? (
                <p className="utrecht-paragraph">{t("compareNone")}</p>
              ) : (
                <ul className="change-list">
                  {compare.changes
                    .filter((c) => c.kind !== "same")
                    .map((c, i) => (
                      <li key={i} className={`change change--${c.kind}`}>
                        <strong>
                          {t(c.kind === "added" ? "compareAdded" : "compareRemoved")}:
                        </strong>{" "}
                        {c.kind === "removed" ? <del>{c.text}</del> : <ins>{c.text}</ins>}
                      </li>
                    ))}
                </ul>
              )}
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
