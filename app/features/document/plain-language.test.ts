import { describe, expect, it } from "vitest";
import { plainLanguageFlags, sentences, wordCount } from "./plain-language";

describe("plainLanguageFlags", () => {
  it("flags a sentence of more than 20 words, not one of exactly 20", () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `woord${i}`).join(" ") + ".";
    const twentyOne = `Een ${twenty}`;
    expect(plainLanguageFlags([twenty])).toEqual([]);
    expect(plainLanguageFlags([twentyOne])).toEqual([
      { kind: "long", sentence: twentyOne, words: 21 },
    ]);
  });

  it("counts per sentence, not per paragraph", () => {
    const block = "We zetten lampen neer. Ze branden elke avond. Bewoners kiezen de plek.";
    expect(sentences(block)).toHaveLength(3);
    expect(plainLanguageFlags([block.repeat(3)])).toEqual([]);
  });

  it("suggests a plainer word for officialese, also inside phrases and with capitals", () => {
    expect(plainLanguageFlags(["Teneinde de buurt te helpen, komt er een bankje."])).toEqual([
      {
        kind: "word",
        sentence: "Teneinde de buurt te helpen, komt er een bankje.",
        word: "teneinde",
        plain: "om",
      },
    ]);
    const flags = plainLanguageFlags(["Wij schrijven inzake de lampen, ten behoeve van  ouderen."]);
    expect(flags.map((f) => (f.kind === "word" ? [f.word, f.plain] : null))).toEqual([
      ["inzake", "over"],
      ["ten behoeve van", "voor"],
    ]);
  });

  it("matches whole words only", () => {
    // "indien" is officialese; "indiening" is not on the list and must not match it.
    expect(plainLanguageFlags(["De indiening van ideeën is gesloten."])).toEqual([]);
    expect(plainLanguageFlags(["Indien het regent, gaat het niet door."])).toHaveLength(1);
  });

  it("counts words with Dutch letters, apostrophes and hyphens as one", () => {
    expect(wordCount("Café’s en zee-egels: één, twee!")).toBe(5);
  });
});
