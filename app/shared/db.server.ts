import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";

export type { Prisma } from "../generated/prisma/client";

let client: PrismaClient | undefined;

/** The one Prisma client of this process, created on first use from DATABASE_URL. */
export function db(): PrismaClient {
  client ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }),
  });
  return client;
}

export async function disconnectDb(): Promise<void> {
  await client?.$disconnect();
  client = undefined;
}

/** A transaction client or the root client: commands accept either so callers can compose them. */
export type Db = Omit<
  PrismaClient,
  "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends"
>;

/**
 * Options for transactions that load whole files (territory, catalogue, demo data): Prisma's
 * default of 5 s is too short on a busy 2-core machine.
 */
export const BULK_TRANSACTION = { timeout: 5 * 60 * 1000, maxWait: 30_000 } as const;
