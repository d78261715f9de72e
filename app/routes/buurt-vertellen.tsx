import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useState } from "react";
import { Form, Link, data, href, redirect } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/buurt-vertellen";
import { authenticate } from "../features/auth/session.server";
import { authorize, requestContext } from "../features/auth/auth-routes.server";
import { clearDraft, readDraft, saveDraft } from "../features/stories/story-draft.server";
import { tellStory } from "../features/stories/stories.server";
import { STORY_MAX_LENGTH, tellSchema } from "../features/stories/stories.schema";
import { storiesMessages } from "../features/stories/stories.messages";
import { AreaMap } from "../features/territory/area-map";
import { CoordinateFields } from "../features/territory/coordinate-fields";
import { buurtCodeParam } from "../features/territory/territory.schema";
import { bboxOf, getBuurt, toFeatureCollection } from "../features/territory/territory.server";
import { db } from "../shared/db.server";
import { env } from "../shared/env.server";
import { useLocale, useText } from "../shared/i18n/i18n";
import { FormAlert, SubmitButton, TextField } from "../shared/ui/form";

// A resident tells a story about a buurt (block 4), phone first. Anyone may start typing; sending
// asks for an emailed code, and what was typed waits on the server meanwhile (story-draft).

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

export async function action({ request, params, context }: Route.ActionArgs) {
  const buurt = await buurtOf(params.code);
  const form = await request.formData();
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
  const t = useText(storiesMessages, { minutes: actionData?.minutes ?? 0, max: STORY_MAX_LENGTH });
  const locale = useLocale();
  const { buurt, draft } = loaderData;
  const [form, fields] = useForm<z.input<typeof tellSchema>>({
    id: "vertellen",
    lastResult: actionData?.result,
    defaultValue: (draft ?? undefined) as z.input<typeof tellSchema> | undefined,
    shouldRevalidate: "onBlur",
  });
  const initialText = typeof fields.text.initialValue === "string" ? fields.text.initialValue : "";
  const [length, setLength] = useState(initialText.length);
  const chosenThemes = new Set(
    Array.isArray(fields.themes.initialValue)
      ? (fields.themes.initialValue as string[])
      : typeof fields.themes.initialValue === "string"
        ? [fields.themes.initialValue]
        : [],
  );
  const checked = (value: unknown) => value === "on" || value === "ja";
  const pointErrors = [...(fields.lon.errors ?? []), ...(fields.lat.errors ?? [])].map(t);
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
      <FormAlert messages={form.errors?.map(t)} />
      <Form method="post" className="form" {...getFormProps(form)}>
        <TextField
          field={fields.title}
          label={t("title")}
          required={false}
          errors={fields.title.errors?.map(t)}
        />
        <div className={`form-field${fields.text.errors?.length ? " form-field--invalid" : ""}`}>
          <label htmlFor={fields.text.id}>{t("text")}</label>
          <p id={fields.text.descriptionId} className="form-field__description">
            {t("textHelp")}{" "}
            <span aria-live="polite">
              {t("charactersLeft", { count: Math.max(0, STORY_MAX_LENGTH - length) })}
            </span>
          </p>
          {fields.text.errors?.length ? (
            <p id={fields.text.errorId} className="form-field__error">
              {fields.text.errors.map(t).join(" ")}
            </p>
          ) : null}
          <textarea
            id={fields.text.id}
            name={fields.text.name}
            className="utrecht-textarea"
            rows={8}
            maxLength={STORY_MAX_LENGTH}
            defaultValue={initialText}
            onChange={(event) => setLength(event.currentTarget.value.length)}
            aria-required
            aria-invalid={fields.text.errors?.length ? true : undefined}
            aria-describedby={
              fields.text.errors?.length
                ? `${fields.text.descriptionId} ${fields.text.errorId}`
                : fields.text.descriptionId
            }
          />
        </div>
        <fieldset
          className={`form-field checkbox-group${fields.themes.errors?.length ? " form-field--invalid" : ""}`}
          aria-describedby={fields.themes.errors?.length ? fields.themes.errorId : undefined}
        >
          <legend>{t("themes")}</legend>
          {fields.themes.errors?.length ? (
            <p id={fields.themes.errorId} className="form-field__error">
              {fields.themes.errors.map(t).join(" ")}
            </p>
          ) : null}
          <div className="checkbox-group__options">
            {loaderData.themes.map((theme) => (
              <label key={theme.key} className="checkbox">
                <input
                  type="checkbox"
                  name={fields.themes.name}
                  value={theme.key}
                  defaultChecked={chosenThemes.has(theme.key)}
                />{" "}
                {locale === "nl" ? theme.labelNl : theme.labelEn}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className={`form-field${pointErrors.length ? " form-field--invalid" : ""}`}>
          <legend>{t("place")}</legend>
          <p className="form-field__description">{t("placeHelp")}</p>
          <AreaMap
            areas={loaderData.areas}
            bbox={loaderData.bbox}
            label={t("mapLabel", { buurt: buurt.name })}
            caption={t("mapCaption")}
            unavailableText={t("mapUnavailable")}
            loadingText={t("mapLoading")}
            baseStyleUrl={loaderData.baseStyleUrl}
            pick={{ lonInputId: "verhaal-lon", latInputId: "verhaal-lat" }}
          />
          <CoordinateFields
            idPrefix="verhaal"
            lon={fields.lon}
            lat={fields.lat}
            labels={{ lon: t("longitude"), lat: t("latitude") }}
            errors={pointErrors}
          />
        </fieldset>
        <fieldset className="form-field">
          <legend>{t("consentTitle")}</legend>
          {(["consentPublish", "consentQuote", "showName"] as const).map((name) => (
            <label key={name} className="checkbox">
              <input
                type="checkbox"
                name={fields[name].name}
                // Consent is an active choice (AVG): never ticked in advance.
                defaultChecked={checked(fields[name].initialValue)}
              />{" "}
              {t(name)}
            </label>
          ))}
        </fieldset>
        <TextField
          field={fields.tellerName}
          label={t("tellerName")}
          required={false}
          autoComplete="given-name"
          errors={fields.tellerName.errors?.map(t)}
        />
        <SubmitButton>{t("send")}</SubmitButton>
      </Form>
    </div>
  );
}
