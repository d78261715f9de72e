import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, href, redirect, useSearchParams } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/buurtagenda-idee";
import { agendaFor, agendaForChange } from "../features/agenda/agenda-routes.server";
import { formatEuros } from "../features/agenda/money";
import { requestContext } from "../features/auth/auth-routes.server";
import { InstrumentPeriod } from "../features/ideas/instrument-form";
import { ideasMessages } from "../features/ideas/ideas.messages";
import {
  judgementSchema,
  mergeSchema,
  rejectIdeaSchema,
  VERDICTS,
} from "../features/ideas/ideas.schema";
import {
  ideaPage,
  ideaViewer,
  judgeIdea,
  mergeIdea,
  mergeTargets,
  moderateIdea,
  supportIdea,
} from "../features/ideas/ideas.server";
import { instrumentsOf } from "../features/ideas/instruments.server";
import { formatDate, formatDateTime, useLocale, useText } from "../shared/i18n/i18n";
import {
  CheckboxGroup,
  FormAlert,
  PlainSelect,
  RadioGroup,
  StatusMessage,
  SubmitButton,
  TextAreaField,
  TextField,
} from "../shared/ui/form";

// One idea: what it is about, its support, and the municipality's answer. The platform publishes
// or rejects a waiting idea and merges duplicates; staff (idea.judge) give the feasibility
// judgement, and see its history.

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `${data.idea.title} | Buurtagenda` : "Buurtagenda" },
];

const ideaUrl = (agendaId: string, ideaId: string) =>
  href("/buurtagenda/:id/ideeen/:idea", { id: agendaId, idea: ideaId });

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, resource } = await agendaFor(request, params.id, "published.view");
  const viewer = ideaViewer(user, resource);
  const page = await ideaPage(resource, params.idea, viewer);
  if (!page) throw data(null, { status: 404 });
  // A merged idea's old address (in mails, on posters) leads to the idea it joined.
  if (page.kind === "merged") throw redirect(ideaUrl(resource.agendaId, page.intoId));
  const { idea } = page;
  const [instruments, targets] = await Promise.all([
    viewer.canJudge ? instrumentsOf(resource.gemeenteCode) : [],
    viewer.canModerate ? mergeTargets(resource.agendaId, idea.id) : [],
  ]);
  const dated = <T extends { createdAt: Date; decisionDue: Date | null }>(j: T) => ({
    ...j,
    createdAt: j.createdAt.toISOString(),
    decisionDue: j.decisionDue?.toISOString() ?? null,
  });
  return {
    agendaId: resource.agendaId,
    signedIn: user !== null,
    viewer: {
      canModerate: viewer.canModerate,
      canJudge: viewer.canJudge,
      canViewInternal: viewer.canViewInternal,
    },
    idea: {
      id: idea.id,
      title: idea.title,
      description: idea.description,
      status: idea.status,
      origin: idea.origin,
      rejectionNote: idea.rejectionNote,
      isDemo: idea.isDemo,
      own: idea.own,
      createdAt: idea.createdAt.toISOString(),
      findings: idea.findings,
      supportCount: idea.supportCount,
      supportedByViewer: idea.supportedByViewer,
      current: idea.current && dated(idea.current),
      history: idea.history.map(dated),
    },
    instruments: instruments.map((i) => ({ id: i.id, title: i.title })),
    mergeTargets: targets,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const back = ideaUrl(params.id, params.idea);
  if (intent === "support" || intent === "unsupport") {
    const { user, resource } = await agendaForChange(request, params.id, "idea.submit");
    const outcome = await supportIdea(
      user.id,
      requestContext(request, context).ip,
      resource,
      params.idea,
      intent === "support",
    );
    if (outcome === "not-published") throw data(null, { status: 404 });
    return { support: outcome };
  }
  if (intent === "publish") {
    const { user, resource } = await agendaForChange(request, params.id, "idea.moderate");
    if (!(await moderateIdea(user.id, resource, params.idea, { publish: true }))) {
      throw data(null, { status: 409 });
    }
    return redirect(`${back}?geplaatst=1`);
  }
  if (intent === "reject") {
    const { user, resource } = await agendaForChange(request, params.id, "idea.moderate");
    const submission = parseWithZod(form, { schema: rejectIdeaSchema });
    if (submission.status !== "success") return { reject: submission.reply() };
    const note = submission.value.note;
    if (!(await moderateIdea(user.id, resource, params.idea, { publish: false, note }))) {
      throw data(null, { status: 409 });
    }
    return { rejected: true };
  }
  if (intent === "merge") {
    const { user, resource } = await agendaForChange(request, params.id, "idea.moderate");
    const submission = parseWithZod(form, { schema: mergeSchema });
    if (submission.status !== "success") return { merge: submission.reply() };
    const outcome = await mergeIdea(user.id, resource, params.idea, submission.value.into);
    if (!outcome.ok) {
      return { merge: submission.reply({ fieldErrors: { into: [outcome.error] } }) };
    }
    return redirect(
      `${ideaUrl(resource.agendaId, submission.value.into)}?samengevoegd=${outcome.supportersMoved}`,
    );
  }
  if (intent === "judge") {
    const { user, resource } = await agendaForChange(request, params.id, "idea.judge");
    const submission = parseWithZod(form, { schema: judgementSchema });
    if (submission.status !== "success") return { judge: submission.reply() };
    const outcome = await judgeIdea(user.id, resource, params.idea, submission.value);
    if (!outcome.ok) {
      return { judge: submission.reply({ fieldErrors: { [outcome.field]: [outcome.error] } }) };
    }
    return redirect(`${back}?beoordeeld=1#antwoord`);
  }
  throw data(null, { status: 400 });
}

