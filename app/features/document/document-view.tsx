import type { ReactNode } from "react";
import { formatDate, useLocale, useText } from "../../shared/i18n/i18n";
import { formatEuros } from "../agenda/money";
import type { DocNode } from "./document";
import type { EmbedRecords } from "./document.server";
import type { PlainLanguageFlag } from "./plain-language";
import { documentMessages } from "./document.messages";

// The agenda document as React elements, from its JSON: the same on the server and in the
// browser, with no HTML string anywhere (React escapes every text; links were checked on save).
// Embedded records come from `records`: live while drafting, frozen in a published version.

type Records = EmbedRecords;

function Marks({ node, children }: { node: DocNode; children: ReactNode }) {
  let out = children;
  for (const mark of node.marks ?? []) {
    switch (mark.type) {
      case "bold":
        out = <strong>{out}</strong>;
        break;
      case "italic":
        out = <em>{out}</em>;
        break;
      case "underline":
        out = <u>{out}</u>;
        break;
      case "strike":
        out = <s>{out}</s>;
        break;
      case "link":
        out = (
          <a href={String(mark.attrs?.href ?? "")} rel="noopener noreferrer nofollow">
            {out}
          </a>
        );
        break;
    }
  }
  return <>{out}</>;
}

export function AgreementCard({ record }: { record: Records["agreements"][string] | undefined }) {
  const t = useText(documentMessages);
  const locale = useLocale();
  if (!record) return <p className="embed embed--missing">{t("embedMissing")}</p>;
  return (
    <div className="embed embed--agreement">
      <p className="embed__kind">{t("embedAgreement")}</p>
      <p className="embed__title">{record.title}</p>
      {record.description ? <p className="utrecht-paragraph">{record.description}</p> : null}
      <p className="source-note">
        {t("embedAgreementFacts", {
          owner: record.owner,
          from: formatDate(record.startsOn, locale),
          to: formatDate(record.dueOn, locale),
          status: t(`status_${record.status}`),
        })}
        {record.costEuros !== null
          ? ` · ${t("costShown", { cost: formatEuros(record.costEuros, locale) })}`
          : ""}
        {record.budgetSource ? ` (${record.budgetSource})` : ""}
      </p>
    </div>
  );
}

export function FindingCard({ record }: { record: Records["findings"][string] | undefined }) {
  const t = useText(documentMessages);
  if (!record) return <p className="embed embed--missing">{t("embedMissing")}</p>;
  return (
    <div className="embed embed--finding">
      <p className="embed__kind">{t("embedFinding")}</p>
      <p className="embed__title">{record.title}</p>
      <p className="utrecht-paragraph">{record.description}</p>
    </div>
  );
}

/** A resident's words as told, with their first name only when they chose to show it. */
export function QuoteCard({ record }: { record: Records["stories"][string] | undefined }) {
  const t = useText(documentMessages);
  if (!record) return <p className="embed embed--missing">{t("embedQuoteMissing")}</p>;
  return (
    <figure className="embed embed--quote">
      <blockquote className="utrecht-blockquote">
        <p className="utrecht-paragraph story-text">{record.text}</p>
      </blockquote>
      <figcaption className="source-note">
        {record.tellerName
          ? t("quoteBy", { name: record.tellerName, buurt: record.buurt })
          : t("quoteAnonymous", { buurt: record.buurt })}
      </figcaption>
    </figure>
  );
}

function Block({
  node,
  records,
  shift,
}: {
  node: DocNode;
  records: Records;
  shift: number;
}): ReactNode {
  const children = (node.content ?? []).map((child, i) => (
    <Block key={i} node={child} records={records} shift={shift} />
  ));
  switch (node.type) {
    case "doc":
      return <>{children}</>;
    case "text":
      return <Marks node={node}>{node.text}</Marks>;
    case "paragraph":
      return <p className="utrecht-paragraph">{children}</p>;
    case "heading": {
      const level = Math.min(6, (node.attrs?.level === 3 ? 3 : 2) + shift);
      const Heading = `h${level}` as "h2";
      return <Heading className={`utrecht-heading-${level}`}>{children}</Heading>;
    }
    case "bulletList":
      return <ul className="utrecht-unordered-list">{children}</ul>;
    case "orderedList":
      return (
        <ol className="utrecht-ordered-list" start={Number(node.attrs?.start ?? 1)}>
          {children}
        </ol>
      );
    case "listItem":
      return <li>{children}</li>;
    case "blockquote":
      return <blockquote className="utrecht-blockquote">{children}</blockquote>;
    case "horizontalRule":
      return <hr />;
    case "hardBreak":
      return <br />;
    case "table":
      return (
        <table className="data-table">
          <tbody>{children}</tbody>
        </table>
      );
    case "tableRow":
      return <tr>{children}</tr>;
    case "tableHeader":
      return (
        <th scope="col" colSpan={Number(node.attrs?.colspan ?? 1)}>
          {children}
        </th>
      );
    case "tableCell":
      return <td colSpan={Number(node.attrs?.colspan ?? 1)}>{children}</td>;
    case "agreementEmbed":
      return <AgreementCard record={records.agreements[String(node.attrs?.agreementId)]} />;
    case "findingEmbed":
      return <FindingCard record={records.findings[String(node.attrs?.findingId)]} />;
    case "storyQuote":
      return <QuoteCard record={records.stories[String(node.attrs?.storyId)]} />;
    default:
      return null;
  }
}

/**
 * `shift` moves the text's headings down (1: its h2 become h3) where the document sits under a
 * heading of its own, such as "De buurtagenda" on the public page.
 */
export function DocumentView({
  doc,
  records,
  shift = 0,
}: {
  doc: DocNode;
  records: Records;
  shift?: number;
}) {
  return (
    <div className="agenda-document">
      <Block node={doc} records={records} shift={shift} />
    </div>
  );
}

/** The plain-language flags of the text: while typing (editor) and on the saved draft. */
export function PlainLanguageList({ flags }: { flags: PlainLanguageFlag[] }) {
  const t = useText(documentMessages);
  return (
    <div className="plain-language">
      <h3 className="utrecht-heading-3">{t("plainTitle")}</h3>
      {/* Only the count is announced while typing, not the whole list on every key. */}
      <p className="visually-hidden" aria-live="polite">
        {t("plainCount", { count: flags.length })}
      </p>
      {flags.length === 0 ? (
        <p className="utrecht-paragraph">{t("plainNone")}</p>
      ) : (
        <ul className="utrecht-unordered-list">
          {flags.map((flag, i) => (
            <li key={i}>
              {flag.kind === "long"
                ? t("plainLong", { words: flag.words, sentence: flag.sentence })
                : t("plainWord", { word: flag.word, plain: flag.plain, sentence: flag.sentence })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
