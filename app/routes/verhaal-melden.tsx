import type { z } from "zod";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/verhaal-melden";
import { authorize, requestContext, requireUser } from "../features/auth/auth-routes.server";
import { publishedStory, reportStory } from "../features/stories/stories.server";
import { reportSchema } from "../features/stories/stories.schema";
import { storiesMessages } from "../features/stories/stories.messages";
import { useText } from "../shared/i18n/i18n";
import { FormAlert, SubmitButton, TextAreaField } from "../shared/ui/form";
import { safeRedirectPath } from "../shared/http";

// "Report this story" on a published story: back into the moderation queue with the reason. Its
// own page, linked from every story in a list: a form per story made a signed-in list 15 KB
// bigger for a step people rarely take, and an error can stand next to the field here.

export const meta: Route.MetaFunction = () => [{ title: "Verhaal melden | Buurtagenda" }];

/** The published story and the list to go back to; 404 for anything else. */
async function storyToReport(request: Request, id: string, back: unknown) {
  await requireUser(request);
  const story = await publishedStory(id);
  if (!story) throw data(null, { status: 404 });
  const user = await authorize(request, "story.react", {
    kind: "buurt",
    buurtCode: story.buurtCode,
  });
  const backTo = (
    safeRedirectPath(typeof back === "string" ? back : null) ?? `/buurt/${story.buurtCode}`
  ).split("#")[0]!;
  return { user: user!, story, backTo };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { story, backTo } = await storyToReport(
    request,
    params.id,
    new URL(request.url).searchParams.get("terug"),
  );
  return {
    story: { id: story.id, title: story.title, text: story.text },
    backTo,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await request.formData();
  const { user, story, backTo } = await storyToReport(request, params.id, form.get("terug"));
  const submission = parseWithZod(form, { schema: reportSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  const outcome = await reportStory(
    user.id,
    story.id,
    submission.value.reason,
    requestContext(request, context).ip,
  );
  // Over the hour's limit: the typed reason stays in the form, with a plain message.
  if (outcome === "limited") return { result: submission.reply({ formErrors: ["reportLimited"] }) };
  const join = backTo.includes("?") ? "&" : "?";
  return redirect(`${backTo}${join}melding=ontvangen#verhaal-${story.id}`);
}

export default function ReportStory({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(storiesMessages);
  const { story, backTo } = loaderData;
  const [form, fields] = useForm<z.input<typeof reportSchema>>({
    lastResult: actionData?.result,
  });
  return (
    <div className="stack">
      <h1 className="utrecht-heading-1">{t("report")}</h1>
      <blockquote className="utrecht-blockquote">
        {story.title ? (
          <p className="utrecht-paragraph">
            <strong>{story.title}</strong>
          </p>
        ) : null}
        <p className="utrecht-paragraph story-text">{story.text}</p>
      </blockquote>
      <p className="utrecht-paragraph">{t("reportIntro")}</p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormAlert messages={form.errors?.map(t)} />
        <input type="hidden" name="terug" value={backTo} />
        <TextAreaField
          field={fields.reason}
          label={t("reportReason")}
          errors={fields.reason.errors?.map(t)}
          required
          rows={4}
        />
        <SubmitButton>{t("reportSend")}</SubmitButton>
      </Form>
      <p className="utrecht-paragraph">
        <Link to={`${backTo}#verhaal-${story.id}`}>{t("reportBack")}</Link>
      </p>
    </div>
  );
}