export default function IdeaPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(ideasMessages);
  const locale = useLocale();
  const [search] = useSearchParams();
  const { idea, viewer, agendaId } = loaderData;
  const [judgeForm, judgeFields] = useForm<z.input<typeof judgementSchema>>({
    id: "oordeel",
    lastResult: actionData && "judge" in actionData ? actionData.judge : undefined,
  });
  const [rejectForm, rejectFields] = useForm<z.input<typeof rejectIdeaSchema>>({
    id: "afwijzen",
    lastResult: actionData && "reject" in actionData ? actionData.reject : undefined,
  });
  const [mergeForm, mergeFields] = useForm<z.input<typeof mergeSchema>>({
    id: "samenvoegen",
    lastResult: actionData && "merge" in actionData ? actionData.merge : undefined,
  });
  const support = actionData && "support" in actionData ? actionData.support : null;
  const merged = search.get("samengevoegd");
  const current = idea.current;
  return (
    <div className="stack">
      <p className="utrecht-paragraph">
        <Link to={href("/buurtagenda/:id/ideeen", { id: agendaId })}>{t("backToIdeas")}</Link>
      </p>
      <h1 className="utrecht-heading-1">{idea.title}</h1>
      {search.get("verstuurd") ? <StatusMessage>{t("ideaSent")}</StatusMessage> : null}
      {search.get("geplaatst") ? <StatusMessage>{t("ideaPublished")}</StatusMessage> : null}
      {search.get("beoordeeld") ? <StatusMessage>{t("judged")}</StatusMessage> : null}
      {actionData && "rejected" in actionData ? (
        <StatusMessage>{t("ideaRejected")}</StatusMessage>
      ) : null}
      {merged !== null ? (
        <StatusMessage>
          {t(merged === "1" ? "merged_one" : "merged_other", { count: merged })}
        </StatusMessage>
      ) : null}
      <p className="source-note">
        {t("proposedOn", {
          origin: t(`proposedBy_${idea.origin}`),
          date: formatDate(idea.createdAt, locale),
        })}
        {idea.isDemo ? ` · ${t("exampleIdea")}` : ""}
      </p>
      {idea.status === "submitted" ? <p className="utrecht-paragraph">{t("waitingNote")}</p> : null}
      {idea.status === "rejected" ? (
        <p className="utrecht-paragraph">{t("rejectedNote", { note: idea.rejectionNote })}</p>
      ) : null}
      <p className="utrecht-paragraph story-text">{idea.description}</p>
      <p className="source-note">
        {t("aboutFindings", { findings: idea.findings.map((f) => f.title).join(", ") })}
      </p>
      <p className="utrecht-paragraph">
        {t(idea.supportCount === 1 ? "supportCount_one" : "supportCount_other", {
          count: idea.supportCount,
        })}
      </p>
      {support === "added" ? <StatusMessage>{t("supported")}</StatusMessage> : null}
      {support === "already" ? <StatusMessage>{t("supportAlready")}</StatusMessage> : null}
      {support === "removed" ? <StatusMessage>{t("supportRemoved")}</StatusMessage> : null}
      {support === "limited" ? <StatusMessage>{t("supportLimited")}</StatusMessage> : null}
      {idea.status === "published" ? (
        loaderData.signedIn ? (
          <Form method="post">
            <input
              type="hidden"
              name="intent"
              value={idea.supportedByViewer ? "unsupport" : "support"}
            />
            <SubmitButton variant={idea.supportedByViewer ? "secondary" : "primary"}>
              {t(idea.supportedByViewer ? "supportWithdraw" : "support")}
            </SubmitButton>
          </Form>
        ) : (
          <p className="utrecht-paragraph">
            {t("newIdeaSignIn")}{" "}
            <Link
              to={`${href("/inloggen/code")}?terug=${encodeURIComponent(ideaUrl(agendaId, idea.id))}`}
            >
              {t("signIn")}
            </Link>
          </p>
        )
      ) : null}

      <section className="section stack" aria-labelledby="antwoord">
        <h2 className="utrecht-heading-2" id="antwoord">
          {t("answerTitle")}
        </h2>
        {current ? (
          <div className="stack">
            <p className="utrecht-paragraph">
              <strong>{t(`verdict_${current.verdict}`)}</strong>
            </p>
            {current.reason ? (
              <p className="utrecht-paragraph story-text">
                {t("answerReason", { reason: current.reason })}
              </p>
            ) : null}
            {current.decisionBy ? (
              <p className="utrecht-paragraph">
                {t("answerDecisionBy", { by: current.decisionBy })}
              </p>
            ) : null}
            {current.decisionDue ? (
              <p className="utrecht-paragraph">
                {t("answerDecisionDue", { date: formatDate(current.decisionDue, locale) })}
              </p>
            ) : null}
            {current.costEuros !== null ? (
              <p className="utrecht-paragraph">
                {t("answerCost", { cost: formatEuros(current.costEuros, locale) })}
              </p>
            ) : null}
            {current.budgetSource ? (
              <p className="utrecht-paragraph">
                {t("answerBudgetSource", { source: current.budgetSource })}
              </p>
            ) : null}
            {current.instruments.length ? (
              <>
                <p className="utrecht-paragraph">{t("answerInstruments")}</p>
                <ul className="utrecht-unordered-list">
                  {current.instruments.map((i) => (
                    <li key={i.id}>
                      {i.url ? (
                        <a href={i.url} rel="noopener noreferrer external">
                          {i.title}
                        </a>
                      ) : (
                        i.title
                      )}{" "}
                      <span className="source-note">
                        (<InstrumentPeriod from={i.startYear} to={i.endYear} />)
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <p className="source-note">
              {t("answerDate", { date: formatDate(current.createdAt, locale) })}
            </p>
          </div>
        ) : (
          <p className="utrecht-paragraph">{t("verdictNone")}</p>
        )}
        {viewer.canViewInternal && idea.history.length > 1 ? (
          <>
            <h3 className="utrecht-heading-3">{t("historyTitle")}</h3>
            <ul className="utrecht-unordered-list">
              {idea.history.slice(1).map((j) => (
                <li key={j.id}>
                  {t("historyItem", {
                    verdict: t(`verdict_${j.verdict}`),
                    date: formatDateTime(j.createdAt, locale),
                    name: j.judgedBy ?? t("someoneAtGemeente"),
                  })}
                  {j.reason ? `: ${j.reason}` : ""}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {viewer.canModerate && idea.status === "submitted" ? (
        <section className="section stack" aria-labelledby="controle-titel">
          <h2 className="utrecht-heading-2" id="controle-titel">
            {t("moderateTitle")}
          </h2>
          <Form method="post">
            <input type="hidden" name="intent" value="publish" />
            <SubmitButton>{t("publish")}</SubmitButton>
          </Form>
          <Form method="post" className="form" {...getFormProps(rejectForm)}>
            <input type="hidden" name="intent" value="reject" />
            <TextAreaField
              field={rejectFields.note}
              label={t("rejectNote")}
              required
              rows={2}
              errors={rejectFields.note.errors?.map(t)}
            />
            <SubmitButton variant="secondary">{t("reject")}</SubmitButton>
          </Form>
        </section>
      ) : null}

      {viewer.canModerate && (idea.status === "submitted" || idea.status === "published") ? (
        <section className="section stack" aria-labelledby="samenvoegen-titel">
          <h2 className="utrecht-heading-2" id="samenvoegen-titel">
            {t("mergeTitle")}
          </h2>
          <p className="utrecht-paragraph">{t("mergeHelp")}</p>
          {loaderData.mergeTargets.length ? (
            <Form method="post" className="form" {...getFormProps(mergeForm)}>
              <input type="hidden" name="intent" value="merge" />
              <FormAlert messages={mergeFields.into.errors?.map(t)} />
              <PlainSelect
                id={mergeFields.into.id}
                name={mergeFields.into.name}
                label={t("mergeInto")}
                emptyLabel={t("mergeChoose")}
                required
                defaultValue=""
                options={loaderData.mergeTargets.map((m) => ({ value: m.id, label: m.title }))}
              />
              <SubmitButton variant="secondary">{t("merge")}</SubmitButton>
            </Form>
          ) : (
            <p className="utrecht-paragraph">{t("mergeNone")}</p>
          )}
        </section>
      ) : null}

      {viewer.canJudge && idea.status === "published" ? (
        <section className="section stack" aria-labelledby="oordeel-titel">
          <h2 className="utrecht-heading-2" id="oordeel-titel">
            {t("judgeTitle")}
          </h2>
          <p className="utrecht-paragraph">{t("judgeHelp")}</p>
          <Form method="post" className="form" {...getFormProps(judgeForm)}>
            <input type="hidden" name="intent" value="judge" />
            <RadioGroup
              field={judgeFields.verdict}
              legend={t("verdict")}
              errors={judgeFields.verdict.errors?.map(t)}
              options={VERDICTS.map((v) => ({ value: v, label: t(`verdict_${v}`) }))}
            />
            <TextAreaField
              field={judgeFields.reason}
              label={t("reason")}
              description={t("reasonHelp")}
              rows={3}
              errors={judgeFields.reason.errors?.map(t)}
            />
            <TextField
              field={judgeFields.decisionBy}
              label={t("decisionBy")}
              description={t("decisionByHelp")}
              required={false}
              errors={judgeFields.decisionBy.errors?.map(t)}
            />
            <TextField
              field={judgeFields.decisionDue}
              label={t("decisionDue")}
              type="date"
              required={false}
              errors={judgeFields.decisionDue.errors?.map(t)}
            />
            {loaderData.instruments.length ? (
              <CheckboxGroup
                field={judgeFields.instruments}
                legend={t("instruments")}
                errors={judgeFields.instruments.errors?.map(t)}
                options={loaderData.instruments.map((i) => ({ value: i.id, label: i.title }))}
              />
            ) : (
              <p className="utrecht-paragraph">{t("instrumentsNone")}</p>
            )}
            <TextField
              field={judgeFields.cost}
              label={t("cost")}
              description={t("costHint")}
              inputMode="decimal"
              required={false}
              errors={judgeFields.cost.errors?.map(t)}
            />
            <TextField
              field={judgeFields.budgetSource}
              label={t("budgetSource")}
              required={false}
              errors={judgeFields.budgetSource.errors?.map(t)}
            />
            <SubmitButton>{t("judge")}</SubmitButton>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
