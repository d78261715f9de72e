import type { Assignment, Role } from "./permissions";

// Staff, moderators and administrators act on other people's data and on the whole
// installation: their roles count only in a session that passed a second factor (issue 10,
// decision 0026). Residents, partners and council members may add one; they are not made to.
export const SECOND_FACTOR_ROLES: readonly Role[] = ["buurtplatform", "gemeente", "beheerder"];

export function needsSecondFactor(assignments: Assignment[]): boolean {
  return assignments.some((assignment) => SECOND_FACTOR_ROLES.includes(assignment.role));
}

/**
 * What a session may use: every assignment once the second factor is passed (or never needed),
 * otherwise only those that need none; the others wait in `withheld`.
 */
export function assignmentsInForce(
  assignments: Assignment[],
  secondFactorPassed: boolean,
): { inForce: Assignment[]; withheld: Assignment[] } {
  if (secondFactorPassed) return { inForce: assignments, withheld: [] };
  const withheld = assignments.filter((a) => SECOND_FACTOR_ROLES.includes(a.role));
  return { inForce: assignments.filter((a) => !withheld.includes(a)), withheld };
}

/** A 6-digit TOTP code as people type it: spaces and dashes between the groups are fine. */
export function normaliseTotpCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}

/** Recovery codes are shown in two groups of five (xxxxx-xxxxx); typed in any case and spacing. */
export function normaliseRecoveryCode(input: string): string | null {
  const code = input.toLowerCase().replace(/[\s-]/g, "");
  return /^[a-z2-7]{10}$/.test(code) ? code : null;
}

export function formatRecoveryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** The key in groups of four, for people who type it into their app instead of scanning. */
export function formatKeyForTyping(base32: string): string {
  return base32.match(/.{1,4}/g)?.join(" ") ?? base32;
}
