import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, href, redirect, useSearchParams } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/buurtagenda-evaluaties";
import { agendaFor, agendaForChange, permissionsOn } from "../features/agenda/agenda-routes.server";
import { getAgendaDetails } from "../features/agenda/agenda.server";
import { EvaluationView } from "../features/progress/evaluation-view";
import { evaluationMessages } from "../features/progress/evaluation.messages";
import {
  EVALUATION_KINDS,
  councilViewSchema,
  evaluationSchema,
} from "../features/progress/evaluation.schema";
import {
  evaluationChoices,
  evaluationsOf,
  saveEvaluation,
  writeCouncilView,
} from "../features/progress/evaluation.server";
import { useText } from "../shared/i18n/i18n";
import {
  CheckboxField,
  CheckboxGroup,
  FormAlert,
  RadioGroup,
  StatusMessage,
  SubmitButton,
  TextAreaField,
  TextField,
} from "../shared/ui/form";

// Evaluations of a buurtagenda (issue 8): the platform and staff write them (evaluation.write),
// the advisory council adds its view (review.write), everyone who works on the agenda reads them.

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `Evaluaties: ${data.agenda.title} | Buurtagenda` : "Buurtagenda" },
  { name: "robots", content: "noindex" },
];

const iso = (d: Date) => d.toISOString().slice(0, 10);

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, resource } = await agendaFor(request, params.id, "agenda.view");
  const [details, items, agreements] = await Promise.all([
    getAgendaDetails(resource.agendaId),
    evaluationsOf(resource.agendaId),
    evaluationChoices(resource.agendaId),
  ]);
  return {
    agenda: { id: resource.agendaId, title: details.title },
    can: permissionsOn(user, resource, ["evaluation.write", "review.write"]),
    agreements,
    items: items.map((i) => ({
      id: i.id,
      kind: i.kind,
      title: i.title,
      periodFrom: iso(i.periodFrom),
      periodTo: iso(i.periodTo),
      forResidents: i.forResidents,
      forOrganisations: i.forOrganisations,
      forMunicipality: i.forMunicipality,
      bottlenecks: i.bottlenecks,
      changes: i.changes,
      isPublic: i.isPublic,
      author: i.author,
      agreements: i.agreements,
      councilView: i.councilView,
      councilViewBy: i.councilViewBy,
      councilViewAt: i.councilViewAt?.toISOString() ?? null,
    })),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const form = await request.formData();
  const back = href("/buurtagenda/:id/evaluaties", { id: params.id });
  if (form.get("intent") === "council-view") {
    const { user, resource } = await agendaForChange(request, params.id, "review.write");
    const submission = parseWithZod(form, { schema: councilViewSchema });
    if (submission.status !== "success") {
      return { view: submission.reply(), evaluationId: String(form.get("evaluationId") ?? "") };
    }
    if (!(await writeCouncilView(user.id, resource, submission.value))) {
      throw data(null, { status: 404 });
    }
    return redirect(`${back}?mening=1#evaluatie-${submission.value.evaluationId}`);
  }
  const { user, resource } = await agendaForChange(request, params.id, "evaluation.write");
  const submission = parseWithZod(form, { schema: evaluationSchema });
  if (submission.status !== "success") return { evaluation: submission.reply() };
  const outcome = await saveEvaluation(user.id, resource, submission.value);
  if (!outcome) throw data(null, { status: 404 });
  if (!outcome.ok) {
    return { evaluation: submission.reply({ fieldErrors: { agreements: [outcome.error] } }) };
  }
  return redirect(`${back}?opgeslagen=1#evaluatie-${outcome.id}`);
}

