import { hash, verify } from "@node-rs/argon2";

// Argon2id with the OWASP minimum that Lucia's guide uses: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/** Spends the same time as a real check, so response time does not tell whether an account exists. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword("not-a-real-password-at-all");
  await verify(await dummyHash, password, OPTIONS);
}
