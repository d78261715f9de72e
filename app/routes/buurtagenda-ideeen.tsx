import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, href, redirect } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/buurtagenda-ideeen";
import { agendaFor, agendaForChange } from "../features/agenda/agenda-routes.server";
import { getAgendaDetails } from "../features/agenda/agenda.server";
import { formatEuros } from "../features/agenda/money";
import { requestContext } from "../features/auth/auth-routes.server";
import { ideasMessages } from "../features/ideas/ideas.messages";
import { ideaSchema } from "../features/ideas/ideas.schema";
import {
  budgetOverview,
  findingChoices,
  ideaViewer,
  ideasOf,
  proposeIdea,
} from "../features/ideas/ideas.server";
import { useLocale, useText } from "../shared/i18n/i18n";
import {
  CheckboxGroup,
  FormAlert,
  SubmitButton,
  TextAreaField,
  TextField,
} from "../shared/ui/form";

// Block 6, the public side: the findings ideas are about, the ideas with their support and the
// municipality's answer, a form to give an idea, and for staff the budget check against block 1.

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `Ideeën: ${data.agenda.title} | Buurtagenda` : "Buurtagenda" },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, resource } = await agendaFor(request, params.id, "published.view");
  const viewer = ideaViewer(user, resource);
  const [details, findings, ideas, budget] = await Promise.all([
    getAgendaDetails(resource.agendaId),
    findingChoices(resource.agendaId, viewer),
    ideasOf(resource, viewer),
    viewer.canViewInternal ? budgetOverview(resource.agendaId) : null,
  ]);
  return {
    agenda: { id: resource.agendaId, title: details.title, gemeenteCode: resource.gemeenteCode },
    signedIn: user !== null,
    findings,
    ideas: ideas.map((idea) => ({ ...idea, createdAt: idea.createdAt.toISOString() })),
    budget,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, resource } = await agendaForChange(request, params.id, "idea.submit");
  const submission = parseWithZod(await request.formData(), { schema: ideaSchema });
  if (submission.status !== "success") return { result: submission.reply(), minutes: 0 };
  const outcome = await proposeIdea(
    user,
    requestContext(request, context).ip,
    resource,
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
  const to = href("/buurtagenda/:id/ideeen/:idea", { id: resource.agendaId, idea: outcome.id });
  return redirect(`${to}?${outcome.published ? "geplaatst" : "verstuurd"}=1`);
}

