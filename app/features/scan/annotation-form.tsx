import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "react-router";
import type { z } from "zod";
import { useText } from "../../shared/i18n/i18n";
import { SelectField, StatusMessage, SubmitButton, TextAreaField } from "../../shared/ui/form";
import { scanMessages } from "./scan.messages";
import type { annotationSchema } from "./scan.schema";

/**
 * Staff add context to one buurt's figure. The indicator is either fixed (the ranglijst of one
 * indicator) or chosen from a list (the buurtscan of several).
 */
export function AnnotationForm({
  intro,
  buurten,
  indicator,
  intent,
  lastResult,
  saved,
}: {
  intro: string;
  buurten: { code: string; name: string }[];
  indicator: { fixed: string } | { choices: { value: string; label: string }[] };
  /** The form's intent field, for pages whose action does several things. */
  intent?: string;
  lastResult: SubmissionResult<string[]> | undefined;
  saved: boolean;
}) {
  const t = useText(scanMessages);
  const [form, fields] = useForm<z.input<typeof annotationSchema>>({
    id: "fixed" in indicator ? `annotation-${indicator.fixed}` : "annotation",
    lastResult,
  });
  return (
    <section className="section" aria-labelledby="toelichting">
      <h2 className="utrecht-heading-2" id="toelichting">
        {t("annotateTitle")}
      </h2>
      <p className="utrecht-paragraph">{intro}</p>
      <Form method="post" className="form" {...getFormProps(form)}>
        {saved ? <StatusMessage>{t("annotationSaved")}</StatusMessage> : null}
        {intent ? <input type="hidden" name="intent" value={intent} /> : null}
        {"fixed" in indicator ? (
          <input type="hidden" name="indicatorKey" value={indicator.fixed} />
        ) : (
          <SelectField
            field={fields.indicatorKey}
            label={t("indicatorLabel")}
            placeholder={t("chooseIndicatorOption")}
            options={indicator.choices}
            errors={fields.indicatorKey.errors?.map(t)}
          />
        )}
        <SelectField
          field={fields.areaCode}
          label={t("buurt")}
          placeholder={t("chooseBuurt")}
          options={buurten.map((b) => ({ value: b.code, label: b.name }))}
          errors={fields.areaCode.errors?.map(t)}
        />
        <TextAreaField
          field={fields.text}
          label={t("annotation")}
          errors={fields.text.errors?.map(t)}
          required
          rows={3}
        />
        <SubmitButton>{t("annotateButton")}</SubmitButton>
      </Form>
    </section>
  );
}
