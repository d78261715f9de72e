import type { z } from "zod";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, href } from "react-router";
import type { Route } from "./+types/buurtagenda-urgentie";
import { agendaMessages } from "../features/agenda/agenda.messages";
import { agendaFor, agendaForChange, permissionsOn } from "../features/agenda/agenda-routes.server";
import {
  DECISIONS,
  SUPPORT_GROUPS,
  SUPPORT_LEVELS,
  TRIGGER_KINDS,
  decisionSchema,
  preconditionsSchema,
  statementSchema,
  supportSchema,
  triggerSchema,
} from "../features/agenda/agenda.schema";
import {
  addTrigger,
  getUrgency,
  removeTrigger,
  saveDecision,
  savePreconditions,
  saveStatement,
  saveSupport,
} from "../features/agenda/agenda.server";
import { formatEuros } from "../features/agenda/money";
import { useLocale, useText } from "../shared/i18n/i18n";
import {
  FormAlert,
  SelectField,
  StatusMessage,
  SubmitButton,
  TextAreaField,
  TextField,
} from "../shared/ui/form";
import { numberFormat } from "../shared/i18n/formatters";

// Block 1: why this area, why now; triggers; support per group; preconditions; the decision
// when support is insufficient. The platform edits all of it except the preconditions (budget).

export const meta: Route.MetaFunction = () => [{ title: "Zoek de urgentie | Buurtagenda" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, resource } = await agendaFor(request, params.id, "agenda.view");
  const agenda = await getUrgency(resource.agendaId);
  return {
    agenda: { id: agenda.id, title: agenda.title },
    urgency: agenda.urgency,
    triggers: agenda.triggers.map((t) => ({ id: t.id, kind: t.kind, note: t.note, link: t.link })),
    support: Object.fromEntries(
      agenda.support.map((s) => [s.group, { level: s.level, note: s.note }]),
    ),
    can: permissionsOn(user, resource, ["urgency.edit", "preconditions.edit"]),
  };
}

type Intent = "statement" | "trigger" | "removeTrigger" | "support" | "preconditions" | "decision";

export async function action({ request, params }: Route.ActionArgs) {
  const formData = await request.formData();
  const intent = String(formData.get("intent")) as Intent;
  const needed = intent === "preconditions" ? "preconditions.edit" : "urgency.edit";
  const { user, resource } = await agendaForChange(request, params.id, needed);
  const agendaId = resource.agendaId;
  const done = (result: SubmissionResult<string[]>, group?: string) => ({ intent, group, result });

  switch (intent) {
    case "statement": {
      const submission = parseWithZod(formData, { schema: statementSchema });
      if (submission.status !== "success") return done(submission.reply());
      await saveStatement(user.id, agendaId, submission.value.statement);
      return done(submission.reply());
    }
    case "trigger": {
      const submission = parseWithZod(formData, { schema: triggerSchema });
      if (submission.status !== "success") return done(submission.reply());
      await addTrigger(user.id, agendaId, submission.value);
      return done(submission.reply({ resetForm: true }));
    }
    case "removeTrigger": {
      await removeTrigger(user.id, agendaId, String(formData.get("triggerId")));
      return { intent, group: undefined, result: undefined };
    }
    case "support": {
      const submission = parseWithZod(formData, { schema: supportSchema });
      if (submission.status !== "success")
        return done(submission.reply(), String(formData.get("group")));
      await saveSupport(user.id, agendaId, submission.value);
      return done(submission.reply(), submission.value.group);
    }
    case "preconditions": {
      const submission = parseWithZod(formData, { schema: preconditionsSchema });
      if (submission.status !== "success") return done(submission.reply());
      await savePreconditions(user.id, agendaId, submission.value);
      return done(submission.reply());
    }
    case "decision": {
      const submission = parseWithZod(formData, { schema: decisionSchema });
      if (submission.status !== "success") return done(submission.reply());
      await saveDecision(user.id, agendaId, submission.value);
      return done(submission.reply());
    }
    default:
      throw data(null, { status: 400 });
  }
}

