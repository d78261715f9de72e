import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "react-router";
import type { z } from "zod";
import { useText } from "../../shared/i18n/i18n";
import { SelectField, SubmitButton, TextAreaField, TextField } from "../../shared/ui/form";
import { ideasMessages } from "./ideas.messages";
import { INSTRUMENT_KINDS, type instrumentSchema } from "./ideas.schema";

/** One policy instrument: the add form of the register and its change page share it. */
export function InstrumentForm({
  lastResult,
  initial,
}: {
  lastResult?: SubmissionResult<string[]>;
  initial?: {
    title: string;
    kind: string;
    startYear: number | null;
    endYear: number | null;
    department: string;
    url: string;
    description: string;
  };
}) {
  const t = useText(ideasMessages);
  const [form, fields] = useForm<z.input<typeof instrumentSchema>>({
    id: "beleid",
    lastResult,
    defaultValue: initial && {
      ...initial,
      startYear: initial.startYear?.toString() ?? "",
      endYear: initial.endYear?.toString() ?? "",
    },
  });
  const err = (keys?: string[]) => keys?.map(t);
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <TextField
        field={fields.title}
        label={t("instrumentTitle")}
        errors={err(fields.title.errors)}
      />
      <SelectField
        field={fields.kind}
        label={t("instrumentKind")}
        errors={err(fields.kind.errors)}
        placeholder=""
        options={INSTRUMENT_KINDS.map((kind) => ({ value: kind, label: t(`kind_${kind}`) }))}
      />
      <TextField
        field={fields.startYear}
        label={t("startYear")}
        description={t("yearHint")}
        inputMode="numeric"
        required={false}
        errors={err(fields.startYear.errors)}
      />
      <TextField
        field={fields.endYear}
        label={t("endYear")}
        inputMode="numeric"
        required={false}
        errors={err(fields.endYear.errors)}
      />
      <TextField
        field={fields.department}
        label={t("department")}
        required={false}
        errors={err(fields.department.errors)}
      />
      <TextField
        field={fields.url}
        label={t("instrumentUrl")}
        description={t("instrumentUrlHint")}
        type="url"
        required={false}
        errors={err(fields.url.errors)}
      />
      <TextAreaField
        field={fields.description}
        label={t("instrumentDescription")}
        rows={3}
        errors={err(fields.description.errors)}
      />
      <SubmitButton>{t("instrumentSave")}</SubmitButton>
    </Form>
  );
}

export function InstrumentPeriod({ from, to }: { from: number | null; to: number | null }) {
  const t = useText(ideasMessages);
  if (from && to) return <>{t("periodFromTo", { from, to })}</>;
  if (from) return <>{t("periodFrom", { from })}</>;
  if (to) return <>{t("periodTo", { to })}</>;
  return <>{t("periodUnknown")}</>;
}
