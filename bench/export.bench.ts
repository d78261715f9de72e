// npm run bench:export — the export budget of issue 7 / ARCHITECTURE.md §7: the PDF of a version
// with 20 agreements in < 3 s. Renders a realistic version (the template's five sections with a
// few paragraphs each, 20 embedded agreements, 5 quotes, a table) with the real export code, 10
// times each for PDF and DOCX, and prints the timings. Exits non-zero when the PDF misses.
// Needs no database: the export works from a version's frozen JSON and records.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { DocNode } from "../app/features/document/document";
import type { EmbedRecords } from "../app/features/document/document.server";
import { versionDocx, versionPdf, type ExportInput } from "../app/features/document/export.server";

const BUDGET_MS = 3000;
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const AGREEMENTS = 20;

const paragraph = (text: string): DocNode => ({
  type: "paragraph",
  content: [{ type: "text", text }],
});
const records: EmbedRecords = { agreements: {}, findings: {}, stories: {} };
const content: DocNode[] = [];
const sections = [
  "Waarom dit gebied?",
  "Wat zeggen de cijfers?",
  "Wat vertelden bewoners?",
  "Wat gaan we samen doen?",
  "Hoe houden we het bij?",
];
for (const [s, title] of sections.entries()) {
  content.push({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: title }] });
  for (let p = 0; p < 4; p++) {
    content.push(
      paragraph(
        "In de Glip en de Glipper Dreef wonen veel ouderen alleen. Bewoners vertellen over donkere paden en een buurthuis dat dicht is. De cijfers laten zien dat veel mensen moeite hebben met rondkomen.",
      ),
    );
  }
  if (s === 2) {
    for (let q = 0; q < 5; q++) {
      const id = randomUUID();
      records.stories[id] = {
        title: "",
        text: `Verhaal ${q + 1}: het pad naar de bushalte is 's avonds donker en ik loop er niet graag alleen.`,
        buurt: "De Glip",
        tellerName: q % 2 ? "Fatima" : "",
      };
      content.push({ type: "storyQuote", attrs: { storyId: id } });
    }
  }
  if (s === 3) {
    for (let a = 0; a < AGREEMENTS; a++) {
      const id = randomUUID();
      records.agreements[id] = {
        title: `Afspraak ${a + 1}: meer licht en een plek om elkaar te zien`,
        description: "Wat we doen, in gewone woorden, met wie en wanneer.",
        owner: a % 2 ? "WIJ Heemstede" : "Gemeente Heemstede",
        startsOn: "2027-01-01",
        dueOn: "2027-12-31",
        costEuros: 2500 * (a + 1),
        budgetSource: "Incidenteel budget",
        status: "planned",
      };
      content.push({ type: "agreementEmbed", attrs: { agreementId: id } });
    }
    content.push({
      type: "table",
      content: [
        {
          type: "tableRow",
          content: ["Wat", "Wie", "Wanneer"].map((c) => ({
            type: "tableHeader",
            content: [paragraph(c)],
          })),
        },
        ...Array.from({ length: 5 }, (_, r) => ({
          type: "tableRow",
          content: [`Actie ${r + 1}`, "Buurtplatform", "2027"].map((c) => ({
            type: "tableCell",
            content: [paragraph(c)],
          })),
        })),
      ],
    });
  }
}
const input: ExportInput = {
  agendaTitle: "Glip en Glipper Dreef",
  number: 1,
  publishedAt: new Date(),
  content: { type: "doc", content },
  records,
  publicUrl: "https://buurtagenda.example.nl/buurtagenda/x/versie/1",
  locale: "nl",
};

async function measure(name: string, run: () => Promise<Buffer>) {
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < RUNS + 1; i++) {
    const start = performance.now();
    size = (await run()).length;
    // The first run loads fonts and code: reported apart.
    times.push(performance.now() - start);
  }
  const [first, ...rest] = times;
  rest.sort((a, b) => a - b);
  const p = (q: number) => rest[Math.min(rest.length - 1, Math.ceil(q * rest.length) - 1)]!;
  console.log(
    `${name.padEnd(5)} first ${first!.toFixed(0)} ms, then p50 ${p(0.5).toFixed(0)} ms, p95 ${p(0.95).toFixed(0)} ms, max ${rest.at(-1)!.toFixed(0)} ms over ${RUNS} runs; ${(size / 1024).toFixed(0)} KB`,
  );
  return Math.max(first!, p(0.95));
}

console.log(
  `Export of a version with ${AGREEMENTS} agreements, 5 quotes and a table; budget PDF < ${BUDGET_MS} ms.`,
);
const pdf = await measure("PDF", () => versionPdf(input));
await measure("DOCX", () => versionDocx(input));
if (pdf >= BUDGET_MS) {
  console.log(`PDF MISS: ${pdf.toFixed(0)} ms ≥ ${BUDGET_MS} ms`);
  process.exitCode = 1;
} else {
  console.log(`PDF within budget (worst of first run and p95: ${pdf.toFixed(0)} ms).`);
}
