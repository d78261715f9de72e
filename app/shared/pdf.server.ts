import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import type { Locale } from "./i18n/i18n";

// The PDF set-up every download shares (a published agenda version, the council report): A4,
// embedded DejaVu fonts so the text is real and can be read back, a tagged structure tree with
// the document language and a shown title (PDF/UA intent), and helpers that each write one tagged
// element. Page footers are artifacts: screen readers skip them.

const require = createRequire(import.meta.url);
const FONTS = {
  Body: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  Bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
  Italic: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf"),
};

export type PdfFont = keyof typeof FONTS;
export const PDF_LINK_COLOUR = "#0b5394";
export const PDF_HEADING_SIZE = { 1: 20, 2: 15, 3: 13 } as const;
const HEADING_TAG = { 1: "H1", 2: "H2", 3: "H3" } as const;

export interface PdfStart {
  /** Shown as the window title and stored in the metadata; usually also the H1. */
  title: string;
  subject: string;
  locale: Locale;
  /** A footer line per page ("page 2 of 5"), drawn once all pages are known. */
  footer?: (page: number, pages: number) => string;
}

/** One table cell; a header cell names its column or its row for screen readers. */
export interface PdfCell {
  text: string;
  header?: "column" | "row";
}

export interface Pdf {
  doc: PDFKit.PDFDocument;
  /** The structure tree's Document element: every tagged element hangs under it. */
  root: PDFKit.PDFStructureElement;
  heading(level: 1 | 2 | 3, text: string, parent?: PDFKit.PDFStructureElement): void;
  paragraph(
    text: string,
    options?: { font?: PdfFont; size?: number; parent?: PDFKit.PDFStructureElement },
  ): void;
  list(
    items: string[],
    options?: { ordered?: boolean; size?: number; parent?: PDFKit.PDFStructureElement },
  ): void;
  /** A ruled table (Table, TR, TH with Scope, TD); column widths in points or "*". */
  table(
    rows: PdfCell[][],
    options?: { widths?: (number | string)[]; size?: number; parent?: PDFKit.PDFStructureElement },
  ): void;
  /** Starts a new page when less than `height` points are left on this one. */
  keepTogether(height: number): void;
  /** Closes the structure tree and the document; resolves with the file. */
  finish(): Promise<Buffer>;
}

export function startPdf(start: PdfStart): Pdf {
  const margin = 56;
  const doc = new PDFDocument({
    pdfVersion: "1.7",
    tagged: true,
    lang: start.locale === "nl" ? "nl-NL" : "en-GB",
    displayTitle: true,
    size: "A4",
    margin,
    // Footers need every page still open at the end, to know how many there are.
    bufferPages: Boolean(start.footer),
    info: { Title: start.title, Author: "Buurtagenda", Subject: start.subject },
    // pdfkit's types lag behind its options.
    ...({ subset: "PDF/UA" } as object),
  });
  // Fonts are asked for by name ("Bold") but opened by file path. pdfkit caches a font under the
  // key it was first opened by, and a table cell with its own font switches back by path: mixing
  // names and paths would read and parse the font file again for every cell (a 300-agenda report
  // took 50 s instead of a few).
  const open = doc.font.bind(doc);
  doc.font = ((src: unknown, ...rest: unknown[]) =>
    (open as (...args: unknown[]) => PDFKit.PDFDocument)(
      typeof src === "string" && src in FONTS ? FONTS[src as PdfFont] : src,
      ...rest,
    )) as typeof doc.font;
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const root = doc.struct("Document");
  doc.addStructure(root);

  const writeFooters = (footer: (page: number, pages: number) => string) => {
    const { start: first, count } = doc.bufferedPageRange();
    for (let i = first; i < first + count; i++) {
      doc.switchToPage(i);
      // Writing below the bottom margin would otherwise start a new page.
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.markContent("Artifact", { type: "Pagination" });
      doc
        .font("Body")
        .fontSize(8)
        .fillColor("#333333")
        .text(footer(i - first + 1, count), margin, doc.page.height - margin + 16, {
          width: doc.page.width - 2 * margin,
          align: "center",
          lineBreak: false,
        });
      doc.endMarkedContent();
      doc.fillColor("black");
      doc.page.margins.bottom = bottom;
    }
  };

  return {
    doc,
    root,
    heading(level, text, parent = root) {
      if (level > 1) doc.moveDown(0.5);
      parent.add(
        doc.struct(HEADING_TAG[level], {}, () =>
          doc.font("Bold").fontSize(PDF_HEADING_SIZE[level]).text(text),
        ),
      );
      if (level === 1) doc.moveDown(0.5);
    },
    paragraph(text, { font = "Body", size = 11, parent = root } = {}) {
      parent.add(doc.struct("P", {}, () => doc.font(font).fontSize(size).text(text)));
    },
    list(items, { ordered = false, size = 11, parent = root } = {}) {
      const list = doc.struct("L");
      parent.add(list);
      doc.font("Body").fontSize(size);
      doc.list(items, {
        listType: ordered ? "numbered" : "bullet",
        ...({ structParent: list } as object),
      });
      list.end();
    },
    table(rows, { widths, size = 10, parent = root } = {}) {
      doc.font("Body").fontSize(size);
      doc.table({
        ...(widths ? { columnStyles: widths } : {}),
        defaultStyle: { border: 0.5, borderColor: "#767676", padding: 4 },
        data: rows.map((row) =>
          row.map((cell) => ({
            text: cell.text,
            type: cell.header ? ("TH" as const) : ("TD" as const),
            font: { src: cell.header ? "Bold" : "Body", size },
            ...(cell.header === "row" ? { backgroundColor: "#f3f3f3" } : {}),
            ...(cell.header === "column" ? { backgroundColor: "#e6eef6" } : {}),
            // Scope makes each data cell name its headers (pdfkit writes the Headers attribute).
            ...({ scope: cell.header } as object),
          })),
        ),
        ...({ structParent: parent } as object),
      });
      doc.x = margin;
      doc.fillColor("black");
    },
    keepTogether(height) {
      if (doc.y + height > doc.page.maxY()) doc.addPage();
    },
    finish() {
      root.end();
      if (start.footer) writeFooters(start.footer);
      doc.end();
      return done;
    },
  };
}