export default function Ideas({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(ideasMessages);
  const locale = useLocale();
  const { agenda, budget } = loaderData;
  const [form, fields] = useForm<z.input<typeof ideaSchema>>({
    id: "idee",
    lastResult: actionData?.result,
  });
  const minutes = actionData?.minutes ?? 0;
  return (
    <div className="stack">
      <p className="utrecht-paragraph">
        <Link to={href("/buurtagenda/:id", { id: agenda.id })}>{t("backToAgenda")}</Link>
      </p>
      <h1 className="utrecht-heading-1">{t("ideasTitle", { title: agenda.title })}</h1>
      <p className="utrecht-paragraph">{t("ideasIntro")}</p>
      <p className="utrecht-paragraph">
        <Link to={href("/gemeente/:code/beleid", { code: agenda.gemeenteCode })}>
          {t("toInstruments")}
        </Link>
      </p>
      {budget ? (
        <section className="section stack" aria-labelledby="budget">
          <h2 className="utrecht-heading-2" id="budget">
            {t("budgetTitle")}
          </h2>
          {budget.budgetEuros === null ? (
            <p className="utrecht-paragraph">
              {t("budgetMissing")}{" "}
              <Link to={href("/buurtagenda/:id/urgentie", { id: agenda.id })}>
                {t("budgetLink")}
              </Link>
            </p>
          ) : (
            <>
              <p className="utrecht-paragraph">
                {t(budget.fitsCount === 1 ? "budgetSummary_one" : "budgetSummary_other", {
                  count: budget.fitsCount,
                  cost: formatEuros(budget.fitsCostEuros, locale),
                  budget: formatEuros(budget.budgetEuros, locale),
                })}
              </p>
              {budget.exceeded ? (
                <div className="utrecht-alert utrecht-alert--warning">
                  <p className="utrecht-paragraph">
                    {t("budgetExceeded", {
                      amount: formatEuros(-(budget.remainingEuros ?? 0), locale),
                    })}
                  </p>
                </div>
              ) : (
                <p className="utrecht-paragraph">
                  {t("budgetRemaining", {
                    amount: formatEuros(budget.remainingEuros ?? 0, locale),
                  })}
                </p>
              )}
            </>
          )}
          {budget.fitsWithoutCost ? (
            <p className="utrecht-paragraph">
              {t(
                budget.fitsWithoutCost === 1 ? "budgetWithoutCost_one" : "budgetWithoutCost_other",
                {
                  count: budget.fitsWithoutCost,
                },
              )}
            </p>
          ) : null}
        </section>
      ) : null}
      <section className="section stack" aria-labelledby="ideeen">
        <h2 className="utrecht-heading-2" id="ideeen">
          {t("allIdeas")}
        </h2>
        {loaderData.ideas.length === 0 ? (
          <p className="utrecht-paragraph">{t("ideasNone")}</p>
        ) : (
          <ul className="initiative-list">
            {loaderData.ideas.map((idea) => (
              <li key={idea.id}>
                <Link to={href("/buurtagenda/:id/ideeen/:idea", { id: agenda.id, idea: idea.id })}>
                  {idea.title}
                </Link>
                {idea.isDemo ? <span className="status-badge">{t("exampleIdea")}</span> : null}
                {idea.own ? <span className="status-badge">{t("own")}</span> : null}
                {idea.status !== "published" ? (
                  <span className="status-badge">{t(`status_${idea.status}`)}</span>
                ) : null}
                <p className="source-note">
                  {t(idea.supportCount === 1 ? "supportCount_one" : "supportCount_other", {
                    count: idea.supportCount,
                  })}
                  {" · "}
                  {idea.verdict ? t(`verdict_${idea.verdict}`) : t("verdictNone")}
                </p>
                <p className="source-note">
                  {t("aboutFindings", { findings: idea.findings.map((f) => f.title).join(", ") })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="section stack" aria-labelledby="opgaven">
        <h2 className="utrecht-heading-2" id="opgaven">
          {t("findingsTitle")}
        </h2>
        {loaderData.findings.length === 0 ? (
          <p className="utrecht-paragraph">{t("noFindings")}</p>
        ) : (
          <>
            <p className="utrecht-paragraph">{t("findingsIntro")}</p>
            <ul className="utrecht-unordered-list">
              {loaderData.findings.map((f) => (
                <li key={f.id}>
                  <strong>{f.title}</strong>: {f.description}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {loaderData.findings.length ? (
        <section className="section stack" aria-labelledby="nieuw-idee">
          <h2 className="utrecht-heading-2" id="nieuw-idee">
            {t("newIdea")}
          </h2>
          {loaderData.signedIn ? (
            <>
              <FormAlert messages={form.errors?.map((e) => t(e, { minutes }))} />
              <Form method="post" className="form" {...getFormProps(form)}>
                <input type="hidden" name="intent" value="idea" />
                <TextField
                  field={fields.title}
                  label={t("ideaTitle")}
                  errors={fields.title.errors?.map(t)}
                />
                <TextAreaField
                  field={fields.description}
                  label={t("ideaDescription")}
                  description={t("ideaDescriptionHelp")}
                  required
                  rows={4}
                  errors={fields.description.errors?.map(t)}
                />
                <CheckboxGroup
                  field={fields.findings}
                  legend={t("ideaFindings")}
                  errors={fields.findings.errors?.map(t)}
                  options={loaderData.findings.map((f) => ({ value: f.id, label: f.title }))}
                />
                <SubmitButton>{t("ideaSend")}</SubmitButton>
              </Form>
            </>
          ) : (
            <p className="utrecht-paragraph">
              {t("newIdeaSignIn")}{" "}
              <Link
                to={`${href("/inloggen/code")}?terug=${encodeURIComponent(href("/buurtagenda/:id/ideeen", { id: agenda.id }))}`}
              >
                {t("signIn")}
              </Link>
            </p>
          )}
        </section>
      ) : null}
    </div>
  );
}
