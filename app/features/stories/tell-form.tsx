import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { useState } from "react";
import { Form } from "react-router";
import type { FeatureCollection } from "geojson";
import type { z } from "zod";
import { AreaMap } from "../territory/area-map";
import { CoordinateFields } from "../territory/coordinate-fields";
import type { BoundingBox } from "../territory/geo";
import { useLocale, useText } from "../../shared/i18n/i18n";
import { FormAlert, SubmitButton, TextField } from "../../shared/ui/form";
import { STORY_MAX_LENGTH } from "./stories.constants";
import type { tellSchema } from "./stories.schema";
import { storiesMessages } from "./stories.messages";

/**
 * The resident's story form: telling a new story and editing one's own before moderation use the
 * same fields, limits and consent choices (never ticked in advance).
 */
export function TellForm({
  id,
  lastResult,
  defaultValue,
  minutes,
  buurtName,
  themes,
  areas,
  bbox,
  baseStyleUrl,
  submitLabel,
}: {
  id: string;
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue: Record<string, unknown> | null;
  /** For the rate-limit message. */
  minutes: number;
  buurtName: string;
  themes: { key: string; labelNl: string; labelEn: string }[];
  areas: FeatureCollection;
  bbox: BoundingBox;
  baseStyleUrl: string | null;
  submitLabel: string;
}) {
  const t = useText(storiesMessages, { minutes, max: STORY_MAX_LENGTH });
  const locale = useLocale();
  const [form, fields] = useForm<z.input<typeof tellSchema>>({
    id,
    lastResult,
    defaultValue: (defaultValue ?? undefined) as z.input<typeof tellSchema> | undefined,
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
    <>
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
            {themes.map((theme) => (
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
            areas={areas}
            bbox={bbox}
            label={t("mapLabel", { buurt: buurtName })}
            caption={t("mapCaption")}
            unavailableText={t("mapUnavailable")}
            loadingText={t("mapLoading")}
            baseStyleUrl={baseStyleUrl}
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
        <SubmitButton>{submitLabel}</SubmitButton>
      </Form>
    </>
  );
}
