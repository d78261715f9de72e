import { data } from "react-router";
import type { Route } from "./+types/buurt-kaartpunten";
import { authorize } from "../features/auth/auth-routes.server";
import { publishedPinsResponse } from "../features/stories/published-page.server";
import { buurtCodeParam } from "../features/territory/territory.schema";
import { getBuurt } from "../features/territory/territory.server";

// The pins of a buurt page's map (GeoJSON, the same filters as its list): published stories with
// a place, nothing about their tellers.

export async function loader({ request, params }: Route.LoaderArgs) {
  const code = buurtCodeParam.safeParse(params.code);
  const buurt = code.success ? await getBuurt(code.data) : null;
  if (!buurt) throw data(null, { status: 404 });
  await authorize(request, "published.view", { kind: "buurt", buurtCode: buurt.code });
  return publishedPinsResponse(new URL(request.url), [buurt.code]);
}
