import { PLAIN_WORDS } from "./plain-language-words";

// Plain-language checks for the agenda text (issue 7): sentences over 20 words, and officialese
// with a plainer word. Pure, so the editor runs it as you type and the server on the saved text.

export const MAX_SENTENCE_WORDS = 20;

export type PlainLanguageFlag =
  | { kind: "long"; sentence: string; words: number }
  | { kind: "word"; sentence: string; word: string; plain: string };

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** Sentences end at . ! ? (followed by a space or the end); a block without one is one sentence. */
export function sentences(block: string): string[] {
  return block
    .split(/(?<=[.!?])\s+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function wordCount(sentence: string): number {
  return sentence.match(WORD)?.length ?? 0;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const OFFICIALESE = PLAIN_WORDS.map(([word, plain]) => ({
  word,
  plain,
  // Whole words only: "reeds" is flagged, "reedsen" (no such word, but you see the point) not.
  pattern: new RegExp(
    `(?<![\\p{L}\\p{N}])${escape(word).replace(/ /g, "\\s+")}(?![\\p{L}\\p{N}])`,
    "iu",
  ),
}));

/** Every flag for the text blocks of a document, in reading order. */
export function plainLanguageFlags(blocks: string[]): PlainLanguageFlag[] {
  const flags: PlainLanguageFlag[] = [];
  for (const block of blocks) {
    for (const sentence of sentences(block)) {
      const words = wordCount(sentence);
      if (words > MAX_SENTENCE_WORDS) flags.push({ kind: "long", sentence, words });
      for (const { word, plain, pattern } of OFFICIALESE) {
        if (pattern.test(sentence)) flags.push({ kind: "word", sentence, word, plain });
      }
    }
  }
  return flags;
}
