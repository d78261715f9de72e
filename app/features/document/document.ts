import { getSchema } from "@tiptap/core";
import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { ALLOWED_LINK, EMBEDS, documentExtensions, type EmbedType } from "./editor-extensions";

// The agenda document as data (ProseMirror JSON): validation of what a browser sends, the
// records it embeds, its plain text, and the starting template. Pure: no I/O.

export interface DocNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

/** A saved document is at most this large (JSON characters): about 60 A4 pages of text. */
export const MAX_DOCUMENT_CHARS = 400_000;

const schema = getSchema(documentExtensions);

export type DocumentCheck =
  | { ok: true; doc: DocNode }
  | { ok: false; error: "documentInvalid" | "documentTooLarge" | "linkNotAllowed" };

/**
 * Reads a document sent by a browser. Unknown nodes, marks or attributes, content in the wrong
 * place, a forged embed id and a link other than http(s), mailto or tel are refused; what is
 * returned is the schema's own JSON (unknown attributes dropped). Pasted HTML never reaches the
 * server as HTML: the editor turns it into this JSON, and anything outside the schema is gone.
 */
export function checkDocument(text: string): DocumentCheck {
  if (text.length > MAX_DOCUMENT_CHARS) return { ok: false, error: "documentTooLarge" };
  let node: ProseMirrorNode;
  try {
    node = ProseMirrorNode.fromJSON(schema, JSON.parse(text));
    node.check();
  } catch {
    return { ok: false, error: "documentInvalid" };
  }
  if (node.type.name !== "doc") return { ok: false, error: "documentInvalid" };
  let badLink = false;
  let badHeading = false;
  node.descendants((child) => {
    // The agenda's title is the page's only h1; the text uses levels 2 and 3.
    if (child.type.name === "heading" && ![2, 3].includes(Number(child.attrs.level))) {
      badHeading = true;
    }
    for (const mark of child.marks) {
      if (mark.type.name === "link" && !ALLOWED_LINK.test(String(mark.attrs.href ?? ""))) {
        badLink = true;
      }
    }
  });
  if (badHeading) return { ok: false, error: "documentInvalid" };
  if (badLink) return { ok: false, error: "linkNotAllowed" };
  return { ok: true, doc: node.toJSON() as DocNode };
}

export type EmbeddedIds = Record<EmbedType, string[]>;

/** The ids of the records a document embeds, per kind, each once. */
export function embeddedIds(doc: DocNode): EmbeddedIds {
  const found: Record<EmbedType, Set<string>> = {
    agreementEmbed: new Set(),
    findingEmbed: new Set(),
    storyQuote: new Set(),
  };
  const walk = (node: DocNode) => {
    if (node.type in EMBEDS) {
      const id = node.attrs?.[EMBEDS[node.type as EmbedType]];
      if (typeof id === "string") found[node.type as EmbedType].add(id);
    }
    node.content?.forEach(walk);
  };
  walk(doc);
  return {
    agreementEmbed: [...found.agreementEmbed],
    findingEmbed: [...found.findingEmbed],
    storyQuote: [...found.storyQuote],
  };
}

const BLOCKS = new Set(["paragraph", "heading", "listItem", "tableCell", "tableHeader"]);

/**
 * The document's text blocks (paragraphs, headings, list items, cells), for checks and diffs.
 * With `embedLine`, an embedded record counts as a block too (its line as the caller writes it),
 * so a change view also sees an agreement added, removed or changed.
 */
export function textBlocks(doc: DocNode, embedLine?: (node: DocNode) => string | null): string[] {
  const blocks: string[] = [];
  const textOf = (node: DocNode): string =>
    node.text ?? (node.type === "hardBreak" ? " " : (node.content ?? []).map(textOf).join(""));
  const walk = (node: DocNode) => {
    if (embedLine && node.type in EMBEDS) {
      const line = embedLine(node);
      if (line) blocks.push(line);
      return;
    }
    if (BLOCKS.has(node.type) && !node.content?.some((c) => BLOCKS.has(c.type))) {
      const text = textOf(node).trim();
      if (text) blocks.push(text);
      return;
    }
    node.content?.forEach(walk);
  };
  walk(doc);
  return blocks;
}

/** The starting template: the questions of the seven building blocks, as headings to answer. */
export function templateDocument(texts: {
  why: string;
  figures: string;
  stories: string;
  together: string;
  followUp: string;
  placeholder: string;
}): DocNode {
  const section = (title: string): DocNode[] => [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: title }] },
    { type: "paragraph", content: [{ type: "text", text: texts.placeholder }] },
  ];
  return {
    type: "doc",
    content: [
      ...section(texts.why),
      ...section(texts.figures),
      ...section(texts.stories),
      ...section(texts.together),
      ...section(texts.followUp),
    ],
  };
}

export type BlockChange = { kind: "same" | "added" | "removed"; text: string };

/**
 * What changed between two versions, block by block (longest common subsequence): the change
 * view residents and the council read. Quadratic in the number of blocks, fine for an agenda
 * (a few hundred blocks).
 */
export function diffBlocks(allBefore: string[], allAfter: string[]): BlockChange[] {
  // What is equal at the start and the end needs no table; the rest is usually small.
  let head = 0;
  while (head < allBefore.length && head < allAfter.length && allBefore[head] === allAfter[head]) {
    head++;
  }
  let tail = 0;
  while (
    tail < allBefore.length - head &&
    tail < allAfter.length - head &&
    allBefore[allBefore.length - 1 - tail] === allAfter[allAfter.length - 1 - tail]
  ) {
    tail++;
  }
  const same = (texts: string[]) => texts.map((text) => ({ kind: "same" as const, text }));
  const before = allBefore.slice(head, allBefore.length - tail);
  const after = allAfter.slice(head, allAfter.length - tail);
  const n = before.length;
  const m = after.length;
  const around = (middle: BlockChange[]) => [
    ...same(allBefore.slice(0, head)),
    ...middle,
    ...same(allBefore.slice(allBefore.length - tail)),
  ];
  // A table over 4 million cells (two very different long texts): all of it is a change.
  if (n * m > 4_000_000) {
    return around([
      ...after.map((text) => ({ kind: "added" as const, text })),
      ...before.map((text) => ({ kind: "removed" as const, text })),
    ]);
  }
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] =
        before[i] === after[j]
          ? lcs[i + 1]![j + 1]! + 1
          : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const changes: BlockChange[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      changes.push({ kind: "same", text: before[i]! });
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      changes.push({ kind: "added", text: after[j]! });
      j++;
    } else {
      changes.push({ kind: "removed", text: before[i]! });
      i++;
    }
  }
  return around(changes);
}
