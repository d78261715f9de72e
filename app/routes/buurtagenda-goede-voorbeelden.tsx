import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, href, redirect, useSearchParams } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/buurtagenda-goede-voorbeelden";
import { agendaFor, agendaForChange, permissionsOn } from "../features/agenda/agenda-routes.server";
import { getAgendaDetails } from "../features/agenda/agenda.server";
import { PracticeCard } from "../features/practices/practice-card";
import { practicesMessages } from "../features/practices/practices.messages";
import { WHOLE_AGENDA } from "../features/practices/practices.constants";
import { practiceSchema } from "../features/practices/practices.schema";
import {
  finishedAgreements,
  markPractice,
  practicesOf,
  unmarkPractice,
} from "../features/practices/practices.server";
import { useThemeLabel } from "../features/stories/theme-filter";
import { db } from "../shared/db.server";
import { useText } from "../shared/i18n/i18n";
import {
  CheckboxGroup,
  FormAlert,
  SelectField,
  StatusMessage,
  SubmitButton,
  TextAreaField,
  TextField,
} from "../shared/ui/form";

// Good practices of one buurtagenda (issue 9): everyone who works on it reads them; the platform
// and staff (practice.mark) mark a finished agreement or the whole agenda as an example.

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `Goede voorbeelden: ${data.agenda.title} | Buurtagenda` : "Buurtagenda" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, resource } = await agendaFor(request, params.id, "agenda.view");
  const [details, items, agreements, themes] = await Promise.all([
    getAgendaDetails(resource.agendaId),
    practicesOf(resource.agendaId),
    finishedAgreements(resource.agendaId),
    db().theme.findMany({ orderBy: { sortOrder: "asc" } }),
  ]);
  return {
    agenda: { id: resource.agendaId, title: details.title },
    can: permissionsOn(user, resource, ["practice.mark"]),
    items: items.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })),
    agreements,
    themes,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, resource } = await agendaForChange(request, params.id, "practice.mark");
  const form = await request.formData();
  const back = href("/buurtagenda/:id/goede-voorbeelden", { id: resource.agendaId });
  if (form.get("intent") === "unmark") {
    if (!(await unmarkPractice(user.id, resource, String(form.get("practiceId") ?? "")))) {
      throw data(null, { status: 404 });
    }
    return redirect(`${back}?verwijderd=1`);
  }
  const submission = parseWithZod(form, { schema: practiceSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  const outcome = await markPractice(user.id, resource, submission.value);
  if (!outcome.ok) {
    return { result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.error] } }) };
  }
  return redirect(`${back}?opgeslagen=1#voorbeeld-${outcome.id}`);
}

export default function AgendaPractices({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(practicesMessages);
  const [search] = useSearchParams();
  const themeLabel = useThemeLabel(loaderData.themes);
  const { agenda } = loaderData;
  const [form, fields] = useForm<z.input<typeof practiceSchema>>({
    id: "goed-voorbeeld",
    lastResult: actionData?.result,
  });
  return (
    <div className="stack">
      <p className="utrecht-paragraph">
        <Link to={href("/buurtagenda/:id/werkruimte", { id: agenda.id })}>
          {t("backToWorkspace")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("agendaTitle", { title: agenda.title })}</h1>
      <p className="utrecht-paragraph">{t("agendaIntro")}</p>
      <p className="utrecht-paragraph">
        <Link to={href("/goede-voorbeelden")}>{t("libraryLink")}</Link>
      </p>
      {search.get("opgeslagen") ? <StatusMessage>{t("marked")}</StatusMessage> : null}
      {search.get("verwijderd") ? <StatusMessage>{t("unmarked")}</StatusMessage> : null}
      {loaderData.items.length === 0 ? (
        <p className="utrecht-paragraph">{t("none")}</p>
      ) : (
        <ul className="story-list">
          {loaderData.items.map((item) => (
            <li key={item.id}>
              <PracticeCard item={item} themes={loaderData.themes}>
                <p className="utrecht-paragraph">{item.shared ? t("shared") : t("notShared")}</p>
                {loaderData.can["practice.mark"] ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="unmark" />
                    <input type="hidden" name="practiceId" value={item.id} />
                    <SubmitButton variant="secondary">{t("unmark")}</SubmitButton>
                  </Form>
                ) : null}
              </PracticeCard>
            </li>
          ))}
        </ul>
      )}
      <p className="source-note">{t("areaSource")}</p>
      {loaderData.can["practice.mark"] ? (
        <section className="section stack" aria-labelledby="markeren">
          <h2 className="utrecht-heading-2" id="markeren">
            {t("markTitle")}
          </h2>
          <p className="utrecht-paragraph">{t("markIntro")}</p>
          <FormAlert messages={form.errors?.map(t)} />
          <Form method="post" className="form" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="mark" />
            <SelectField
              field={fields.subject}
              label={t("subjectLabel")}
              description={t("subjectHint")}
              errors={fields.subject.errors?.map(t)}
              defaultValue={WHOLE_AGENDA}
              options={[
                { value: WHOLE_AGENDA, label: t("wholeAgenda") },
                ...loaderData.agreements.map((a) => ({ value: a.id, label: a.title })),
              ]}
            />
            <TextField
              field={fields.title}
              label={t("titleLabel")}
              description={t("titleHint")}
              errors={fields.title.errors?.map(t)}
            />
            <TextAreaField
              field={fields.whatWorked}
              label={t("whatWorked")}
              required
              rows={4}
              errors={fields.whatWorked.errors?.map(t)}
            />
            <TextAreaField
              field={fields.whatDidNot}
              label={t("whatDidNot")}
              required
              rows={4}
              errors={fields.whatDidNot.errors?.map(t)}
            />
            <CheckboxGroup
              field={fields.themes}
              legend={t("themes")}
              errors={fields.themes.errors?.map(t)}
              options={loaderData.themes.map((theme) => ({
                value: theme.key,
                label: themeLabel(theme.key),
              }))}
            />
            <SubmitButton>{t("markButton")}</SubmitButton>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
