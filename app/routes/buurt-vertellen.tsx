import { parseWithZod } from "@conform-to/zod/v4";
import { Link, data, href, redirect, type ShouldRevalidateFunction } from "react-router";
import type { Route } from "./+types/buurt-vertellen";
import { isDatabaseUnavailable, isUnavailableResult } from "../shared/database-unavailable";
import { authenticate } from "../features/auth/session.server";
import { authorize, requestContext } from "../features/auth/auth-routes.server";
import { clearDraft, readDraft, saveDraft } from "../features/stories/story-draft.server";
import { tellStory } from "../features/stories/stories.server";
import { tellSchema } from "../features/stories/stories.schema";
import { TellForm } from "../features/stories/tell-form";
import { storiesMessages } from "../features/stories/stories.messages";
import { buurtCodeParam } from "../features/territory/territory.schema";
import { bboxOf, getBuurt, toFeatureCollection } from "../features/territory/territory.server";
import { db } from "../shared/db.server";
import { env } from "../shared/env.server";
import { useText } from "../shared/i18n/i18n";
import { publicPageHeaders } from "../shared/page-cache";

// A resident tells a story about a buurt (block 4), phone first. Anyone may start typing; sending
// asks for an emailed code, and what was typed waits on the server meanwhile (story-draft).

// Without cookies the empty form is the same for everyone; a draft or a session is a cookie, and
// the page cache passes those by (decision 0029).
export const headers = publicPageHeaders;

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `Vertel over ${data.buurt.name} | Buurtagenda` : "Buurtagenda" },
];

async function buurtOf(code: string) {
  const parsed = buurtCodeParam.safeParse(code);
  const buurt = parsed.success ? await getBuurt(parsed.data) : null;
  if (!buurt) throw data(null, { status: 404 });
  return buurt;
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const buurt = await buurtOf(params.code);
  await authorize(request, "published.view", { kind: "buurt", buurtCode: buurt.code });
  const [{ user }, draft, themes] = await Promise.all([
    authenticate(request),
    readDraft(request),
    db().theme.findMany({ orderBy: { sortOrder: "asc" } }),
  ]);
  return {
    buurt: { code: buurt.code, name: buurt.name },
    signedIn: Boolean(user),
    draft: draft && draft.buurtCode === buurt.code ? draft : null,
    themes: themes.map((t) => ({ key: t.key, labelNl: t.labelNl, labelEn: t.labelEn })),
    areas: toFeatureCollection([buurt]),
    bbox: bboxOf(buurt),
    baseStyleUrl: env().MAP_STYLE_URL ?? null,
  };
}

export async function action(args: Route.ActionArgs) {
  const form = await args.request.formData();
  try {
    return await tell(args, form);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    // The story is not lost: the form shows it again with this message, and the page is not
    // reloaded from the database that is away (shouldRevalidate below and in root.tsx).
    const submission = parseWithZod(form, { schema: tellSchema });
    return {
      result: submission.reply({ formErrors: ["unavailable"] }),
      minutes: 0,
      unavailable: true,
    };
  }
}

export const shouldRevalidate: ShouldRevalidateFunction = ({
  actionResult,
  defaultShouldRevalidate,
}) => (isUnavailableResult(actionResult) ? false : defaultShouldRevalidate);

async function tell({ request, params, context }: Route.ActionArgs, form: FormData) {
  const buurt = await buurtOf(params.code);
  const submission = parseWithZod(form, { schema: tellSchema });
  if (submission.status !== "success") return { result: submission.reply(), minutes: 0 };
  const { user } = await authenticate(request);
  if (!user) {
    // Keep what was typed, then sign in by code and come back here.
    const cookie = await saveDraft({ ...submission.payload, buurtCode: buurt.code });
    const back = href("/buurt/:code/vertellen", { code: buurt.code });
    return redirect(`${href("/inloggen/code")}?terug=${encodeURIComponent(back)}`, {
      headers: { "Set-Cookie": cookie },
    });
  }
  await authorize(request, "story.submit", { kind: "buurt", buurtCode: buurt.code });
  const outcome = await tellStory(
    { id: user.id, ip: requestContext(request, context).ip },
    buurt.code,
    submission.value,
  );
  if (!outcome.ok) {
    if ("limitedMinutes" in outcome) {
      return {
        result: submission.reply({ formErrors: ["limited"] }),
        minutes: outcome.limitedMinutes,
      };
    }
    return {
      result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.error] } }),
      minutes: 0,
    };
  }
  return redirect(`${href("/mijn-verhalen")}?verteld=1`, {
    headers: { "Set-Cookie": await clearDraft(request) },
  });
}

export default function Tell({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(storiesMessages);
  const { buurt, draft } = loaderData;
  return (
    <div className="stack">
      <p className="utrecht-paragraph">
        <Link to={href("/buurt/:code", { code: buurt.code })}>{buurt.name}</Link>
      </p>
      <h1 className="utrecht-heading-1">{t("tellTitle", { buurt: buurt.name })}</h1>
      <p className="utrecht-paragraph">{t("tellIntro")}</p>
      {draft && loaderData.signedIn ? (
        <div className="utrecht-alert utrecht-alert--info" role="status">
          <p className="utrecht-paragraph">{t("draftRestored")}</p>
        </div>
      ) : null}
      {!loaderData.signedIn ? <p className="utrecht-paragraph">{t("signInNeeded")}</p> : null}
      <TellForm
        id="vertellen"
        lastResult={actionData?.result}
        defaultValue={draft}
        minutes={actionData?.minutes ?? 0}
        buurtName={buurt.name}
        themes={loaderData.themes}
        areas={loaderData.areas}
        bbox={loaderData.bbox}
        baseStyleUrl={loaderData.baseStyleUrl}
        submitLabel={t("send")}
      />
    </div>
  );
}
