import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, href, redirect } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/buurtagenda-wijkbegroting";
import { agendaFor, agendaForChange, permissionsOn } from "../features/agenda/agenda-routes.server";
import { getAgendaDetails } from "../features/agenda/agenda.server";
import { formatEuros } from "../features/agenda/money";
import { budgetMessages } from "../features/budget/budget.messages";
import { BUDGET_METHODS, openRoundSchema } from "../features/budget/budget.schema";
import { budgetRoom, fittingIdeas, openRound, roundsOf } from "../features/budget/budget.server";
import { formatDate, useLocale, useText } from "../shared/i18n/i18n";
import { CheckboxGroup, FormAlert, RadioGroup, SubmitButton, TextField } from "../shared/ui/form";
import { dutchToday } from "../shared/validation";

// The neighbourhood budget rounds of one buurtagenda (issue 9): public list; staff open a round.

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `Wijkbegroting: ${data.agenda.title} | Buurtagenda` : "Buurtagenda" },
];

const iso = (d: Date) => d.toISOString().slice(0, 10);

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, resource } = await agendaFor(request, params.id, "published.view");
  const can = permissionsOn(user, resource, ["budget.manage"]);
  const [agenda, rounds, room, ideas] = await Promise.all([
    getAgendaDetails(resource.agendaId),
    roundsOf(resource.agendaId),
    can["budget.manage"] ? budgetRoom(resource.agendaId) : null,
    can["budget.manage"] ? fittingIdeas(resource.agendaId) : [],
  ]);
  return {
    agenda: { id: resource.agendaId, title: agenda.title },
    can,
    today: dutchToday(),
    rounds: rounds.map((r) => ({
      id: r.id,
      title: r.title,
      amountEuros: r.amountEuros,
      method: r.method,
      opensOn: iso(r.opensOn),
      closesOn: iso(r.closesOn),
      phase: r.phase,
      voterCount: r.voterCount,
    })),
    room,
    ideas,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, resource } = await agendaForChange(request, params.id, "budget.manage");
  const submission = parseWithZod(await request.formData(), { schema: openRoundSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  const outcome = await openRound(user.id, resource, submission.value);
  if (!outcome.ok) {
    return { result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.error] } }) };
  }
  return redirect(
    `${href("/buurtagenda/:id/wijkbegroting/:round", { id: resource.agendaId, round: outcome.id })}?geopend=1`,
  );
}

export default function BudgetRounds({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(budgetMessages);
  const locale = useLocale();
  const { agenda, room } = loaderData;
  const euros = (n: number) => formatEuros(n, locale);
  const [form, fields] = useForm<z.input<typeof openRoundSchema>>({
    id: "stemming-openen",
    lastResult: actionData?.result,
    defaultValue: { method: "knapsack", opensOn: loaderData.today },
  });
  return (
    <div className="stack">
      <p className="utrecht-paragraph">
        <Link to={href("/buurtagenda/:id", { id: agenda.id })}>{t("backToAgenda")}</Link>
      </p>
      <h1 className="utrecht-heading-1">{t("listTitle", { title: agenda.title })}</h1>
      <p className="utrecht-paragraph">{t("listIntro")}</p>
      {loaderData.rounds.length === 0 ? (
        <p className="utrecht-paragraph">{t("noRounds")}</p>
      ) : (
        <ul className="story-list">
          {loaderData.rounds.map((round) => (
            <li key={round.id}>
              <h2 className="utrecht-heading-3">
                <Link
                  to={href("/buurtagenda/:id/wijkbegroting/:round", {
                    id: agenda.id,
                    round: round.id,
                  })}
                >
                  {round.title}
                </Link>
              </h2>
              <p className="utrecht-paragraph">
                {t("roundSummary", {
                  amount: euros(round.amountEuros),
                  from: formatDate(round.opensOn, locale),
                  to: formatDate(round.closesOn, locale),
                })}
              </p>
              <p className="utrecht-paragraph">
                {t(`phase_${round.phase}`, {
                  from: formatDate(round.opensOn, locale),
                  to: formatDate(round.closesOn, locale),
                })}{" "}
                ·{" "}
                {t(round.voterCount === 1 ? "voterCount_one" : "voterCount", {
                  count: round.voterCount,
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {loaderData.can["budget.manage"] && room ? (
        <section className="section stack" aria-labelledby="stemming-openen-titel">
          <h2 className="utrecht-heading-2" id="stemming-openen-titel">
            {t("openTitle")}
          </h2>
          <p className="utrecht-paragraph">{t("openIntro")}</p>
          {room.budgetEuros === null ? (
            <p className="utrecht-paragraph">
              <Link to={href("/buurtagenda/:id/urgentie", { id: agenda.id })}>
                {t("noBudgetYet")}
              </Link>
            </p>
          ) : (
            <p className="utrecht-paragraph">
              {t("budgetRoom", {
                budget: euros(room.budgetEuros),
                inRounds: euros(room.inRounds),
                free: euros(room.freeEuros ?? 0),
              })}
            </p>
          )}
          {loaderData.ideas.length < 2 ? (
            <p className="utrecht-paragraph">{t("noFittingIdeas")}</p>
          ) : (
            <>
              <FormAlert messages={form.errors?.map(t)} />
              <Form method="post" className="form" {...getFormProps(form)}>
                <input type="hidden" name="intent" value="open" />
                <TextField
                  field={fields.title}
                  label={t("titleLabel")}
                  description={t("titleHint")}
                  errors={fields.title.errors?.map(t)}
                />
                <TextField
                  field={fields.amount}
                  label={t("amountLabel")}
                  description={t("amountHint")}
                  inputMode="numeric"
                  errors={fields.amount.errors?.map(t)}
                />
                <RadioGroup
                  field={fields.method}
                  legend={t("methodLabel")}
                  errors={fields.method.errors?.map(t)}
                  options={BUDGET_METHODS.map((m) => ({
                    value: m,
                    label: `${t(`method_${m}`)}: ${t(`method_${m}_hint`)}`,
                  }))}
                />
                <TextField
                  field={fields.opensOn}
                  label={t("opensOnLabel")}
                  type="date"
                  errors={fields.opensOn.errors?.map(t)}
                />
                <TextField
                  field={fields.closesOn}
                  label={t("closesOnLabel")}
                  type="date"
                  errors={fields.closesOn.errors?.map(t)}
                />
                <CheckboxGroup
                  field={fields.ideas}
                  legend={t("ideasLabel")}
                  description={t("ideasHint")}
                  errors={fields.ideas.errors?.map(t)}
                  options={loaderData.ideas.map((idea) => ({
                    value: idea.id,
                    label: t("ideaCost", { title: idea.title, cost: euros(idea.costEuros) }),
                  }))}
                />
                <SubmitButton>{t("openButton")}</SubmitButton>
              </Form>
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}
