import { redirect } from "react-router";
import type { Route } from "./+types/taal";
import { safeRedirectPath } from "../shared/http";
import { LOCALE_COOKIE, isLocale } from "../shared/i18n/i18n";

// The language choice persists in a cookie for a year; no account needed.
export async function action({ request }: Route.ActionArgs) {
  const formData = await request.formData();
  const locale = formData.get("taal");
  const back = safeRedirectPath(formData.get("terug")) ?? "/";
  if (!isLocale(locale)) return redirect(back);
  return redirect(back, {
    headers: {
      "Set-Cookie": `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax; Secure`,
    },
  });
}

export function loader() {
  return redirect("/");
}
