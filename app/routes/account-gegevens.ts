import type { Route } from "./+types/account-gegevens";
import { requireUser } from "../features/auth/auth-routes.server";
import { exportDate, personalData } from "../features/auth/privacy.server";
import { localeFromCookieHeader } from "../shared/i18n/i18n";

// "Download uw gegevens": everything we hold about the signed-in person, as a JSON file
// (AVG art. 15 and 20; docs/decisions/0013-privacy-export-and-deletion.md).

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const now = new Date();
  const locale = localeFromCookieHeader(request.headers.get("Cookie"));
  const body = JSON.stringify(await personalData(user.id, locale, now), null, 2);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="buurtagenda-mijn-gegevens-${exportDate(now)}.json"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
