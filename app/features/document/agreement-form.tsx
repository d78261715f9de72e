import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "react-router";
import type { z } from "zod";
import { useLocale, useText } from "../../shared/i18n/i18n";
import {
  CheckboxGroup,
  FormAlert,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "../../shared/ui/form";
import { AGREEMENT_STATUSES, type agreementSchema } from "./agreements.schema";
import { documentMessages } from "./document.messages";
import { remeasureMessages } from "../progress/remeasure.messages";

export interface AgreementChoices {
  parties: { id: string; name: string }[];
  findings: { id: string; title: string }[];
  ideas: { id: string; title: string }[];
  /** The number of the newest frozen buurtscan, whose indicators are offered. */
  scanNumber: number | null;
  indicators: { key: string; labelNl: string; labelEn: string }[];
}

/** The agreement form: the new one on the list page and the change form share it. */
export function AgreementForm({
  choices,
  lastResult,
  initial,
}: {
  choices: AgreementChoices;
  lastResult?: SubmissionResult<string[]>;
  initial?: z.input<typeof agreementSchema>;
}) {
  const t = useText(documentMessages);
  const tr = useText(remeasureMessages);
  const locale = useLocale();
  const [form, fields] = useForm<z.input<typeof agreementSchema>>({
    id: "afspraak",
    lastResult,
    defaultValue: initial,
  });
  if (choices.parties.length === 0) return <p className="utrecht-paragraph">{t("ownerNone")}</p>;
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormAlert messages={form.errors?.map(t)} />
      <TextField
        field={fields.title}
        label={t("agreementTitle")}
        description={t("agreementTitleHelp")}
        errors={fields.title.errors?.map(t)}
      />
      <TextAreaField
        field={fields.description}
        label={t("agreementDescription")}
        rows={3}
        errors={fields.description.errors?.map(t)}
      />
      <SelectField
        field={fields.owner}
        label={t("owner")}
        placeholder={t("ownerChoose")}
        errors={fields.owner.errors?.map(t)}
        options={choices.parties.map((p) => ({ value: p.id, label: p.name }))}
      />
      <TextField
        field={fields.startsOn}
        label={t("startsOn")}
        type="date"
        errors={fields.startsOn.errors?.map(t)}
      />
      <TextField
        field={fields.dueOn}
        label={t("dueOn")}
        type="date"
        errors={fields.dueOn.errors?.map(t)}
      />
      <TextField
        field={fields.cost}
        label={t("cost")}
        description={t("costHint")}
        inputMode="decimal"
        required={false}
        errors={fields.cost.errors?.map(t)}
      />
      <TextField
        field={fields.budgetSource}
        label={t("budgetSource")}
        required={false}
        errors={fields.budgetSource.errors?.map(t)}
      />
      <SelectField
        field={fields.status}
        label={t("status")}
        defaultValue="planned"
        errors={fields.status.errors?.map(t)}
        options={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`status_${s}`) }))}
      />
      {choices.findings.length ? (
        <CheckboxGroup
          field={fields.findings}
          legend={t("linkFindings")}
          errors={fields.findings.errors?.map(t)}
          options={choices.findings.map((f) => ({ value: f.id, label: f.title }))}
        />
      ) : null}
      {choices.ideas.length ? (
        <CheckboxGroup
          field={fields.ideas}
          legend={t("linkIdeas")}
          errors={fields.ideas.errors?.map(t)}
          options={choices.ideas.map((i) => ({ value: i.id, label: i.title }))}
        />
      ) : null}
      {choices.scanNumber !== null && choices.indicators.length ? (
        <CheckboxGroup
          field={fields.indicators}
          legend={tr("indicatorsLegend")}
          description={tr("indicatorsHelp", { number: choices.scanNumber })}
          errors={fields.indicators.errors?.map(tr)}
          options={choices.indicators.map((i) => ({
            value: i.key,
            label: locale === "nl" ? i.labelNl : i.labelEn,
          }))}
        />
      ) : null}
      <SubmitButton>{t("agreementSave")}</SubmitButton>
    </Form>
  );
}
