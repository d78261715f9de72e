import { redirect } from "react-router";
import type { Route } from "./+types/uitloggen";
import { signOut } from "../features/auth/accounts.server";
import { authenticate, clearedSessionCookie } from "../features/auth/session.server";

export async function action({ request }: Route.ActionArgs) {
  const { user, sessionId } = await authenticate(request);
  if (user && sessionId) await signOut(sessionId, user.id);
  return redirect("/", { headers: { "Set-Cookie": clearedSessionCookie() } });
}

export function loader() {
  return redirect("/");
}
