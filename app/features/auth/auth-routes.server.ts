import { data, redirect, type AppLoadContext } from "react-router";
import "../../shared/load-context";
import { db } from "../../shared/db.server";
import { env } from "../../shared/env.server";
import { safeRedirectPath } from "../../shared/http";
import { localeFromCookieHeader } from "../../shared/i18n/i18n";
import type { RequestContext } from "./accounts.server";
import { can, type Action, type Resource } from "./permissions";
import { needsSecondFactor } from "./second-factor";
import { authenticate, sessionCookie, type CurrentUser } from "./session.server";

export function requestContext(request: Request, context: AppLoadContext): RequestContext {
  return {
    ip: context.clientIp ?? "unknown",
    locale: localeFromCookieHeader(request.headers.get("Cookie")),
    origin: env().APP_URL ?? new URL(request.url).origin,
  };
}

/**
 * After sign-in: set the session cookie and go back where the person came from; staff first
 * pass the second factor (or set one up), and then go back.
 */
export async function redirectSignedIn(
  signedIn: { sessionToken: string; userId: string },
  redirectTo: unknown,
): Promise<Response> {
  const back = safeRedirectPath(redirectTo) ?? "/account";
  const user = await db().user.findUniqueOrThrow({
    where: { id: signedIn.userId },
    select: {
      totpEnabledAt: true,
      roles: { select: { role: true, scopeType: true, scopeId: true } },
    },
  });
  const next = needsSecondFactor(user.roles)
    ? secondFactorStepUrl(user.totpEnabledAt ? "verify" : "enrol", back)
    : back;
  return redirect(next, { headers: { "Set-Cookie": sessionCookie(signedIn.sessionToken) } });
}

/** Where a person whose staff roles wait goes: the code step, or setting up an app first. */
export function secondFactorStepUrl(step: "verify" | "enrol", back: string): string {
  const page = step === "verify" ? "/inloggen/tweede-stap" : "/account/tweestapsverificatie";
  return `${page}?terug=${encodeURIComponent(back)}`;
}

function here(request: Request): string {
  const url = new URL(request.url);
  return url.pathname + url.search;
}

function signInRedirect(request: Request): Response {
  return redirect(`/inloggen?terug=${encodeURIComponent(here(request))}`);
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
  if (user.secondFactor === "verify" || user.secondFactor === "enrol") {
    // A role waiting for the second factor would allow this: ask for it rather than refuse.
    const everyRole = { ...user, assignments: [...user.assignments, ...user.withheldAssignments] };
    if (actions.some((action) => can(everyRole, action, resource))) {
      throw redirect(secondFactorStepUrl(user.secondFactor, here(request)));
    }
  }
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
