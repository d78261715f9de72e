import { describe, expect, it } from "vitest";
import { normaliseStoryText, repeatOf, storyFingerprint } from "./repeats";

const now = new Date("2026-12-01T12:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * 24 * 60 * 60 * 1000);
const LONG = "Het pad naar de bushalte is 's avonds zo donker dat ik er niet meer durf te lopen.";

describe("normalising a story's text", () => {
  it("ignores case, accents, punctuation and spacing", () => {
    expect(normaliseStoryText("  Café  'De Glip'!!\n is  DICHT. ")).toBe("cafe de glip is dicht");
    expect(storyFingerprint("Te donker, echt.")).toBe(storyFingerprint("te   DONKER echt"));
  });

  it("keeps different words different", () => {
    expect(storyFingerprint("Te donker")).not.toBe(storyFingerprint("Te druk"));
  });

  it("keeps digits, so 'huisnummer 12' and 'huisnummer 21' differ", () => {
    expect(storyFingerprint("huisnummer 12")).not.toBe(storyFingerprint("huisnummer 21"));
  });
});

describe("finding the story a new one repeats", () => {
  it("flags the same account telling the same short text again", () => {
    const earlier = [{ id: "a", tellerId: "fatima", createdAt: daysAgo(2) }];
    expect(repeatOf({ text: "Te donker", tellerId: "fatima", now }, earlier)).toBe("a");
  });

  it("does not flag a short text that another resident also wrote", () => {
    const earlier = [{ id: "a", tellerId: "kees", createdAt: daysAgo(2) }];
    expect(repeatOf({ text: "Te donker", tellerId: "fatima", now }, earlier)).toBeNull();
  });

  it("flags a long text pasted by another account, or by a recorded teller", () => {
    const earlier = [{ id: "a", tellerId: "kees", createdAt: daysAgo(2) }];
    expect(repeatOf({ text: LONG, tellerId: "fatima", now }, earlier)).toBe("a");
    expect(repeatOf({ text: LONG, tellerId: null, now }, earlier)).toBe("a");
  });

  it("never flags a short recorded text against another recorded one (no account to compare)", () => {
    const earlier = [{ id: "a", tellerId: null, createdAt: daysAgo(1) }];
    expect(repeatOf({ text: "Te donker", tellerId: null, now }, earlier)).toBeNull();
  });

  it("points at the oldest match within 30 days and forgets older ones", () => {
    const earlier = [
      { id: "recent", tellerId: "fatima", createdAt: daysAgo(1) },
      { id: "first", tellerId: "fatima", createdAt: daysAgo(29) },
      { id: "too-old", tellerId: "fatima", createdAt: daysAgo(31) },
    ];
    expect(repeatOf({ text: "Te donker", tellerId: "fatima", now }, earlier)).toBe("first");
    expect(repeatOf({ text: "Te donker", tellerId: "fatima", now }, [earlier[2]!])).toBeNull();
  });
});
