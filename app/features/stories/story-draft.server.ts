import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { db, type Prisma } from "../../shared/db.server";

// A story typed before signing in survives the sign-in step: the typed fields wait server-side
// under a random token; the browser only holds the token (HttpOnly cookie, one day).

export const DRAFT_COOKIE = "verhaal";
const MAX_AGE_SECONDS = 24 * 60 * 60;

/** The draft token this browser holds, if any (also used when an account is deleted). */
export function tokenFrom(request: Request): string | null {
  const cookies = request.headers.get("Cookie") ?? "";
  const match = new RegExp(`(?:^|;\\s*)${DRAFT_COOKIE}=([a-z0-9]{20,64})`).exec(cookies);
  return match?.[1] ?? null;
}

/** Keeps the typed fields; returns the Set-Cookie value for the browser. */
export async function saveDraft(payload: Record<string, unknown>): Promise<string> {
  const token = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
  // Drafts older than a day are of no use to anyone: clear them while we are here.
  await db().storyDraft.deleteMany({
    where: { createdAt: { lt: new Date(Date.now() - MAX_AGE_SECONDS * 1000) } },
  });
  await db().storyDraft.create({ data: { token, payload: payload as Prisma.InputJsonObject } });
  return `${DRAFT_COOKIE}=${token}; HttpOnly; Secure; SameSite=Lax; Path=/; Max-Age=${MAX_AGE_SECONDS}`;
}

export async function readDraft(request: Request): Promise<Record<string, unknown> | null> {
  const token = tokenFrom(request);
  if (!token) return null;
  const draft = await db().storyDraft.findUnique({ where: { token } });
  if (!draft || draft.createdAt.getTime() < Date.now() - MAX_AGE_SECONDS * 1000) return null;
  return draft.payload as Record<string, unknown>;
}

/** Forgets the draft once the story is sent; returns the Set-Cookie value that clears it. */
export async function clearDraft(request: Request): Promise<string> {
  const token = tokenFrom(request);
  if (token) await db().storyDraft.deleteMany({ where: { token } });
  return `${DRAFT_COOKIE}=; HttpOnly; Secure; SameSite=Lax; Path=/; Max-Age=0`;
}
