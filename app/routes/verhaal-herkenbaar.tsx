import { data, redirect } from "react-router";
import type { Route } from "./+types/verhaal-herkenbaar";
import { authorize, requestContext, requireUser } from "../features/auth/auth-routes.server";
import { publishedStory, toggleRecognised } from "../features/stories/stories.server";
import { safeRedirectPath } from "../shared/http";

// "Herkenbaar" on a published story: one per account, a second press takes it back. A plain
// form post, so it works without JavaScript; it returns to the page it came from.

export async function action({ request, params, context }: Route.ActionArgs) {
  await requireUser(request);
  const story = await publishedStory(params.id);
  if (!story) throw data(null, { status: 404 });
  const user = await authorize(request, "story.react", {
    kind: "buurt",
    buurtCode: story.buurtCode,
  });
  const outcome = await toggleRecognised(user!.id, story.id, requestContext(request, context).ip);
  if (outcome === "limited") throw data(null, { status: 429 });
  const form = await request.formData();
  const back = safeRedirectPath(form.get("terug")) ?? `/buurt/${story.buurtCode}`;
  return redirect(`${back.split("#")[0]}#verhaal-${story.id}`);
}

export function loader() {
  throw data(null, { status: 405 });
}
