import { describe, expect, it } from "vitest";
import { checkDocument, diffBlocks, embeddedIds, templateDocument, textBlocks } from "./document";

const ID = "0b6c0f7e-1b2a-4c3d-8e9f-0a1b2c3d4e5f";
const doc = (...content: unknown[]) => JSON.stringify({ type: "doc", content });
const paragraph = (text: string, marks?: unknown[]) => ({
  type: "paragraph",
  content: [{ type: "text", text, ...(marks ? { marks } : {}) }],
});

describe("checkDocument", () => {
  it("accepts headings, lists, quotes, tables, links and embedded records", () => {
    const result = checkDocument(
      doc(
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Waarom?" }] },
        paragraph("Zie de site", [{ type: "link", attrs: { href: "https://heemstede.nl" } }]),
        { type: "bulletList", content: [{ type: "listItem", content: [paragraph("een")] }] },
        { type: "blockquote", content: [paragraph("citaat")] },
        {
          type: "table",
          content: [
            { type: "tableRow", content: [{ type: "tableHeader", content: [paragraph("Wat")] }] },
          ],
        },
        { type: "agreementEmbed", attrs: { agreementId: ID } },
        { type: "storyQuote", attrs: { storyId: ID } },
      ),
    );
    expect(result.ok).toBe(true);
  });

  it("refuses a javascript: link, and a relative one", () => {
    for (const href of [
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      "/admin",
      "data:text/html,x",
    ]) {
      expect(checkDocument(doc(paragraph("klik", [{ type: "link", attrs: { href } }])))).toEqual({
        ok: false,
        error: "linkNotAllowed",
      });
    }
  });

  it("refuses unknown nodes (pasted HTML such as a script), bad structure and forged ids", () => {
    const bad = [
      doc({ type: "script", content: [{ type: "text", text: "alert(1)" }] }),
      doc({ type: "text", text: "loose text at the top" }),
      doc({ type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "H1" }] }),
      doc({ type: "agreementEmbed", attrs: { agreementId: "1; DROP TABLE" } }),
      doc({ type: "agreementEmbed" }),
      "not json",
      JSON.stringify({ type: "paragraph" }),
    ];
    for (const text of bad) expect(checkDocument(text)).toMatchObject({ ok: false });
  });

  it("drops attributes the schema does not know", () => {
    const result = checkDocument(
      doc({
        type: "paragraph",
        attrs: { onclick: "alert(1)" },
        content: [{ type: "text", text: "x" }],
      }),
    );
    expect(result.ok && JSON.stringify(result.doc)).not.toContain("onclick");
  });

  it("refuses a document that is too large", () => {
    expect(checkDocument(doc(paragraph("x".repeat(400_001))))).toEqual({
      ok: false,
      error: "documentTooLarge",
    });
  });
});

describe("embeddedIds and textBlocks", () => {
  it("lists each embedded record once and the text per block", () => {
    const parsed = JSON.parse(
      doc(
        { type: "agreementEmbed", attrs: { agreementId: ID } },
        { type: "agreementEmbed", attrs: { agreementId: ID } },
        paragraph("Eerste zin."),
        { type: "bulletList", content: [{ type: "listItem", content: [paragraph("Punt")] }] },
      ),
    );
    expect(embeddedIds(parsed)).toEqual({ agreementEmbed: [ID], findingEmbed: [], storyQuote: [] });
    expect(textBlocks(parsed)).toEqual(["Eerste zin.", "Punt"]);
  });

  it("makes a template with the questions as headings", () => {
    const template = templateDocument({
      why: "Waarom",
      figures: "Cijfers",
      stories: "Verhalen",
      together: "Samen",
      followUp: "Volgen",
      placeholder: "Schrijf hier.",
    });
    expect(checkDocument(JSON.stringify(template)).ok).toBe(true);
    expect(textBlocks(template).filter((b) => b !== "Schrijf hier.")).toEqual([
      "Waarom",
      "Cijfers",
      "Verhalen",
      "Samen",
      "Volgen",
    ]);
  });
});

describe("diffBlocks", () => {
  it("keeps what stayed, and marks what was added and removed, in reading order", () => {
    expect(
      diffBlocks(["Waarom", "Oud plan", "Slot"], ["Waarom", "Nieuw plan", "Extra", "Slot"]),
    ).toEqual([
      { kind: "same", text: "Waarom" },
      { kind: "added", text: "Nieuw plan" },
      { kind: "added", text: "Extra" },
      { kind: "removed", text: "Oud plan" },
      { kind: "same", text: "Slot" },
    ]);
  });

  it("stays fast on long texts that differ everywhere", () => {
    const before = Array.from({ length: 3000 }, (_, i) => `oud ${i}`);
    const after = Array.from({ length: 3000 }, (_, i) => `nieuw ${i}`);
    const changes = diffBlocks(["Begin", ...before, "Eind"], ["Begin", ...after, "Eind"]);
    expect(changes[0]).toEqual({ kind: "same", text: "Begin" });
    expect(changes.at(-1)).toEqual({ kind: "same", text: "Eind" });
    expect(changes.filter((c) => c.kind === "added")).toHaveLength(3000);
  });

  it("reports no change for equal texts, and everything for an empty one", () => {
    expect(diffBlocks(["a", "b"], ["a", "b"]).every((c) => c.kind === "same")).toBe(true);
    expect(diffBlocks([], ["a"])).toEqual([{ kind: "added", text: "a" }]);
    expect(diffBlocks(["a"], [])).toEqual([{ kind: "removed", text: "a" }]);
  });
});
