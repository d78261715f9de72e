import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { FeatureCollection } from "geojson";
import { Form, Link, data, href } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/buurtagenda-initiatieven";
import { agendaMessages } from "../features/agenda/agenda.messages";
import { agendaFor, agendaForChange, permissionsOn } from "../features/agenda/agenda-routes.server";
import { initiativeSchema } from "../features/agenda/agenda.schema";
import { getPublicAgenda } from "../features/agenda/agenda.server";
import {
  addInitiative,
  listInitiatives,
  removeInitiative,
} from "../features/agenda/initiatives.server";
import { AreaMap } from "../features/territory/area-map";
import { CoordinateFields } from "../features/territory/coordinate-fields";
import { placementOf, type AreaGeometry } from "../features/territory/geo";
import { territoryMessages } from "../features/territory/territory.messages";
import { toFeatureCollection } from "../features/territory/territory.server";
import { env } from "../shared/env.server";
import { useLocale, useText } from "../shared/i18n/i18n";
import { StatusMessage, SubmitButton, TextAreaField, TextField } from "../shared/ui/form";
import { dateTimeFormat } from "../shared/i18n/formatters";

export const meta: Route.MetaFunction = () => [{ title: "Bestaande initiatieven | Buurtagenda" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, resource } = await agendaFor(request, params.id, "agenda.view");
  const [agenda, initiatives] = await Promise.all([
    getPublicAgenda(resource.agendaId),
    listInitiatives(resource.agendaId),
  ]);
  if (!agenda) throw data(null, { status: 404 });
  const buurten = agenda.buurten.map((b) => b.buurt);
  const points: FeatureCollection = {
    type: "FeatureCollection",
    features: initiatives
      .filter((i) => i.lon !== null && i.lat !== null)
      .map((i) => ({
        type: "Feature",
        properties: { title: i.title },
        geometry: { type: "Point", coordinates: [i.lon!, i.lat!] },
      })),
  };
  return {
    agenda: { id: agenda.id, title: agenda.title },
    initiatives: initiatives.map((i) => ({
      id: i.id,
      title: i.title,
      organiser: i.organiser,
      place: i.place,
      contact: i.contact,
      description: i.description,
      since: i.since?.toISOString() ?? null,
      onMap: i.lon !== null,
    })),
    areas: toFeatureCollection(buurten),
    bbox: placementOf(buurten.map((b) => b.geometry as unknown as AreaGeometry)).bbox,
    points,
    baseStyleUrl: env().MAP_STYLE_URL ?? null,
    can: permissionsOn(user, resource, ["initiative.manage"]),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, resource } = await agendaForChange(request, params.id, "initiative.manage");
  const formData = await request.formData();
  if (formData.get("intent") === "remove") {
    await removeInitiative(user.id, resource.agendaId, String(formData.get("initiativeId")));
    return { result: undefined, saved: false };
  }
  const submission = parseWithZod(formData, { schema: initiativeSchema });
  if (submission.status !== "success") return { result: submission.reply(), saved: false };
  const added = await addInitiative(user.id, resource.agendaId, submission.value);
  if (added === "outside-area") {
    return { result: submission.reply({ fieldErrors: { lat: ["outsideArea"] } }), saved: false };
  }
  return { result: submission.reply({ resetForm: true }), saved: true };
}

