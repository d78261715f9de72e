import { createSession } from "../../app/features/auth/session.server";
import { db } from "../../app/shared/db.server";

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
    cookies[role] = `sessie=${await createSession(user.id)}`;
  }
}
