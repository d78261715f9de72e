import { createSession } from "../../app/features/auth/session.server";
import { db } from "../../app/shared/db.server";

/**
 * A session cookie for a person who has signed in completely: with the second factor their
 * roles may need already passed. Tests of the second factor itself sign in step by step.
 */
export async function signedInCookie(userId: string): Promise<string> {
  return `sessie=${await createSession(userId, db(), { secondFactorPassed: true })}`;
}

/**
 * Signs in the seeded demo accounts of these roles (`<role>@demo.buurtagenda.nl`) with real
 * sessions; fills `users` (id per role) and `cookies` ("sessie=…" per role).
 */
export async function signInDemoRoles(
  roles: string[],
  users: Record<string, string>,
  cookies: Record<string, string>,
): Promise<void> {
  for (const role of roles) {
    const user = await db().user.findUniqueOrThrow({
      where: { email: `${role}@demo.buurtagenda.nl` },
    });
    users[role] = user.id;
    cookies[role] = await signedInCookie(user.id);
  }
}

/**
 * A party of an agenda (a new Heemstede organisation) and one person acting for it, as an
 * accepted invitation leaves them: member of the organisation, partner on the agenda.
 */
export async function partyWithMember(
  agendaId: string,
  input: { key: string; name: string; role: "decides" | "co_creates" | "advises" | "informed" },
) {
  const organisation = await db().organisation.create({
    data: { gemeenteCode: "GM0397", name: input.name, kind: "welfare" },
  });
  const party = await db().agendaParty.create({
    data: { agendaId, organisationId: organisation.id, participationRole: input.role },
  });
  const person = await db().user.create({
    data: { email: `${input.key}@example.org`, emailVerifiedAt: new Date() },
  });
  await db().organisationMember.create({
    data: { userId: person.id, organisationId: organisation.id },
  });
  await db().roleAssignment.create({
    data: { userId: person.id, role: "partner", scopeType: "buurtagenda", scopeId: agendaId },
  });
  return {
    partyId: party.id,
    userId: person.id,
    cookie: await signedInCookie(person.id),
  };
}
