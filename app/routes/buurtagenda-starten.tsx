import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, data, href, redirect } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/buurtagenda-starten";
import { agendaMessages } from "../features/agenda/agenda.messages";
import { startAgendaSchema } from "../features/agenda/agenda.schema";
import { checkArea, startAgenda } from "../features/agenda/agenda.server";
import { authorize } from "../features/auth/auth-routes.server";
import { gemeenteCodeParam } from "../features/territory/territory.schema";
import { getGemeenteWithAreas } from "../features/territory/territory.server";
import { useText } from "../shared/i18n/i18n";
import { FormAlert, SubmitButton, TextAreaField, TextField } from "../shared/ui/form";

export const meta: Route.MetaFunction = () => [{ title: "Buurtagenda starten | Buurtagenda" }];

async function gemeenteOf(code: string) {
  const parsed = gemeenteCodeParam.safeParse(code);
  const found = parsed.success ? await getGemeenteWithAreas(parsed.data) : null;
  if (!found) throw data(null, { status: 404 });
  return found;
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { gemeente, wijken } = await gemeenteOf(params.code);
  await authorize(request, "agenda.start", { kind: "gemeente", gemeenteCode: gemeente.code });
  return {
    gemeente: { code: gemeente.code, name: gemeente.name },
    wijken: wijken.map((w) => ({
      code: w.code,
      name: w.name,
      buurten: w.buurten.map((b) => ({ code: b.code, name: b.name })),
    })),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { gemeente } = await gemeenteOf(params.code);
  const user = await authorize(request, "agenda.start", {
    kind: "gemeente",
    gemeenteCode: gemeente.code,
  });
  const submission = parseWithZod(await request.formData(), { schema: startAgendaSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  const area = await checkArea(submission.value.buurtCodes);
  if (area.status !== "ok") {
    const key = area.status === "two-gemeenten" ? "buurtenTwoGemeenten" : "buurtUnknown";
    return { result: submission.reply({ fieldErrors: { buurtCodes: [key] } }) };
  }
  // The buurten decide the gemeente; they must be the gemeente this page (and the check) is for.
  if (area.gemeenteCode !== gemeente.code) {
    return { result: submission.reply({ fieldErrors: { buurtCodes: ["buurtenTwoGemeenten"] } }) };
  }
  const agendaId = await startAgenda(user!.id, submission.value, area);
  return redirect(href("/buurtagenda/:id/werkruimte", { id: agendaId }));
}

export default function StartAgenda({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(agendaMessages);
  const [form, fields] = useForm<z.input<typeof startAgendaSchema>>({
    lastResult: actionData?.result,
  });
  const chosen = new Set(
    Array.isArray(fields.buurtCodes.initialValue)
      ? (fields.buurtCodes.initialValue as string[])
      : [],
  );
  const buurtErrors = fields.buurtCodes.errors?.map(t);
  return (
    <div className="stack">
      <h1 className="utrecht-heading-1">{t("startTitle")}</h1>
      <p className="utrecht-paragraph">{loaderData.gemeente.name}</p>
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
          {loaderData.wijken.map((wijk) => (
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
        <SubmitButton>{t("startButton")}</SubmitButton>
      </Form>
    </div>
  );
}
