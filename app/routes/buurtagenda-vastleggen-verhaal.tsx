import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "react-router";
import type { Route } from "./+types/buurtagenda-vastleggen-verhaal";
import { agendaForChange } from "../features/agenda/agenda-routes.server";
import { recordStory } from "../features/stories/recording.server";
import { recordSchema } from "../features/stories/stories.schema";

// The JSON end of the recording form's offline queue: one story per request, idempotent by the
// browser's client key. 4xx means "will never be taken" (the form then shows why); 5xx or no
// answer means "try again later".

export async function action({ request, params }: Route.ActionArgs) {
  const { user, resource } = await agendaForChange(request, params.id, "story.record");
  const submission = parseWithZod(await request.formData(), { schema: recordSchema });
  if (submission.status !== "success") {
    return Response.json({ ok: false, errors: submission.error }, { status: 422 });
  }
  const outcome = await recordStory(user.id, resource, submission.value);
  if (!outcome.ok) {
    return Response.json(
      { ok: false, errors: { [outcome.field]: [outcome.error] } },
      { status: 422 },
    );
  }
  return Response.json({ ok: true, id: outcome.id, duplicate: outcome.duplicate });
}

export function loader() {
  throw data(null, { status: 405 });
}
