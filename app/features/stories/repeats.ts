import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";

// Spam-like repeats: the same text told again, by the same account or pasted by many. A repeat is
// flagged for the moderator, never refused: two neighbours may honestly write the same sentence.

/** How far back an earlier story with the same text counts as "the same again". */
export const REPEAT_WINDOW_DAYS = 30;
/**
 * Below this many letters (after normalising) a text is too short to call a repeat across
 * tellers ("te donker" is a finding, not spam); the same account repeating itself always counts.
 */
export const REPEAT_MIN_LENGTH_ACROSS_TELLERS = 40;

/** Case, accents, punctuation and spacing do not make a text new. */
export function normaliseStoryText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function storyFingerprint(text: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(normaliseStoryText(text))));
}

export interface EarlierStory {
  id: string;
  tellerId: string | null;
  createdAt: Date;
}

/**
 * Of the earlier stories with the same fingerprint, the one this story repeats: the same account's
 * own, or anyone's when the text is long enough to be copied rather than coincidence.
 */
export function repeatOf(
  story: { text: string; tellerId: string | null; now: Date },
  earlier: EarlierStory[],
): string | null {
  const since = story.now.getTime() - REPEAT_WINDOW_DAYS * 24 * 60 * 60 * 1000;
  const longEnough = normaliseStoryText(story.text).length >= REPEAT_MIN_LENGTH_ACROSS_TELLERS;
  const match = earlier
    .filter((e) => e.createdAt.getTime() >= since)
    .filter((e) => longEnough || (story.tellerId !== null && e.tellerId === story.tellerId))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0];
  return match?.id ?? null;
}
