import type { Assignment, Role } from "./permissions";

// Who may delete their own account (docs/decisions/0013-privacy-export-and-deletion.md). Pure.

/**
 * The roles that stop a person from deleting their own account: every role but resident.
 * Staff, platform members, partners, council members and administrators made records that
 * others work with (agendas, scans, moderation, invitations); the beheerder removes such an
 * account, after handing over that work.
 */
export function rolesBlockingSelfDeletion(assignments: Pick<Assignment, "role">[]): Role[] {
  return [...new Set(assignments.map((a) => a.role).filter((role) => role !== "bewoner"))];
}
