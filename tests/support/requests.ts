import { SESSION_COOKIE } from "../../app/features/auth/session.server";

/**
 * A form POST as the browser sends it, optionally with the session cookie. An array value is sent
 * as repeated fields, like ticked checkboxes.
 */
export function formPost(
  path: string,
  fields: Record<string, string | string[]>,
  cookie?: string,
): Request {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
  }
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body,
    headers: cookie ? { Cookie: cookie } : {},
  });
}

export function get(path: string, cookie?: string): Request {
  return new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

/** The route-module arguments React Router passes to a loader or action. */
export function routeArgs<P extends Record<string, string>>(
  request: Request,
  params = {} as P,
  ip = "203.0.113.7",
) {
  return {
    request,
    params,
    context: { clientIp: ip },
    url: new URL(request.url),
    pattern: "",
    unstable_pattern: "",
  };
}

/** "sessie=<token>" from a response's Set-Cookie, ready to send back. */
export function sessionCookieFrom(response: unknown): string {
  if (!(response instanceof Response)) throw new Error("Expected a redirect response");
  const header = response.headers.get("Set-Cookie") ?? "";
  const match = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(header);
  if (!match?.[1]) throw new Error(`No session cookie in: ${header}`);
  return `${SESSION_COOKIE}=${match[1]}`;
}

export function isRedirectTo(response: unknown, location: RegExp): boolean {
  return (
    response instanceof Response &&
    response.status >= 300 &&
    response.status < 400 &&
    location.test(response.headers.get("Location") ?? "")
  );
}
