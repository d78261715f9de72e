import {
  AlignmentType,
  Document as DocxDocument,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { formatDate, formatDay, translate, type Locale } from "../../shared/i18n/i18n";
import { PDF_HEADING_SIZE, PDF_LINK_COLOUR, startPdf, type PdfFont } from "../../shared/pdf.server";
import { formatEuros } from "../agenda/money";
import type { DocNode } from "./document";
import type { EmbedRecords } from "./document.server";
import { documentMessages } from "./document.messages";

// PDF and DOCX of a published version, made on the server from its frozen JSON and records.
// The PDF is tagged (headings, paragraphs, lists, quotes, tables in a structure tree), has real
// embedded-font text and its document language, so screen readers read it (PDF/UA intent); that
// set-up is shared with the other PDF downloads (shared/pdf.server.ts). Links point to the
// public page. Figures carry the CBS attribution.

export interface ExportInput {
  agendaTitle: string;
  number: number;
  publishedAt: Date;
  content: DocNode;
  records: EmbedRecords;
  /** The public page of this version: what the export links to. */
  publicUrl: string;
  locale: Locale;
}

type Run = { text: string; bold: boolean; italic: boolean; href: string | null };

/** The inline text of a block as runs with their marks; hard breaks become spaces. */
function runs(node: DocNode): Run[] {
  if (node.type === "text") {
    const marks = node.marks ?? [];
    return [
      {
        text: node.text ?? "",
        bold: marks.some((m) => m.type === "bold"),
        italic: marks.some((m) => m.type === "italic"),
        href: (marks.find((m) => m.type === "link")?.attrs?.href as string | undefined) ?? null,
      },
    ];
  }
  if (node.type === "hardBreak") return [{ text: " ", bold: false, italic: false, href: null }];
  return (node.content ?? []).flatMap(runs);
}

/** The text of a block; paragraphs inside it (a list item, a quote, a cell) are joined by a space. */
const plain = (node: DocNode): string =>
  node.content?.some(
    (c) => c.type === "paragraph" || c.type === "bulletList" || c.type === "orderedList",
  )
    ? node.content.map(plain).filter(Boolean).join(" ")
    : runs(node)
        .map((r) => r.text)
        .join("");

/** The export's blocks, flattened: what both formats write, in order. */
type Block =
  | { kind: "heading"; level: 2 | 3; runs: Run[] }
  | { kind: "paragraph"; runs: Run[] }
  | { kind: "list"; ordered: boolean; items: string[] }
  | { kind: "quote"; text: string; caption: string }
  | { kind: "table"; rows: { header: boolean; cells: string[] }[] }
  | { kind: "record"; label: string; title: string; lines: string[] };

function blocks(input: ExportInput): Block[] {
  const t = (key: keyof typeof documentMessages.nl, vars?: Record<string, string | number>) =>
    translate(documentMessages, input.locale, key, vars);
  const out: Block[] = [];
  const walk = (node: DocNode) => {
    switch (node.type) {
      case "doc":
        node.content?.forEach(walk);
        return;
      case "heading":
        out.push({ kind: "heading", level: node.attrs?.level === 3 ? 3 : 2, runs: runs(node) });
        return;
      case "paragraph":
        if (plain(node).trim()) out.push({ kind: "paragraph", runs: runs(node) });
        return;
      case "bulletList":
      case "orderedList":
        out.push({
          kind: "list",
          ordered: node.type === "orderedList",
          items: (node.content ?? []).map(plain),
        });
        return;
      case "blockquote":
        out.push({ kind: "quote", text: plain(node), caption: "" });
        return;
      case "table":
        out.push({
          kind: "table",
          rows: (node.content ?? []).map((row) => ({
            header: (row.content ?? []).every((c) => c.type === "tableHeader"),
            cells: (row.content ?? []).map(plain),
          })),
        });
        return;
      case "agreementEmbed": {
        const a = input.records.agreements[String(node.attrs?.agreementId)];
        if (!a) return;
        out.push({
          kind: "record",
          label: t("embedAgreement"),
          title: a.title,
          lines: [
            ...(a.description ? [a.description] : []),
            t("embedAgreementFacts", {
              owner: a.owner,
              from: formatDate(a.startsOn, input.locale),
              to: formatDate(a.dueOn, input.locale),
              status: t(`status_${a.status}` as keyof typeof documentMessages.nl),
            }) +
              (a.costEuros !== null
                ? ` · ${t("costShown", { cost: formatEuros(a.costEuros, input.locale) })}`
                : "") +
              (a.budgetSource ? ` (${a.budgetSource})` : ""),
          ],
        });
        return;
      }
      case "findingEmbed": {
        const f = input.records.findings[String(node.attrs?.findingId)];
        if (f)
          out.push({
            kind: "record",
            label: t("embedFinding"),
            title: f.title,
            lines: [f.description],
          });
        return;
      }
      case "storyQuote": {
        const s = input.records.stories[String(node.attrs?.storyId)];
        if (!s) return;
        out.push({
          kind: "quote",
          text: s.text,
          caption: s.tellerName
            ? t("quoteBy", { name: s.tellerName, buurt: s.buurt })
            : t("quoteAnonymous", { buurt: s.buurt }),
        });
        return;
      }
      default:
        return;
    }
  };
  walk(input.content);
  return out;
}

function titleOf(input: ExportInput) {
  return translate(documentMessages, input.locale, "versionTitle", {
    title: input.agendaTitle,
    number: input.number,
  });
}

function footerLines(input: ExportInput) {
  const t = (key: keyof typeof documentMessages.nl, vars?: Record<string, string | number>) =>
    translate(documentMessages, input.locale, key, vars);
  return [
    t("versionPublishedOn", { date: formatDay(input.publishedAt, input.locale) }),
    t("exportOnline", { url: input.publicUrl }),
    t("sourceCbs"),
  ];
}

export async function versionPdf(input: ExportInput): Promise<Buffer> {
  const title = titleOf(input);
  const pdf = startPdf({ title, subject: input.agendaTitle, locale: input.locale });
  const { doc, root } = pdf;
  const write = (list: Run[], size: number, baseFont: PdfFont = "Body") => {
    list.forEach((run, i) => {
      const font = run.bold ? "Bold" : run.italic ? "Italic" : baseFont;
      doc
        .font(font)
        .fontSize(size)
        .fillColor(run.href ? PDF_LINK_COLOUR : "black");
      doc.text(run.text, {
        continued: i < list.length - 1,
        // null, not undefined: pdfkit carries an undefined option over from the previous run,
        // which would make the plain text after a link part of the link.
        link: run.href,
        underline: Boolean(run.href),
      });
    });
    doc.fillColor("black");
  };
  pdf.heading(1, title);
  for (const block of blocks(input)) {
    switch (block.kind) {
      case "heading":
        doc.moveDown(0.5);
        root.add(
          doc.struct(block.level === 2 ? "H2" : "H3", {}, () =>
            write(block.runs, PDF_HEADING_SIZE[block.level], "Bold"),
          ),
        );
        break;
      case "paragraph":
        root.add(doc.struct("P", {}, () => write(block.runs, 11)));
        doc.moveDown(0.3);
        break;
      case "list":
        pdf.list(block.items, { ordered: block.ordered });
        doc.moveDown(0.3);
        break;
      case "quote": {
        const quote = doc.struct("BlockQuote");
        root.add(quote);
        quote.add(
          doc.struct("P", {}, () =>
            doc.font("Italic").fontSize(11).text(`“${block.text}”`, { indent: 18 }),
          ),
        );
        if (block.caption) {
          quote.add(
            doc.struct("P", {}, () =>
              doc.font("Body").fontSize(9).text(`— ${block.caption}`, { indent: 18 }),
            ),
          );
        }
        quote.end();
        doc.moveDown(0.3);
        break;
      }
      case "table": {
        const table = doc.struct("Table");
        root.add(table);
        for (const row of block.rows) {
          const tr = doc.struct("TR");
          table.add(tr);
          for (const cell of row.cells) {
            tr.add(
              doc.struct(row.header ? "TH" : "TD", {}, () =>
                doc
                  .font(row.header ? "Bold" : "Body")
                  .fontSize(10)
                  .text(cell || " ", { indent: 12 }),
              ),
            );
          }
          tr.end();
        }
        table.end();
        doc.moveDown(0.3);
        break;
      }
      case "record": {
        const section = doc.struct("Sect");
        root.add(section);
        section.add(
          doc.struct("P", {}, () =>
            doc.font("Bold").fontSize(11).text(`${block.label}: ${block.title}`),
          ),
        );
        for (const line of block.lines) {
          section.add(doc.struct("P", {}, () => doc.font("Body").fontSize(10).text(line)));
        }
        section.end();
        doc.moveDown(0.4);
        break;
      }
    }
  }
  doc.moveDown(1);
  const [publishedOn, online, source] = footerLines(input);
  pdf.paragraph(publishedOn!, { size: 9 });
  // The whole line links to the public page of this version.
  root.add(
    doc.struct("P", {}, () =>
      doc
        .font("Body")
        .fontSize(9)
        .fillColor(PDF_LINK_COLOUR)
        .text(online!, { link: input.publicUrl }),
    ),
  );
  doc.fillColor("black");
  pdf.paragraph(source!, { size: 9 });
  return pdf.finish();
}

export async function versionDocx(input: ExportInput): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: titleOf(input), heading: HeadingLevel.HEADING_1 }),
  ];
  const textRuns = (list: Run[]) =>
    list.map((run) =>
      run.href
        ? new ExternalHyperlink({
            link: run.href,
            children: [
              new TextRun({
                text: run.text,
                style: "Hyperlink",
                bold: run.bold,
                italics: run.italic,
              }),
            ],
          })
        : new TextRun({ text: run.text, bold: run.bold, italics: run.italic }),
    );
  for (const block of blocks(input)) {
    switch (block.kind) {
      case "heading":
        children.push(
          new Paragraph({
            children: textRuns(block.runs),
            heading: block.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
          }),
        );
        break;
      case "paragraph":
        children.push(new Paragraph({ children: textRuns(block.runs) }));
        break;
      case "list":
        for (const item of block.items) {
          children.push(
            new Paragraph({
              text: item,
              numbering: { reference: block.ordered ? "numbers" : "bullets", level: 0 },
            }),
          );
        }
        break;
      case "quote":
        children.push(
          new Paragraph({
            children: [new TextRun({ text: `“${block.text}”`, italics: true })],
            indent: { left: 567 },
          }),
        );
        if (block.caption) {
          children.push(new Paragraph({ text: `— ${block.caption}`, indent: { left: 567 } }));
        }
        break;
      case "table":
        children.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: block.rows.map(
              (row) =>
                new TableRow({
                  tableHeader: row.header,
                  children: row.cells.map(
                    (cell) =>
                      new TableCell({
                        children: [
                          new Paragraph({
                            children: [new TextRun({ text: cell, bold: row.header })],
                          }),
                        ],
                      }),
                  ),
                }),
            ),
          }),
        );
        break;
      case "record":
        children.push(
          new Paragraph({
            children: [new TextRun({ text: `${block.label}: ${block.title}`, bold: true })],
          }),
        );
        for (const line of block.lines) children.push(new Paragraph({ text: line }));
        break;
    }
  }
  for (const line of footerLines(input)) {
    children.push(new Paragraph({ children: [new TextRun({ text: line, size: 18 })] }));
  }
  const language = input.locale === "nl" ? "nl-NL" : "en-GB";
  const doc = new DocxDocument({
    title: titleOf(input),
    creator: "Buurtagenda",
    styles: { default: { document: { run: { language: { value: language } } } } },
    numbering: {
      config: [
        {
          reference: "bullets",
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: "•",
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
        {
          reference: "numbers",
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: "%1.",
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
