import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, href, redirect } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/buurtagenda-opgaven";
import { agendaFor, agendaForChange, permissionsOn } from "../features/agenda/agenda-routes.server";
import { getAgendaDetails } from "../features/agenda/agenda.server";
import { createFinding, findingsOf, valueRef } from "../features/linking/findings.server";
import { findingSchema } from "../features/linking/linking.schema";
import { linkingMessages } from "../features/linking/linking.messages";
import { frozenScanFigures } from "../features/scan/buurtscan.server";
import { formatFigure } from "../features/scan/format";
import { mostRecognisedStories } from "../features/stories/stories.server";
import { buurtNames } from "../features/territory/territory.server";
import { db } from "../shared/db.server";
import { useLocale, useText } from "../shared/i18n/i18n";
import {
  CheckboxField,
  CheckboxGroup,
  FormAlert,
  SubmitButton,
  TextAreaField,
  TextField,
} from "../shared/ui/form";

// Findings (opgaven) of a buurtagenda, block 5: the list, and for the platform and staff
// (agenda.draft) a new finding with its evidence: stories of the area and frozen figures.

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `Opgaven: ${data.agenda.title} | Buurtagenda` : "Buurtagenda" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, resource } = await agendaFor(request, params.id, "agenda.view");
  const canDraft = permissionsOn(user, resource, ["agenda.draft"])["agenda.draft"];
  const [details, findings, themes, names, stories, scan] = await Promise.all([
    getAgendaDetails(resource.agendaId),
    findingsOf(resource.agendaId),
    db().theme.findMany({ orderBy: { sortOrder: "asc" } }),
    buurtNames(resource.buurtCodes),
    canDraft ? mostRecognisedStories(resource.buurtCodes) : [],
    canDraft ? frozenScanFigures(resource.agendaId) : null,
  ]);
  return {
    agenda: { id: resource.agendaId, title: details.title },
    canDraft,
    findings: findings.map((f) => ({ ...f, createdAt: f.createdAt.toISOString() })),
    themes: themes.map((t) => ({ key: t.key, labelNl: t.labelNl, labelEn: t.labelEn })),
    storyChoices: stories.map((s) => ({
      id: s.id,
      title: `${s.title || s.text.slice(0, 80)}${!s.title && s.text.length > 80 ? "…" : ""}`,
      buurt: names.get(s.buurtCode) ?? s.buurtCode,
      recognised: s.recognised,
    })),
    valueChoices: (scan?.indicators ?? []).flatMap((indicator) =>
      indicator.buurtValues
        .filter((v) => resource.buurtCodes.includes(v.code))
        .map((v) => ({
          ref: valueRef({ scanId: scan!.scanId, areaCode: v.code, indicatorKey: indicator.key }),
          indicatorNl: indicator.labelNl,
          indicatorEn: indicator.labelEn,
          buurt: names.get(v.code) ?? v.code,
          value: v.value,
          unit: indicator.unit,
          year: indicator.year,
        })),
    ),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, resource } = await agendaForChange(request, params.id, "agenda.draft");
  const submission = parseWithZod(await request.formData(), { schema: findingSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  const outcome = await createFinding(user.id, resource, submission.value);
  if (!outcome.ok) {
    return { result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.error] } }) };
  }
  return redirect(
    `${href("/buurtagenda/:id/opgaven/:finding", { id: resource.agendaId, finding: outcome.id })}?opgeslagen=1`,
  );
}

export default function Findings({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(linkingMessages);
  const locale = useLocale();
  const { agenda } = loaderData;
  const [form, fields] = useForm<z.input<typeof findingSchema>>({
    id: "opgave",
    lastResult: actionData?.result,
  });
  const themeLabel = (key: string) => {
    const theme = loaderData.themes.find((th) => th.key === key);
    return theme ? (locale === "nl" ? theme.labelNl : theme.labelEn) : key;
  };
  const evidenceErrors = fields.stories.errors ?? [];
  const formErrors = [...(form.errors ?? []), ...((form.allErrors.evidence as string[]) ?? [])];
  return (
    <div className="stack">
      <p className="utrecht-paragraph">
        <Link to={href("/buurtagenda/:id/werkruimte", { id: agenda.id })}>{agenda.title}</Link>
      </p>
      <h1 className="utrecht-heading-1">{t("findingsTitle", { title: agenda.title })}</h1>
      <p className="utrecht-paragraph">{t("findingsIntro")}</p>
      {loaderData.findings.length === 0 ? (
        <p className="utrecht-paragraph">{t("findingsNone")}</p>
      ) : (
        <ul className="initiative-list">
          {loaderData.findings.map((finding) => (
            <li key={finding.id}>
              <Link
                to={href("/buurtagenda/:id/opgaven/:finding", {
                  id: agenda.id,
                  finding: finding.id,
                })}
              >
                {finding.title}
              </Link>
              <p className="source-note">
                {finding.themes.map(themeLabel).join(", ")}
                {finding.themes.length ? " · " : ""}
                {t("evidenceCount", {
                  stories: finding.storyCount,
                  values: finding.valueCount,
                  comments: finding.commentCount,
                })}
                {finding.isPublic ? ` · ${t("findingIsPublic")}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
      {loaderData.canDraft ? (
        <section className="section stack" aria-labelledby="nieuwe-opgave">
          <h2 className="utrecht-heading-2" id="nieuwe-opgave">
            {t("findingNew")}
          </h2>
          <FormAlert messages={[...formErrors, ...evidenceErrors].map(t)} />
          <Form method="post" className="form" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="finding" />
            <TextField
              field={fields.title}
              label={t("findingTitle")}
              errors={fields.title.errors?.map(t)}
            />
            <TextAreaField
              field={fields.description}
              label={t("findingDescription")}
              required
              rows={4}
              errors={fields.description.errors?.map(t)}
            />
            <CheckboxField field={fields.isPublic} label={t("findingPublic")} />
            <CheckboxGroup
              field={fields.themes}
              legend={t("findingThemes")}
              errors={fields.themes.errors?.map(t)}
              options={loaderData.themes.map((th) => ({
                value: th.key,
                label: themeLabel(th.key),
              }))}
            />
            <CheckboxGroup
              field={fields.stories}
              legend={t("evidenceStories")}
              description={t("evidenceStoriesHelp")}
              options={loaderData.storyChoices.map((s) => ({
                value: s.id,
                label: `${s.title} (${s.buurt}, ${t("recognisedShort", { count: s.recognised })})`,
              }))}
            />
            {loaderData.valueChoices.length ? (
              <CheckboxGroup
                field={fields.values}
                legend={t("evidenceValues")}
                options={loaderData.valueChoices.map((v) => ({
                  value: v.ref,
                  label: t("evidenceValue", {
                    indicator: locale === "nl" ? v.indicatorNl : v.indicatorEn,
                    buurt: v.buurt,
                    value: formatFigure(v.value, v.unit, locale),
                    year: v.year ?? "",
                  }),
                }))}
              />
            ) : (
              <p className="utrecht-paragraph">{t("evidenceNoValues")}</p>
            )}
            <SubmitButton>{t("findingSave")}</SubmitButton>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
