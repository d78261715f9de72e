import { parseWithZod } from "@conform-to/zod/v4";
import { Link, data, href, redirect } from "react-router";
import type { Route } from "./+types/mijn-verhaal-bewerken";
import { requireUser } from "../features/auth/auth-routes.server";
import { editOwnStory, ownStoryToEdit } from "../features/stories/stories.server";
import { tellSchema } from "../features/stories/stories.schema";
import { storiesMessages } from "../features/stories/stories.messages";
import { TellForm } from "../features/stories/tell-form";
import { bboxOf, getBuurt, toFeatureCollection } from "../features/territory/territory.server";
import { db } from "../shared/db.server";
import { env } from "../shared/env.server";
import { useText } from "../shared/i18n/i18n";

// The teller changes their own story while it waits for a moderator (then only withdrawing is
// possible). Someone else's story, or one that does not exist, is a 404: nothing to reveal.

export const meta: Route.MetaFunction = () => [{ title: "Verhaal aanpassen | Buurtagenda" }];

async function ownStory(request: Request, storyId: string) {
  const user = await requireUser(request);
  const story = await ownStoryToEdit(user.id, storyId);
  if (!story) throw data(null, { status: 404 });
  return { user, story };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { story } = await ownStory(request, params.id);
  const [buurt, themes] = await Promise.all([
    getBuurt(story.buurtCode),
    db().theme.findMany({ orderBy: { sortOrder: "asc" } }),
  ]);
  if (!buurt) throw data(null, { status: 404 });
  const on = (value: boolean) => (value ? "on" : undefined);
  return {
    storyId: story.id,
    editable: story.status === "submitted",
    story: {
      title: story.title,
      text: story.text,
      themes: story.themes.map((t) => t.themeKey),
      lon: story.lon === null ? "" : String(story.lon),
      lat: story.lat === null ? "" : String(story.lat),
      consentPublish: on(story.consentPublish),
      consentQuote: on(story.consentQuote),
      showName: on(story.showName),
      tellerName: story.tellerName,
    },
    buurt: { code: buurt.code, name: buurt.name },
    themes: themes.map((t) => ({ key: t.key, labelNl: t.labelNl, labelEn: t.labelEn })),
    areas: toFeatureCollection([buurt]),
    bbox: bboxOf(buurt),
    baseStyleUrl: env().MAP_STYLE_URL ?? null,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, story } = await ownStory(request, params.id);
  const submission = parseWithZod(await request.formData(), { schema: tellSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  const outcome = await editOwnStory(user.id, story.id, submission.value);
  if (outcome.ok) return redirect(`${href("/mijn-verhalen")}?aangepast=1`);
  if (!("field" in outcome)) {
    return { result: submission.reply({ formErrors: [outcome.error] }) };
  }
  return { result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.error] } }) };
}

export default function EditOwnStory({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(storiesMessages);
  return (
    <div className="stack">
      <p className="utrecht-paragraph">
        <Link to={href("/mijn-verhalen")}>{t("myTitle")}</Link>
      </p>
      <h1 className="utrecht-heading-1">{t("editTitle")}</h1>
      {loaderData.editable ? (
        <>
          <p className="utrecht-paragraph">{t("editIntro")}</p>
          <TellForm
            id="aanpassen"
            lastResult={actionData?.result}
            defaultValue={loaderData.story}
            minutes={0}
            buurtName={loaderData.buurt.name}
            themes={loaderData.themes}
            areas={loaderData.areas}
            bbox={loaderData.bbox}
            baseStyleUrl={loaderData.baseStyleUrl}
            submitLabel={t("saveChanges")}
          />
        </>
      ) : (
        <p className="utrecht-paragraph">{t("alreadyModerated")}</p>
      )}
    </div>
  );
}
