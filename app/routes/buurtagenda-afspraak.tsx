import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, href, redirect, useSearchParams } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/buurtagenda-afspraak";
import { agendaFor, agendaForChange, permissionsOn } from "../features/agenda/agenda-routes.server";
import { formatEuros } from "../features/agenda/money";
import { AgreementForm } from "../features/document/agreement-form";
import { agreementSchema } from "../features/document/agreements.schema";
import {
  agreementChoices,
  agreementWithEvidence,
  saveAgreement,
} from "../features/document/agreements.server";
import { documentMessages } from "../features/document/document.messages";
import { formatFigure } from "../features/scan/format";
import { buurtNames } from "../features/territory/territory.server";
import { progressSchema } from "../features/progress/progress.schema";
import {
  isOverdue,
  ownsAgreement,
  progressOf,
  reportProgress,
} from "../features/progress/progress.server";
import { progressMessages } from "../features/progress/progress.messages";
import { RemeasureTable } from "../features/progress/remeasure-table";
import { remeasureMessages } from "../features/progress/remeasure.messages";
import { remeasureAgreements } from "../features/progress/remeasure.server";
import { AGREEMENT_STATUSES } from "../features/document/agreements.schema";
import { formatDate, useLocale, useText } from "../shared/i18n/i18n";
import { dutchToday } from "../shared/validation";
import {
  SelectField,
  StatusMessage,
  SubmitButton,
  TextAreaField,
  TextField,
} from "../shared/ui/form";

// One agreement with its evidence chain: agreement → findings and ideas → stories and frozen
// figures. The platform and staff (agenda.draft) change it here.

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `${data.agreement.title} | Buurtagenda` : "Buurtagenda" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, resource } = await agendaFor(request, params.id, "agenda.view");
  const agreement = await agreementWithEvidence(resource, params.agreement);
  if (!agreement) throw data(null, { status: 404 });
  const canDraft = permissionsOn(user, resource, ["agenda.draft"])["agenda.draft"];
  const [choices, names, updates, remeasured] = await Promise.all([
    canDraft ? agreementChoices(resource.agendaId, agreement.indicatorKeys) : null,
    buurtNames(resource.buurtCodes),
    progressOf(agreement.id),
    remeasureAgreements([agreement.id]),
  ]);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return {
    agendaId: resource.agendaId,
    canDraft,
    canReport: ownsAgreement(user, resource, agreement.ownerParty),
    today: dutchToday(),
    overdue: isOverdue(agreement),
    updates: updates.map((u) => ({
      ...u,
      happenedOn: u.happenedOn.toISOString().slice(0, 10),
      createdAt: u.createdAt.toISOString(),
    })),
    choices,
    remeasured: remeasured.get(agreement.id) ?? [],
    agreement: {
      id: agreement.id,
      title: agreement.title,
      description: agreement.description,
      owner: agreement.owner,
      status: agreement.status,
      startsOn: iso(agreement.startsOn),
      dueOn: iso(agreement.dueOn),
      costEuros: agreement.costEuros,
      budgetSource: agreement.budgetSource,
      ideas: agreement.ideas,
      findings: agreement.findings.map((f) => ({
        id: f.id,
        title: f.title,
        description: f.description,
        stories: f.stories.map((s) => ({ id: s.id, title: s.title, text: s.text })),
        values: f.values.map((v) => ({
          key: `${v.indicatorKey}-${v.areaCode}`,
          labelNl: v.indicator.labelNl,
          labelEn: v.indicator.labelEn,
          unit: v.indicator.unit,
          buurt: names.get(v.areaCode) ?? v.areaCode,
          value: v.value,
          year: v.year,
          source: v.source,
        })),
      })),
    },
    initial: {
      title: agreement.title,
      description: agreement.description,
      owner: agreement.ownerPartyId,
      startsOn: iso(agreement.startsOn),
      dueOn: iso(agreement.dueOn),
      cost: agreement.costEuros?.toString() ?? "",
      budgetSource: agreement.budgetSource,
      status: agreement.status,
      findings: agreement.findingIds,
      ideas: agreement.ideas.map((i) => i.id),
      indicators: agreement.indicatorKeys,
    },
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const form = await request.formData();
  if (form.get("intent") === "progress") {
    // The owner reports; reportProgress checks they act for the owning party.
    const { user, resource } = await agendaForChange(request, params.id, "agenda.view");
    const submission = parseWithZod(form, { schema: progressSchema });
    if (submission.status !== "success") return { progress: submission.reply() };
    const outcome = await reportProgress(user, resource, params.agreement, submission.value);
    if (outcome === "unknown") throw data(null, { status: 404 });
    if (outcome === "not-owner") throw data(null, { status: 403 });
    return redirect(
      `${href("/buurtagenda/:id/afspraken/:agreement", { id: resource.agendaId, agreement: params.agreement })}?voortgang=1#voortgang`,
    );
  }
  const { user, resource } = await agendaForChange(request, params.id, "agenda.draft");
  const submission = parseWithZod(form, { schema: agreementSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  const outcome = await saveAgreement(user.id, resource, submission.value, params.agreement);
  if (!outcome) throw data(null, { status: 404 });
  if (!outcome.ok) {
    return { result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.error] } }) };
  }
  return redirect(
    `${href("/buurtagenda/:id/afspraken/:agreement", { id: resource.agendaId, agreement: outcome.id })}?opgeslagen=1`,
  );
}

