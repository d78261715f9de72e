import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "react-router";
import type { z } from "zod";
import { useText } from "../../shared/i18n/i18n";
import { FormAlert, SubmitButton, TextAreaField, TextField } from "../../shared/ui/form";
import { agendaMessages } from "./agenda.messages";
import type { startAgendaSchema } from "./agenda.schema";

export interface WijkChoice {
  code: string;
  name: string;
  buurten: { code: string; name: string }[];
}

/** Title, public description, period and the buurten of an agenda: to start it, or to change it. */
export function AgendaDetailsForm({
  wijken,
  lastResult,
  current,
  submitLabel,
}: {
  wijken: WijkChoice[];
  lastResult: SubmissionResult<string[]> | undefined;
  current?: z.input<typeof startAgendaSchema>;
  submitLabel: string;
}) {
  const t = useText(agendaMessages);
  const [form, fields] = useForm<z.input<typeof startAgendaSchema>>({
    lastResult,
    defaultValue: current,
  });
  const initial = fields.buurtCodes.initialValue;
  const chosen = new Set(
    Array.isArray(initial) ? (initial as string[]) : typeof initial === "string" ? [initial] : [],
  );
  const buurtErrors = fields.buurtCodes.errors?.map(t);
  return (
    <>
      <FormAlert messages={form.errors?.map(t)} />
      <Form method="post" className="form" {...getFormProps(form)}>
        <TextField
          field={fields.title}
          label={t("title")}
          description={t("titleHint")}
          errors={fields.title.errors?.map(t)}
        />
        <TextAreaField
          field={fields.publicDescription}
          label={t("publicDescription")}
          description={t("publicDescriptionHint")}
          errors={fields.publicDescription.errors?.map(t)}
          required
        />
        <TextField
          field={fields.startsOn}
          label={t("startsOn")}
          type="date"
          errors={fields.startsOn.errors?.map(t)}
        />
        <TextField
          field={fields.endsOn}
          label={t("endsOn")}
          type="date"
          errors={fields.endsOn.errors?.map(t)}
        />
        <fieldset
          className={`form-field${buurtErrors?.length ? " form-field--invalid" : ""}`}
          aria-describedby={buurtErrors?.length ? fields.buurtCodes.errorId : undefined}
        >
          <legend>{t("buurten")}</legend>
          {buurtErrors?.length ? (
            <p id={fields.buurtCodes.errorId} className="form-field__error">
              {buurtErrors.join(" ")}
            </p>
          ) : null}
          {wijken.map((wijk) => (
            <div key={wijk.code} className="checkbox-group">
              <p className="checkbox-group__title">{wijk.name}</p>
              {wijk.buurten.map((buurt) => (
                <label key={buurt.code} className="checkbox">
                  <input
                    type="checkbox"
                    name={fields.buurtCodes.name}
                    value={buurt.code}
                    defaultChecked={chosen.has(buurt.code)}
                  />{" "}
                  {buurt.name}
                </label>
              ))}
            </div>
          ))}
        </fieldset>
        <SubmitButton>{submitLabel}</SubmitButton>
      </Form>
    </>
  );
}
