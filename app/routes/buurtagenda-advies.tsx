import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, href, redirect, useSearchParams } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/buurtagenda-advies";
import { agendaFor, agendaForChange, permissionsOn } from "../features/agenda/agenda-routes.server";
import { getAgendaDetails } from "../features/agenda/agenda.server";
import { adviceMessages } from "../features/progress/advice.messages";
import { ADVICE_ANSWERS, adviceSchema, answerSchema } from "../features/progress/advice.schema";
import { adviceOf, answerAdvice, writeAdvice } from "../features/progress/advice.server";
import { formatDay, useLocale, useText } from "../shared/i18n/i18n";
import {
  FormAlert,
  RadioGroup,
  StatusMessage,
  SubmitButton,
  TextAreaField,
  TextField,
} from "../shared/ui/form";

// The council's review notes and formal advice on a buurtagenda (review.write), and the
// gemeente's answer to each advice (advice.answer). Read by everyone who works on the agenda.

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `Advies: ${data.agenda.title} | Buurtagenda` : "Buurtagenda" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, resource } = await agendaFor(request, params.id, "agenda.view");
  const [details, items] = await Promise.all([
    getAgendaDetails(resource.agendaId),
    adviceOf(resource.agendaId),
  ]);
  return {
    agenda: { id: resource.agendaId, title: details.title },
    can: permissionsOn(user, resource, ["review.write", "advice.answer"]),
    items: items.map((i) => ({
      id: i.id,
      kind: i.kind,
      title: i.title,
      text: i.text,
      attachment: i.attachment,
      versionNumber: i.versionNumber,
      author: i.author,
      createdAt: i.createdAt.toISOString(),
      answer: i.answer,
      answerReason: i.answerReason,
      answeredAt: i.answeredAt?.toISOString() ?? null,
      late: i.late,
    })),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const form = await request.formData();
  const back = href("/buurtagenda/:id/advies", { id: params.id });
  if (form.get("intent") === "answer") {
    const { user, resource } = await agendaForChange(request, params.id, "advice.answer");
    const submission = parseWithZod(form, { schema: answerSchema });
    if (submission.status !== "success") {
      return { answer: submission.reply(), adviceId: String(form.get("adviceId") ?? "") };
    }
    if (!(await answerAdvice(user.id, resource, submission.value))) {
      throw data(null, { status: 409 });
    }
    return redirect(`${back}?beantwoord=1`);
  }
  const { user, resource } = await agendaForChange(request, params.id, "review.write");
  const submission = parseWithZod(form, { schema: adviceSchema });
  if (submission.status !== "success") return { advice: submission.reply() };
  const outcome = await writeAdvice(user.id, resource, submission.value);
  if (!outcome.ok) {
    return { advice: submission.reply({ fieldErrors: { version: [outcome.error] } }) };
  }
  return redirect(`${back}?opgeslagen=1`);
}

