import { db } from "../../shared/db.server";
import { translate, type Locale } from "../../shared/i18n/i18n";
import { startPdf, type PdfCell } from "../../shared/pdf.server";
import { councilDashboard } from "./dashboard.server";
import { toDashboardFilters, type DashboardFilterParams } from "./dashboard.schema";
import { remeasureMessages } from "./remeasure.messages";
import { remeasureCells } from "./remeasure-text";
import { remeasureForAgendas } from "./remeasure.server";
import { councilReportContent, type Fact, type ReportAgenda, type ReportFilters } from "./report";

// The council report (issue 8): the dashboard of a gemeente, with the filters applied, as a
// tagged A4 PDF for a council meeting. The same figures as the page (councilDashboard); the
// tables are the accessible form, so there is no chart.

export type RemeasuredAgreement = Awaited<ReturnType<typeof remeasureForAgendas>>[number];

/** The dashboard rows with the names of each agenda's buurten, and the filters with the wijk's name. */
export async function councilReportData(
  gemeenteCode: string,
  params: DashboardFilterParams,
  now: Date,
): Promise<{ agendas: ReportAgenda[]; filters: ReportFilters; remeasured: RemeasuredAgreement[] }> {
  const [rows, wijk] = await Promise.all([
    councilDashboard(gemeenteCode, toDashboardFilters(params), { now }).then((d) => d.rows),
    params.wijk
      ? db().wijk.findFirst({
          where: { code: params.wijk, gemeenteCode },
          orderBy: { year: "desc" },
          select: { name: true },
        })
      : null,
  ]);
  const buurten = await db().buurtagendaBuurt.findMany({
    where: { agendaId: { in: rows.map((r) => r.id) } },
    orderBy: { buurtCode: "asc" },
    select: { agendaId: true, buurt: { select: { name: true } } },
  });
  const namesOf = new Map<string, string[]>();
  for (const b of buurten) {
    const names = namesOf.get(b.agendaId);
    if (names) names.push(b.buurt.name);
    else namesOf.set(b.agendaId, [b.buurt.name]);
  }
  const remeasured = await remeasureForAgendas(rows.map((r) => r.id));
  return {
    agendas: rows.map((r) => ({ ...r, buurten: namesOf.get(r.id) ?? [] })),
    filters: { ...params, ...(wijk ? { wijkName: wijk.name } : {}) },
    remeasured,
  };
}

const facts = (rows: Fact[]): PdfCell[][] =>
  rows.map(([label, value]) => [{ text: label, header: "row" }, { text: value }]);

export async function councilReportPdf(
  gemeente: { code: string; name: string },
  agendas: ReportAgenda[],
  filters: ReportFilters,
  locale: Locale,
  now: Date = new Date(),
  remeasured: RemeasuredAgreement[] = [],
): Promise<Buffer> {
  const c = councilReportContent(gemeente, agendas, filters, locale, now);
  const pdf = startPdf({ title: c.title, subject: c.subject, locale, footer: c.footer });
  const { doc, root } = pdf;
  const widths = [170, "*"];

  pdf.heading(1, c.title);
  pdf.paragraph(c.intro);

  pdf.heading(2, c.aboutTitle);
  doc.moveDown(0.3);
  pdf.table(facts(c.about), { widths });
  if (c.periodNote) {
    doc.moveDown(0.3);
    pdf.paragraph(c.periodNote, { size: 10 });
  }

  pdf.heading(2, c.summaryTitle);
  doc.moveDown(0.3);
  pdf.table(facts(c.summary), { widths });
  pdf.heading(3, c.byStatusTitle);
  doc.moveDown(0.3);
  pdf.table(
    [
      c.byStatusHeader.map((text) => ({ text, header: "column" as const })),
      ...c.byStatus.map(([label, value]): PdfCell[] => [
        { text: label, header: "row" },
        { text: value },
      ]),
    ],
    { widths },
  );
  doc.moveDown(0.3);
  pdf.paragraph(c.overdueExplain, { size: 10 });

  // An agenda's heading and table (nine short rows) stay on one page, and so does this heading
  // with the first of them.
  const agendaHeight = 230;
  pdf.keepTogether(c.none ? 60 : agendaHeight + 40);
  pdf.heading(2, c.agendasTitle);
  if (c.none) pdf.paragraph(c.none);
  for (const agenda of c.agendas) {
    const section = doc.struct("Sect");
    root.add(section);
    pdf.keepTogether(agendaHeight);
    pdf.heading(3, agenda.title, section);
    doc.moveDown(0.3);
    pdf.table(facts(agenda.facts), { widths, parent: section });
    section.end();
  }

  // Did it help? Each agreement that names indicators: then, now, change and direction.
  const tr = (key: keyof typeof remeasureMessages.nl, vars?: Record<string, string | number>) =>
    translate(remeasureMessages, locale, key, vars);
  pdf.keepTogether(120);
  pdf.heading(2, tr("title"));
  pdf.paragraph(remeasured.length ? tr("intro") : tr("noneOnDashboard"));
  const header = (["indicator", "then", "now", "change", "verdict"] as const).map(
    (key): PdfCell => ({ text: tr(key), header: "column" }),
  );
  for (const agreement of remeasured) {
    const section = doc.struct("Sect");
    root.add(section);
    pdf.keepTogether(60 + 22 * agreement.indicators.length);
    pdf.heading(3, `${agreement.agendaTitle}: ${agreement.title}`, section);
    doc.moveDown(0.3);
    const rows = agreement.indicators.flatMap((indicator) => {
      const label = locale === "nl" ? indicator.labelNl : indicator.labelEn;
      const row = (name: string, result: typeof indicator.result): PdfCell[] => [
        { text: name, header: "row" },
        ...remeasureCells(result, indicator.unit, locale).map((text) => ({ text })),
      ];
      return [
        row(label, indicator.result),
        ...indicator.buurten.map((b) =>
          row(tr("perBuurt", { indicator: label, buurt: b.name }), b.result),
        ),
      ];
    });
    pdf.table([header, ...rows], { widths: [150, "*", "*", 60, 70], parent: section });
    section.end();
  }
  return pdf.finish();
}