type ActionData = Route.ComponentProps["actionData"];
const resultFor = (actionData: ActionData, intent: Intent, group?: string) =>
  actionData?.intent === intent && (group === undefined || actionData.group === group)
    ? actionData.result
    : undefined;
const savedFor = (actionData: ActionData, intent: Intent, group?: string) =>
  resultFor(actionData, intent, group)?.status === "success";

export default function UrgencyPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(agendaMessages);
  const locale = useLocale();
  const { urgency, can } = loaderData;
  const editable = can["urgency.edit"];
  return (
    <div className="stack">
      <p className="utrecht-paragraph">
        <Link to={href("/buurtagenda/:id/werkruimte", { id: loaderData.agenda.id })}>
          {t("back")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("urgencyTitle")}</h1>
      <p className="utrecht-paragraph">{t("block1Explain")}</p>
      {!editable ? <p className="utrecht-paragraph">{t("readOnly")}</p> : null}

      <section className="section" aria-labelledby="reden">
        <h2 className="utrecht-heading-2" id="reden">
          {t("reasonTitle")}
        </h2>
        {editable ? (
          <StatementForm
            lastResult={resultFor(actionData, "statement")}
            saved={savedFor(actionData, "statement")}
            statement={urgency?.statement ?? ""}
          />
        ) : (
          <p className="utrecht-paragraph">{urgency?.statement || "—"}</p>
        )}
      </section>

      <section className="section" aria-labelledby="aanleidingen">
        <h2 className="utrecht-heading-2" id="aanleidingen">
          {t("triggersTitle")}
        </h2>
        {loaderData.triggers.length === 0 ? (
          <p className="utrecht-paragraph">{t("triggersEmpty")}</p>
        ) : (
          <ul className="utrecht-unordered-list">
            {loaderData.triggers.map((trigger) => (
              <li key={trigger.id}>
                <strong>{t(`trigger_${trigger.kind}`)}</strong>: {trigger.note}{" "}
                {trigger.link ? (
                  <a href={trigger.link} rel="noreferrer noopener">
                    {trigger.link}
                  </a>
                ) : null}
                {editable ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="triggerId" value={trigger.id} />
                    <SubmitButton variant="secondary" name="intent" value="removeTrigger">
                      {t("remove")}
                    </SubmitButton>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {editable ? <TriggerForm lastResult={resultFor(actionData, "trigger")} /> : null}
      </section>

      <section className="section" aria-labelledby="draagvlak">
        <h2 className="utrecht-heading-2" id="draagvlak">
          {t("supportTitle")}
        </h2>
        <p className="utrecht-paragraph">{t("supportIntro")}</p>
        {SUPPORT_GROUPS.map((group) => {
          const current = loaderData.support[group];
          return (
            <div key={group} className="support-group">
              <h3 className="utrecht-heading-3">{t(`group_${group}`)}</h3>
              {editable ? (
                <SupportForm
                  group={group}
                  current={current}
                  lastResult={resultFor(actionData, "support", group)}
                  saved={savedFor(actionData, "support", group)}
                />
              ) : (
                <p className="utrecht-paragraph">
                  {current
                    ? `${t(`level_${current.level}`)}${current.note ? `: ${current.note}` : ""}`
                    : t("notAssessed")}
                </p>
              )}
            </div>
          );
        })}
      </section>

      <section className="section" aria-labelledby="randvoorwaarden">
        <h2 className="utrecht-heading-2" id="randvoorwaarden">
          {t("preconditionsTitle")}
        </h2>
        <p className="utrecht-paragraph">{t("preconditionsIntro")}</p>
        {can["preconditions.edit"] ? (
          <PreconditionsForm
            urgency={urgency}
            lastResult={resultFor(actionData, "preconditions")}
            saved={savedFor(actionData, "preconditions")}
          />
        ) : (
          <dl className="facts">
            <dt>{t("budget")}</dt>
            <dd>
              {urgency?.budgetEuros != null
                ? formatEuros(urgency.budgetEuros, locale)
                : t("noBudget")}
            </dd>
            <dt>{t("budgetSource")}</dt>
            <dd>{urgency?.budgetSource || "—"}</dd>
            <dt>{t("legalLimits")}</dt>
            <dd>{urgency?.legalLimits || "—"}</dd>
            <dt>{t("technicalLimits")}</dt>
            <dd>{urgency?.technicalLimits || "—"}</dd>
            <dt>{t("notOpenForDiscussion")}</dt>
            <dd>{urgency?.notOpenForDiscussion || "—"}</dd>
            <dt>{t("capacity")}</dt>
            <dd>{urgency?.capacityHoursPerMonth ?? "—"}</dd>
          </dl>
        )}
      </section>

      <section className="section" aria-labelledby="besluit">
        <h2 className="utrecht-heading-2" id="besluit">
          {t("decisionTitle")}
        </h2>
        <p className="utrecht-paragraph">{t("decisionIntro")}</p>
        {editable ? (
          <DecisionForm
            urgency={urgency}
            lastResult={resultFor(actionData, "decision")}
            saved={savedFor(actionData, "decision")}
          />
        ) : (
          <p className="utrecht-paragraph">
            {urgency?.decision ? t(`decision_${urgency.decision}`) : "—"}
            {urgency?.decisionThemes ? `: ${urgency.decisionThemes}` : ""}
          </p>
        )}
      </section>
    </div>
  );
}

type Result = SubmissionResult<string[]> | undefined;

function StatementForm({
  lastResult,
  saved,
  statement,
}: {
  lastResult: Result;
  saved: boolean;
  statement: string;
}) {
  const t = useText(agendaMessages);
  const [form, fields] = useForm<z.input<typeof statementSchema>>({ id: "statement", lastResult });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      {saved ? <StatusMessage>{t("saved")}</StatusMessage> : null}
      <TextAreaField
        field={fields.statement}
        label={t("statement")}
        description={t("statementHint")}
        errors={fields.statement.errors?.map(t)}
        defaultValue={statement}
        rows={6}
      />
      <SubmitButton name="intent" value="statement">
        {t("save")}
      </SubmitButton>
    </Form>
  );
}

function TriggerForm({ lastResult }: { lastResult: Result }) {
  const t = useText(agendaMessages);
  const [form, fields] = useForm<z.input<typeof triggerSchema>>({ id: "trigger", lastResult });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <SelectField
        field={fields.kind}
        label={t("triggerKind")}
        placeholder={t("choose")}
        options={TRIGGER_KINDS.map((kind) => ({ value: kind, label: t(`trigger_${kind}`) }))}
        errors={fields.kind.errors?.map(t)}
      />
      <TextAreaField
        field={fields.note}
        label={t("triggerNote")}
        errors={fields.note.errors?.map(t)}
        required
        rows={3}
      />
      <TextField
        field={fields.link}
        label={t("triggerLink")}
        type="url"
        required={false}
        errors={fields.link.errors?.map(t)}
      />
      <SubmitButton name="intent" value="trigger">
        {t("addTrigger")}
      </SubmitButton>
    </Form>
  );
}

function SupportForm({
  group,
  current,
  lastResult,
  saved,
}: {
  group: string;
  current?: { level: string; note: string };
  lastResult: Result;
  saved: boolean;
}) {
  const t = useText(agendaMessages);
  const [form, fields] = useForm<z.input<typeof supportSchema>>({
    id: `support-${group}`,
    lastResult,
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      {saved ? <StatusMessage>{t("saved")}</StatusMessage> : null}
      <input type="hidden" name="group" value={group} />
      <SelectField
        field={fields.level}
        label={t("level")}
        placeholder={t("notAssessed")}
        options={SUPPORT_LEVELS.map((level) => ({ value: level, label: t(`level_${level}`) }))}
        errors={fields.level.errors?.map(t)}
        defaultValue={current?.level}
      />
      <TextAreaField
        field={fields.note}
        label={t("note")}
        errors={fields.note.errors?.map(t)}
        defaultValue={current?.note}
        rows={2}
      />
      <SubmitButton variant="secondary" name="intent" value="support">
        {t("save")}
      </SubmitButton>
    </Form>
  );
}

type UrgencyRow = Route.ComponentProps["loaderData"]["urgency"];

function PreconditionsForm({
  urgency,
  lastResult,
  saved,
}: {
  urgency: UrgencyRow;
  lastResult: Result;
  saved: boolean;
}) {
  const t = useText(agendaMessages);
  const [form, fields] = useForm<z.input<typeof preconditionsSchema>>({
    id: "preconditions",
    lastResult,
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      {saved ? <StatusMessage>{t("saved")}</StatusMessage> : null}
      <FormAlert messages={form.errors?.map(t)} />
      <TextField
        field={fields.budget}
        label={t("budget")}
        description={t("budgetHint")}
        inputMode="decimal"
        required={false}
        errors={fields.budget.errors?.map(t)}
        defaultValue={
          urgency?.budgetEuros != null ? numberFormat("nl-NL").format(urgency.budgetEuros) : ""
        }
      />
      <TextField
        field={fields.budgetSource}
        label={t("budgetSource")}
        required={false}
        errors={fields.budgetSource.errors?.map(t)}
        defaultValue={urgency?.budgetSource}
      />
      <TextAreaField
        field={fields.legalLimits}
        label={t("legalLimits")}
        errors={fields.legalLimits.errors?.map(t)}
        defaultValue={urgency?.legalLimits}
        rows={2}
      />
      <TextAreaField
        field={fields.technicalLimits}
        label={t("technicalLimits")}
        errors={fields.technicalLimits.errors?.map(t)}
        defaultValue={urgency?.technicalLimits}
        rows={2}
      />
      <TextAreaField
        field={fields.notOpenForDiscussion}
        label={t("notOpenForDiscussion")}
        errors={fields.notOpenForDiscussion.errors?.map(t)}
        defaultValue={urgency?.notOpenForDiscussion}
        rows={2}
      />
      <TextField
        field={fields.capacityHoursPerMonth}
        label={t("capacity")}
        inputMode="numeric"
        required={false}
        errors={fields.capacityHoursPerMonth.errors?.map(t)}
        defaultValue={urgency?.capacityHoursPerMonth}
      />
      <SubmitButton name="intent" value="preconditions">
        {t("save")}
      </SubmitButton>
    </Form>
  );
}

function DecisionForm({
  urgency,
  lastResult,
  saved,
}: {
  urgency: UrgencyRow;
  lastResult: Result;
  saved: boolean;
}) {
  const t = useText(agendaMessages);
  const [form, fields] = useForm<z.input<typeof decisionSchema>>({ id: "decision", lastResult });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      {saved ? <StatusMessage>{t("saved")}</StatusMessage> : null}
      <SelectField
        field={fields.decision}
        label={t("decision")}
        placeholder={t("choose")}
        options={DECISIONS.map((d) => ({ value: d, label: t(`decision_${d}`) }))}
        errors={fields.decision.errors?.map(t)}
        defaultValue={urgency?.decision}
      />
      <TextField
        field={fields.decisionThemes}
        label={t("decisionThemes")}
        required={false}
        errors={fields.decisionThemes.errors?.map(t)}
        defaultValue={urgency?.decisionThemes}
      />
      <TextAreaField
        field={fields.decisionNote}
        label={t("decisionNote")}
        errors={fields.decisionNote.errors?.map(t)}
        defaultValue={urgency?.decisionNote}
        rows={2}
      />
      <SubmitButton name="intent" value="decision">
        {t("save")}
      </SubmitButton>
    </Form>
  );
}
