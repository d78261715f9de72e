import { recordAuditEvent } from "../../shared/audit.server";
import { BULK_TRANSACTION, db } from "../../shared/db.server";
import { isProduction } from "../../shared/env.server";
import { hashPassword } from "./password.server";
import type { Role, ScopeType } from "./permissions";
import { SECOND_FACTOR_ROLES } from "./second-factor";

// Demo accounts for trying the product locally: one per role of DOMAIN.md §3, all in Heemstede.
// The password is public (README), so they must never exist in production.

export const DEMO_PASSWORD = "buurtagenda-demo";

export const DEMO_ACCOUNTS: {
  email: string;
  displayName: string;
  role: Role;
  scopeType: ScopeType;
  scopeId: string;
}[] = [
  {
    email: "bewoner@demo.buurtagenda.nl",
    displayName: "Fatima (demo)",
    role: "bewoner",
    scopeType: "buurt",
    scopeId: "BU03970101",
  },
  {
    email: "buurtplatform@demo.buurtagenda.nl",
    displayName: "Kees (demo)",
    role: "buurtplatform",
    scopeType: "wijk",
    scopeId: "WK039701",
  },
  {
    email: "gemeente@demo.buurtagenda.nl",
    displayName: "Sanne (demo)",
    role: "gemeente",
    scopeType: "gemeente",
    scopeId: "GM0397",
  },
  {
    email: "partner@demo.buurtagenda.nl",
    displayName: "WIJ Heemstede (demo)",
    role: "partner",
    scopeType: "gemeente",
    scopeId: "GM0397",
  },
  {
    email: "adviesraad@demo.buurtagenda.nl",
    displayName: "Henk (demo)",
    role: "adviesraad",
    scopeType: "gemeente",
    scopeId: "GM0397",
  },
  {
    email: "beheerder@demo.buurtagenda.nl",
    displayName: "Beheerder (demo)",
    role: "beheerder",
    scopeType: "national",
    scopeId: "NL",
  },
];

/**
 * The staff demo accounts have two-step verification set up with this public key (it is in the
 * source, like the password); the second step shows their current code outside production.
 */
export const DEMO_TOTP_KEY = new TextEncoder().encode("buurtagenda-demo-key");

export function isDemoAccount(email: string): boolean {
  return email.endsWith("@demo.buurtagenda.nl");
}

export class DemoAccountsRefused extends Error {
  constructor() {
    super("Demo accounts are refused when NODE_ENV=production.");
  }
}

/** Idempotent: existing demo accounts keep their id; password and role are set again. */
export async function seedDemoAccounts(): Promise<number> {
  if (isProduction()) throw new DemoAccountsRefused();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db().$transaction(async (tx) => {
    for (const account of DEMO_ACCOUNTS) {
      const secondFactor = SECOND_FACTOR_ROLES.includes(account.role)
        ? { totpKey: DEMO_TOTP_KEY, totpEnabledAt: new Date() }
        : {};
      const user = await tx.user.upsert({
        where: { email: account.email },
        create: {
          email: account.email,
          displayName: account.displayName,
          passwordHash,
          emailVerifiedAt: new Date(),
          ...secondFactor,
        },
        update: { displayName: account.displayName, passwordHash, ...secondFactor },
      });
      const assignment = {
        userId: user.id,
        role: account.role,
        scopeType: account.scopeType,
        scopeId: account.scopeId,
      };
      const existing = await tx.roleAssignment.findUnique({
        where: { userId_role_scopeType_scopeId: assignment },
      });
      if (!existing) {
        await tx.roleAssignment.create({ data: assignment });
        await recordAuditEvent(tx, {
          actorId: null,
          action: "role.assigned",
          subjectType: "user",
          subjectId: user.id,
          details: {
            role: account.role,
            scopeType: account.scopeType,
            scopeId: account.scopeId,
            by: "demo seed",
          },
        });
      }
    }
  }, BULK_TRANSACTION);
  return DEMO_ACCOUNTS.length;
}
