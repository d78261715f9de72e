import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "react-router";
import type { Route } from "./+types/verhaal-melden";
import { authorize, requestContext, requireUser } from "../features/auth/auth-routes.server";
import { publishedStory, reportStory } from "../features/stories/stories.server";
import { reportSchema } from "../features/stories/stories.schema";
import { safeRedirectPath } from "../shared/http";

// "Report this story" on a published story: back into the moderation queue with the reason.

export async function action({ request, params, context }: Route.ActionArgs) {
  await requireUser(request);
  const story = await publishedStory(params.id);
  if (!story) throw data(null, { status: 404 });
  const user = await authorize(request, "story.react", {
    kind: "buurt",
    buurtCode: story.buurtCode,
  });
  const submission = parseWithZod(await request.formData(), { schema: reportSchema });
  const back = safeRedirectPath(submission.payload.terug) ?? `/buurt/${story.buurtCode}`;
  const [path] = back.split("#");
  const join = path!.includes("?") ? "&" : "?";
  if (submission.status !== "success") {
    return redirect(`${path}${join}melding=leeg#verhaal-${story.id}`);
  }
  const outcome = await reportStory(
    user!.id,
    story.id,
    submission.value.reason,
    requestContext(request, context).ip,
  );
  if (outcome === "limited") throw data(null, { status: 429 });
  return redirect(`${path}${join}melding=ontvangen#verhaal-${story.id}`);
}

export function loader() {
  throw data(null, { status: 405 });
}
