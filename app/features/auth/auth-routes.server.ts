import { data, redirect, type AppLoadContext } from "react-router";
import "../../shared/load-context";
import { env } from "../../shared/env.server";
import { safeRedirectPath } from "../../shared/http";
import { localeFromCookieHeader } from "../../shared/i18n/i18n";
import type { RequestContext } from "./accounts.server";
import { can, type Action, type Resource } from "./permissions";
import { authenticate, sessionCookie, type CurrentUser } from "./session.server";

export function requestContext(request: Request, context: AppLoadContext): RequestContext {
  return {
    ip: context.clientIp ?? "unknown",
    locale: localeFromCookieHeader(request.headers.get("Cookie")),
    origin: env().APP_URL ?? new URL(request.url).origin,
  };
}

/** After sign-in: set the session cookie and go back where the person came from. */
export function redirectSignedIn(sessionToken: string, redirectTo: unknown): Response {
  return redirect(safeRedirectPath(redirectTo) ?? "/account", {
    headers: { "Set-Cookie": sessionCookie(sessionToken) },
  });
}

function signInRedirect(request: Request): Response {
  const url = new URL(request.url);
  return redirect(`/inloggen?terug=${encodeURIComponent(url.pathname + url.search)}`);
}

/**
 * The permission check of every loader and action: the current user (or null) when `can()`
 * allows the action; otherwise sign-in for visitors and 403 for signed-in users.
 */
export async function authorize(
  request: Request,
  action: Action,
  resource: Resource,
): Promise<CurrentUser | null> {
  return authorizeAny(request, [action], resource);
}

/** Like authorize, when any one of several actions is enough (e.g. review or view). */
export async function authorizeAny(
  request: Request,
  actions: Action[],
  resource: Resource,
): Promise<CurrentUser | null> {
  const { user } = await authenticate(request);
  if (actions.some((action) => can(user, action, resource))) return user;
  if (!user) throw signInRedirect(request);
  throw data(null, { status: 403 });
}

/** The signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const { user } = await authenticate(request);
  if (!user) throw signInRedirect(request);
  return user;
}

export function retryMinutes(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}