export default function InitiativesPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(agendaMessages);
  const tt = useText(territoryMessages);
  const locale = useLocale();
  const manage = loaderData.can["initiative.manage"];
  const monthYear = (iso: string) =>
    dateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", {
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    }).format(new Date(iso));
  return (
    <div className="stack">
      <p className="utrecht-paragraph">
        <Link to={href("/buurtagenda/:id/werkruimte", { id: loaderData.agenda.id })}>
          {t("back")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("initiativesTitle")}</h1>
      <p className="utrecht-paragraph">{t("initiativesIntro")}</p>
      <AreaMap
        areas={loaderData.areas}
        bbox={loaderData.bbox}
        points={loaderData.points}
        pick={manage ? { lonInputId: "initiative-lon", latInputId: "initiative-lat" } : undefined}
        label={
          manage ? t("initiativePickLabel") : tt("mapLabel", { name: loaderData.agenda.title })
        }
        caption={t("initiativesMapCaption")}
        unavailableText={tt("mapUnavailable")}
        loadingText={tt("mapLoading")}
        baseStyleUrl={loaderData.baseStyleUrl}
      />
      {loaderData.initiatives.length === 0 ? (
        <p className="utrecht-paragraph">{t("initiativesEmpty")}</p>
      ) : (
        <ul className="initiative-list">
          {loaderData.initiatives.map((initiative) => (
            <li key={initiative.id}>
              <h2 className="utrecht-heading-3">{initiative.title}</h2>
              <p className="utrecht-paragraph">
                {initiative.organiser}
                {initiative.place ? ` · ${initiative.place}` : ""}
                {initiative.since ? ` · ${t("since")} ${monthYear(initiative.since)}` : ""}
              </p>
              {initiative.description ? (
                <p className="utrecht-paragraph">{initiative.description}</p>
              ) : null}
              {initiative.contact ? (
                <p className="utrecht-paragraph">{initiative.contact}</p>
              ) : null}
              {manage ? (
                <Form method="post">
                  <input type="hidden" name="initiativeId" value={initiative.id} />
                  <SubmitButton variant="secondary" name="intent" value="remove">
                    {t("remove")}
                    <span className="visually-hidden">: {initiative.title}</span>
                  </SubmitButton>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {manage ? (
        <section className="section" aria-labelledby="initiatief-toevoegen">
          <h2 className="utrecht-heading-2" id="initiatief-toevoegen">
            {t("initiativeAddTitle")}
          </h2>
          <InitiativeForm lastResult={actionData?.result} saved={Boolean(actionData?.saved)} />
        </section>
      ) : null}
    </div>
  );
}

function InitiativeForm({
  lastResult,
  saved,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  saved: boolean;
}) {
  const t = useText(agendaMessages);
  const [form, fields] = useForm<z.input<typeof initiativeSchema>>({
    id: "initiative",
    lastResult,
  });
  const locationErrors = [...(fields.lon.errors ?? []), ...(fields.lat.errors ?? [])].map(t);
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      {saved ? <StatusMessage>{t("saved")}</StatusMessage> : null}
      <TextField
        field={fields.title}
        label={t("initiativeTitle")}
        errors={fields.title.errors?.map(t)}
      />
      <TextField
        field={fields.organiser}
        label={t("initiativeOrganiser")}
        errors={fields.organiser.errors?.map(t)}
      />
      <TextField
        field={fields.place}
        label={t("initiativePlace")}
        required={false}
        errors={fields.place.errors?.map(t)}
      />
      <TextField
        field={fields.contact}
        label={t("initiativeContact")}
        required={false}
        errors={fields.contact.errors?.map(t)}
      />
      <TextField
        field={fields.since}
        label={t("initiativeSince")}
        type="month"
        required={false}
        errors={fields.since.errors?.map(t)}
      />
      <TextAreaField
        field={fields.description}
        label={t("initiativeDescription")}
        errors={fields.description.errors?.map(t)}
        rows={3}
      />
      <fieldset
        className={`form-field${locationErrors.length ? " form-field--invalid" : ""}`}
        aria-describedby="initiative-location-hint"
      >
        <legend>{t("initiativeLocation")}</legend>
        <p id="initiative-location-hint" className="form-field__description">
          {t("initiativeLocationHint")}
        </p>
        <CoordinateFields
          idPrefix="initiative"
          lon={fields.lon}
          lat={fields.lat}
          labels={{ lon: t("longitude"), lat: t("latitude") }}
          errors={locationErrors}
        />
      </fieldset>
      <SubmitButton>{t("initiativeAdd")}</SubmitButton>
    </Form>
  );
}