function AnswerForm({
  adviceId,
  lastResult,
}: {
  adviceId: string;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const t = useText(adviceMessages);
  const [form, fields] = useForm<z.input<typeof answerSchema>>({
    id: `antwoord-${adviceId}`,
    lastResult,
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="answer" />
      <input type="hidden" name="adviceId" value={adviceId} />
      <RadioGroup
        field={fields.answer}
        legend={t("answerLabel")}
        errors={fields.answer.errors?.map(t)}
        options={ADVICE_ANSWERS.map((a) => ({ value: a, label: t(`answer_${a}`) }))}
      />
      <TextAreaField
        field={fields.reason}
        label={t("answerReason")}
        required
        rows={3}
        errors={fields.reason.errors?.map(t)}
      />
      <SubmitButton>{t("answerSend")}</SubmitButton>
    </Form>
  );
}

export default function Advice({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(adviceMessages);
  const locale = useLocale();
  const [search] = useSearchParams();
  const { agenda } = loaderData;
  const [form, fields] = useForm<z.input<typeof adviceSchema>>({
    id: "advies",
    lastResult: actionData && "advice" in actionData ? actionData.advice : undefined,
  });
  return (
    <div className="stack">
      <p className="utrecht-paragraph">
        <Link to={href("/buurtagenda/:id/werkruimte", { id: agenda.id })}>
          {t("backToWorkspace")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("adviceTitle", { title: agenda.title })}</h1>
      <p className="utrecht-paragraph">{t("adviceIntro")}</p>
      {search.get("opgeslagen") ? <StatusMessage>{t("saved")}</StatusMessage> : null}
      {search.get("beantwoord") ? <StatusMessage>{t("answerSaved")}</StatusMessage> : null}
      {loaderData.items.length === 0 ? (
        <p className="utrecht-paragraph">{t("adviceNone")}</p>
      ) : (
        <ul className="story-list">
          {loaderData.items.map((item) => (
            <li key={item.id}>
              <article className="stack" aria-labelledby={`advies-${item.id}`}>
                <h2 className="utrecht-heading-3" id={`advies-${item.id}`}>
                  {t(`kind_${item.kind}`)}: {item.title}
                </h2>
                <p className="source-note">
                  {t("writtenBy", { name: item.author, date: formatDay(item.createdAt, locale) })}
                  {item.versionNumber ? ` · ${t("onVersion", { number: item.versionNumber })}` : ""}
                </p>
                <p className="utrecht-paragraph story-text">{item.text}</p>
                {item.attachment ? (
                  <details>
                    <summary>{t("attachment")}</summary>
                    <p className="utrecht-paragraph story-text">{item.attachment}</p>
                  </details>
                ) : null}
                {item.kind === "advice" ? (
                  item.answer ? (
                    <p className="utrecht-paragraph">
                      <strong>
                        {t("answered", {
                          date: formatDay(item.answeredAt!, locale),
                          answer: t(`answer_${item.answer}`),
                        })}
                      </strong>{" "}
                      {item.answerReason}
                    </p>
                  ) : (
                    <>
                      <p className="utrecht-paragraph">
                        <strong>{item.late ? t("late") : t("waiting")}</strong>
                      </p>
                      {loaderData.can["advice.answer"] ? (
                        <AnswerForm
                          adviceId={item.id}
                          lastResult={
                            actionData && "answer" in actionData && actionData.adviceId === item.id
                              ? actionData.answer
                              : undefined
                          }
                        />
                      ) : null}
                    </>
                  )
                ) : null}
              </article>
            </li>
          ))}
        </ul>
      )}
      {loaderData.can["review.write"] ? (
        <section className="section stack" aria-labelledby="advies-schrijven">
          <h2 className="utrecht-heading-2" id="advies-schrijven">
            {t("newAdvice")}
          </h2>
          <FormAlert messages={form.errors?.map(t)} />
          <Form method="post" className="form" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="advice" />
            <RadioGroup
              field={fields.kind}
              legend={t("kind")}
              errors={fields.kind.errors?.map(t)}
              options={(["review_note", "advice"] as const).map((k) => ({
                value: k,
                label: t(`kind_${k}`),
              }))}
            />
            <TextField
              field={fields.title}
              label={t("titleLabel")}
              errors={fields.title.errors?.map(t)}
            />
            <TextAreaField
              field={fields.text}
              label={t("textLabel")}
              required
              rows={6}
              errors={fields.text.errors?.map(t)}
            />
            <TextAreaField
              field={fields.attachment}
              label={t("attachmentLabel")}
              rows={3}
              errors={fields.attachment.errors?.map(t)}
            />
            <TextField
              field={fields.version}
              label={t("versionLabel")}
              description={t("versionHint")}
              inputMode="numeric"
              required={false}
              errors={fields.version.errors?.map(t)}
            />
            <SubmitButton>{t("send")}</SubmitButton>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