function CouncilViewForm({
  evaluationId,
  current,
  lastResult,
}: {
  evaluationId: string;
  current: string;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const t = useText(evaluationMessages);
  const [form, fields] = useForm<z.input<typeof councilViewSchema>>({
    id: `mening-${evaluationId}`,
    lastResult,
    defaultValue: { view: current },
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="council-view" />
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <TextAreaField
        field={fields.view}
        label={t("councilViewLabel")}
        required
        rows={4}
        errors={fields.view.errors?.map(t)}
      />
      <SubmitButton>{t("councilViewSend")}</SubmitButton>
    </Form>
  );
}

export default function Evaluations({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(evaluationMessages);
  const [search] = useSearchParams();
  const { agenda } = loaderData;
  const [form, fields] = useForm<z.input<typeof evaluationSchema>>({
    id: "evaluatie",
    lastResult: actionData && "evaluation" in actionData ? actionData.evaluation : undefined,
  });
  return (
    <div className="stack">
      <p className="utrecht-paragraph">
        <Link to={href("/buurtagenda/:id/werkruimte", { id: agenda.id })}>
          {t("backToWorkspace")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("title", { title: agenda.title })}</h1>
      <p className="utrecht-paragraph">{t("intro")}</p>
      {search.get("opgeslagen") ? <StatusMessage>{t("saved")}</StatusMessage> : null}
      {search.get("mening") ? <StatusMessage>{t("viewSaved")}</StatusMessage> : null}
      {loaderData.items.length === 0 ? (
        <p className="utrecht-paragraph">{t("none")}</p>
      ) : (
        <ul className="story-list">
          {loaderData.items.map((item) => (
            <li key={item.id}>
              <EvaluationView
                item={item}
                agreementHref={(id) =>
                  href("/buurtagenda/:id/afspraken/:agreement", { id: agenda.id, agreement: id })
                }
              />
              <p className="source-note">
                {t("writtenBy", { name: item.author ?? "" })} ·{" "}
                {item.isPublic ? t("isPublicNote") : t("notPublicNote")}
              </p>
              {loaderData.can["review.write"] ? (
                <CouncilViewForm
                  evaluationId={item.id}
                  current={item.councilView}
                  lastResult={
                    actionData && "view" in actionData && actionData.evaluationId === item.id
                      ? actionData.view
                      : undefined
                  }
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {loaderData.can["evaluation.write"] ? (
        <section className="section stack" aria-labelledby="evaluatie-schrijven">
          <h2 className="utrecht-heading-2" id="evaluatie-schrijven">
            {t("newTitle")}
          </h2>
          <FormAlert messages={form.errors?.map(t)} />
          <Form method="post" className="form" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="evaluation" />
            <RadioGroup
              field={fields.kind}
              legend={t("kind")}
              errors={fields.kind.errors?.map(t)}
              options={EVALUATION_KINDS.map((k) => ({ value: k, label: t(`kind_${k}`) }))}
            />
            <TextField
              field={fields.title}
              label={t("titleLabel")}
              description={t("titleHint")}
              errors={fields.title.errors?.map(t)}
            />
            <TextField
              field={fields.periodFrom}
              label={t("periodFrom")}
              type="date"
              errors={fields.periodFrom.errors?.map(t)}
            />
            <TextField
              field={fields.periodTo}
              label={t("periodTo")}
              type="date"
              errors={fields.periodTo.errors?.map(t)}
            />
            {(
              [
                "forResidents",
                "forOrganisations",
                "forMunicipality",
                "bottlenecks",
                "changes",
              ] as const
            ).map((name) => (
              <TextAreaField
                key={name}
                field={fields[name]}
                label={t(name)}
                required
                rows={4}
                errors={fields[name].errors?.map(t)}
              />
            ))}
            {loaderData.agreements.length ? (
              <CheckboxGroup
                field={fields.agreements}
                legend={t("agreementsLabel")}
                description={t("agreementsHint")}
                errors={fields.agreements.errors?.map(t)}
                options={loaderData.agreements.map((a) => ({ value: a.id, label: a.title }))}
              />
            ) : (
              <p className="utrecht-paragraph">{t("noAgreements")}</p>
            )}
            <CheckboxField
              field={fields.isPublic}
              label={t("isPublic")}
              errors={fields.isPublic.errors?.map(t)}
            />
            <SubmitButton>{t("save")}</SubmitButton>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