export default function AgreementPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(documentMessages);
  const locale = useLocale();
  const [search] = useSearchParams();
  const { agreement } = loaderData;
  const tp = useText(progressMessages);
  const tr = useText(remeasureMessages);
  const [progressForm, progressFields] = useForm<z.input<typeof progressSchema>>({
    id: "voortgang-melden",
    lastResult: actionData && "progress" in actionData ? actionData.progress : undefined,
    defaultValue: { status: agreement.status, happenedOn: loaderData.today },
  });
  return (
    <div className="stack">
      <p className="utrecht-paragraph">
        <Link to={href("/buurtagenda/:id/afspraken", { id: loaderData.agendaId })}>
          {t("backToAgreements")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{agreement.title}</h1>
      {search.get("opgeslagen") ? <StatusMessage>{t("agreementSaved")}</StatusMessage> : null}
      {loaderData.overdue ? (
        <p className="utrecht-paragraph">
          <strong>{tp("overdue")}</strong>
        </p>
      ) : null}
      {agreement.description ? (
        <p className="utrecht-paragraph story-text">{agreement.description}</p>
      ) : null}
      <dl className="facts">
        <dt>{t("owner")}</dt>
        <dd>{agreement.owner}</dd>
        <dt>{t("status")}</dt>
        <dd>{t(`status_${agreement.status}`)}</dd>
        <dt>{t("dueOn")}</dt>
        <dd>
          {t("period", {
            from: formatDate(agreement.startsOn, locale),
            to: formatDate(agreement.dueOn, locale),
          })}
        </dd>
        <dt>{t("cost")}</dt>
        <dd>
          {agreement.costEuros === null ? t("noCost") : formatEuros(agreement.costEuros, locale)}
          {agreement.budgetSource ? ` (${agreement.budgetSource})` : ""}
        </dd>
      </dl>
      <section className="section stack" aria-labelledby="waarom">
        <h2 className="utrecht-heading-2" id="waarom">
          {t("evidenceTitle")}
        </h2>
        {agreement.findings.length === 0 && agreement.ideas.length === 0 ? (
          <p className="utrecht-paragraph">{t("evidenceNone")}</p>
        ) : null}
        {agreement.findings.map((f) => (
          <article key={f.id} className="stack" aria-labelledby={`opgave-${f.id}`}>
            <h3 className="utrecht-heading-3" id={`opgave-${f.id}`}>
              <Link
                to={href("/buurtagenda/:id/opgaven/:finding", {
                  id: loaderData.agendaId,
                  finding: f.id,
                })}
              >
                {f.title}
              </Link>
            </h3>
            <p className="utrecht-paragraph story-text">{f.description}</p>
            {f.values.length ? (
              <>
                <h4 className="utrecht-heading-4">{t("findingFigures")}</h4>
                <ul className="utrecht-unordered-list">
                  {f.values.map((v) => (
                    <li key={v.key}>
                      {locale === "nl" ? v.labelNl : v.labelEn}, {v.buurt}:{" "}
                      {formatFigure(v.value, v.unit, locale)} ({v.year}){" "}
                      <span className="source-note">({v.source})</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {f.stories.length ? (
              <>
                <h4 className="utrecht-heading-4">{t("findingStories")}</h4>
                <ul className="story-list">
                  {f.stories.map((s) => (
                    <li key={s.id}>
                      {s.title ? <strong>{s.title}</strong> : null}
                      <p className="utrecht-paragraph story-text">{s.text}</p>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </article>
        ))}
        {agreement.ideas.length ? (
          <ul className="utrecht-unordered-list">
            {agreement.ideas.map((idea) => (
              <li key={idea.id}>
                <Link
                  to={href("/buurtagenda/:id/ideeen/:idea", {
                    id: loaderData.agendaId,
                    idea: idea.id,
                  })}
                >
                  {idea.title}
                </Link>
                {" — "}
                {idea.verdict
                  ? t("ideaVerdict", { verdict: t(`verdict_${idea.verdict}`) })
                  : t("ideaNoVerdict")}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section className="section stack" aria-labelledby="geholpen">
        <h2 className="utrecht-heading-2" id="geholpen">
          {tr("title")}
        </h2>
        {loaderData.remeasured.length ? (
          <>
            <p className="utrecht-paragraph">{tr("intro")}</p>
            <RemeasureTable rows={loaderData.remeasured} />
          </>
        ) : (
          <p className="utrecht-paragraph">{tr("none")}</p>
        )}
      </section>
      <section className="section stack" aria-labelledby="voortgang">
        <h2 className="utrecht-heading-2" id="voortgang">
          {tp("progressTitle")}
        </h2>
        {search.get("voortgang") ? <StatusMessage>{tp("saved")}</StatusMessage> : null}
        {loaderData.updates.length === 0 ? (
          <p className="utrecht-paragraph">{tp("progressNone")}</p>
        ) : (
          <ul className="story-list">
            {loaderData.updates.map((u) => (
              <li key={u.id}>
                <strong>
                  {tp("progressItem", {
                    date: formatDate(u.happenedOn, locale),
                    status: t(`status_${u.status}`),
                  })}
                </strong>
                {u.note ? <p className="utrecht-paragraph story-text">{u.note}</p> : null}
                {u.link ? (
                  <p className="utrecht-paragraph">
                    <a href={u.link} rel="noopener noreferrer nofollow">
                      {tp("readMore")}
                    </a>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {loaderData.canReport ? (
          <Form method="post" className="form" {...getFormProps(progressForm)}>
            <h3 className="utrecht-heading-3">{tp("progressNew")}</h3>
            <p className="utrecht-paragraph">{tp("progressIntro", { owner: agreement.owner })}</p>
            <input type="hidden" name="intent" value="progress" />
            <SelectField
              field={progressFields.status}
              label={tp("status")}
              errors={progressFields.status.errors?.map(tp)}
              options={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`status_${s}`) }))}
            />
            <TextAreaField
              field={progressFields.note}
              label={tp("note")}
              description={tp("noteHelp")}
              rows={3}
              errors={progressFields.note.errors?.map(tp)}
            />
            <TextField
              field={progressFields.link}
              label={tp("link")}
              type="url"
              required={false}
              errors={progressFields.link.errors?.map(tp)}
            />
            <TextField
              field={progressFields.happenedOn}
              label={tp("happenedOn")}
              type="date"
              errors={progressFields.happenedOn.errors?.map(tp)}
            />
            <SubmitButton>{tp("save")}</SubmitButton>
          </Form>
        ) : null}
      </section>
      {loaderData.canDraft && loaderData.choices ? (
        <section className="section stack" aria-labelledby="afspraak-wijzigen">
          <h2 className="utrecht-heading-2" id="afspraak-wijzigen">
            {t("agreementEdit")}
          </h2>
          <AgreementForm
            choices={loaderData.choices}
            lastResult={actionData && "result" in actionData ? actionData.result : undefined}
            initial={loaderData.initial}
          />
        </section>
      ) : null}
    </div>
  );
}
