import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, href, redirect, useLocation, useSearchParams } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/buurtagenda-wijkbegroting-ronde";
import { agendaFor, agendaForChange, permissionsOn } from "../features/agenda/agenda-routes.server";
import { getAgendaDetails } from "../features/agenda/agenda.server";
import { formatEuros } from "../features/agenda/money";
import { BallotForm } from "../features/budget/ballot-form";
import { budgetMessages } from "../features/budget/budget.messages";
import {
  ballotSchema,
  closeRoundSchema,
  deviationSchema,
  homeBuurtSchema,
} from "../features/budget/budget.schema";
import {
  castBallot,
  checkRound,
  closeRound,
  declareHomeBuurt,
  deviateFromResult,
  roundPage,
} from "../features/budget/budget.server";
import { useLocale, useText, formatDate } from "../shared/i18n/i18n";
import {
  FormAlert,
  RadioGroup,
  SelectField,
  StatusMessage,
  SubmitButton,
  TextAreaField,
} from "../shared/ui/form";
import { dutchToday } from "../shared/validation";
import { numberFormat } from "../shared/i18n/formatters";

// One neighbourhood budget round: the ballot for residents of the area, the result with turnout
// and any deviation for everyone, closing and deviating for staff (budget.manage).

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `${data.round.title} | Buurtagenda` : "Buurtagenda" },
];

type MessageKey = keyof (typeof budgetMessages)["nl"];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, resource } = await agendaFor(request, params.id, "published.view");
  const can = permissionsOn(user, resource, ["budget.manage", "budget.recount", "agenda.view"]);
  const [page, agenda] = await Promise.all([
    roundPage(resource, params.round, user?.id ?? null, can["budget.manage"]),
    getAgendaDetails(resource.agendaId),
  ]);
  if (!page) throw data(null, { status: 404 });
  return {
    agenda: { id: resource.agendaId, title: agenda.title },
    signedIn: user !== null,
    can,
    today: dutchToday(),
    ...page,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const form = await request.formData();
  const intent = form.get("intent");
  const back = href("/buurtagenda/:id/wijkbegroting/:round", {
    id: params.id,
    round: params.round,
  });
  if (intent === "home-buurt") {
    const { user } = await agendaForChange(request, params.id, "budget.vote");
    const submission = parseWithZod(form, { schema: homeBuurtSchema });
    if (submission.status !== "success") return { homeBuurt: submission.reply() };
    const code = submission.value.buurt === "elders" ? null : submission.value.buurt;
    if (!(await declareHomeBuurt(user.id, code))) {
      return { homeBuurt: submission.reply({ fieldErrors: { buurt: ["buurtUnknown"] } }) };
    }
    return redirect(`${back}?buurt=1#stemmen`);
  }
  if (intent === "ballot") {
    const { user, resource } = await agendaForChange(request, params.id, "budget.vote");
    const submission = parseWithZod(form, { schema: ballotSchema });
    const choices = form.getAll("choices").map(String).slice(0, 50);
    if (submission.status !== "success") {
      return { ballot: { error: "ballotUnknownIdea" as MessageKey, choices } };
    }
    const outcome = await castBallot(user.id, resource, params.round, submission.value.choices);
    if (!outcome) throw data(null, { status: 404 });
    if (!outcome.ok) return { ballot: { error: outcome.error as MessageKey, choices } };
    return redirect(`${back}?${outcome.changed ? "veranderd" : "gestemd"}=1#stemmen`);
  }
  if (intent === "recount") {
    const { user, resource } = await agendaForChange(request, params.id, "budget.recount");
    const outcome = await checkRound(user.id, resource, params.round);
    if (!outcome) throw data(null, { status: 404 });
    return redirect(`${back}?hertelling=${outcome.matches ? "gelijk" : "anders"}#hertellen`);
  }
  const { user, resource } = await agendaForChange(request, params.id, "budget.manage");
  if (intent === "close") {
    const submission = parseWithZod(form, { schema: closeRoundSchema });
    if (submission.status !== "success") return { close: submission.reply() };
    const outcome = await closeRound(user.id, resource, params.round, submission.value.owner);
    if (!outcome) throw data(null, { status: 404 });
    if (!outcome.ok) {
      const field =
        outcome.error === "ownerRequired"
          ? { fieldErrors: { owner: [outcome.error] } }
          : { formErrors: [outcome.error] };
      return { close: submission.reply(field) };
    }
    return redirect(`${back}?geteld=${outcome.chosen}#uitslag`);
  }
  const submission = parseWithZod(form, { schema: deviationSchema });
  if (submission.status !== "success") return { deviate: submission.reply() };
  const outcome = await deviateFromResult(user.id, resource, params.round, submission.value);
  if (!outcome) throw data(null, { status: 404 });
  if (!outcome.ok) {
    return { deviate: submission.reply({ fieldErrors: { [outcome.field]: [outcome.error] } }) };
  }
  return redirect(`${back}?afgeweken=1#afwijkingen`);
}

function percentage(voters: number, inhabitants: number | null, locale: string) {
  if (!inhabitants) return null;
  return numberFormat(locale === "nl" ? "nl-NL" : "en-GB", {
    style: "percent",
    maximumFractionDigits: 1,
  }).format(voters / inhabitants);
}

export default function BudgetRound({ loaderData, actionData }: Route.ComponentProps) {
  const t = useText(budgetMessages);
  const locale = useLocale();
  const location = useLocation();
  const [search] = useSearchParams();
  const { agenda, round, ideas, me } = loaderData;
  const euros = (n: number) => formatEuros(n, locale);
  const day = (d: string) => formatDate(d, locale);
  const titleOf = new Map(ideas.map((i) => [i.ideaId, i.title]));
  const costOf = new Map(ideas.map((i) => [i.ideaId, i.costEuros]));
  const ballot = actionData && "ballot" in actionData ? actionData.ballot : null;
  const [homeForm, homeFields] = useForm<z.input<typeof homeBuurtSchema>>({
    id: "mijn-buurt",
    lastResult: actionData && "homeBuurt" in actionData ? actionData.homeBuurt : undefined,
  });
  const [closeForm, closeFields] = useForm<z.input<typeof closeRoundSchema>>({
    id: "sluiten",
    lastResult: actionData && "close" in actionData ? actionData.close : undefined,
  });
  const [deviateForm, deviateFields] = useForm<z.input<typeof deviationSchema>>({
    id: "afwijken",
    lastResult: actionData && "deviate" in actionData ? actionData.deviate : undefined,
  });
  const inArea = me?.homeBuurtCode
    ? loaderData.buurten.some((b) => b.code === me.homeBuurtCode)
    : false;
  // The same form serves a first choice and a later change, so a voter who moved can fix it here.
  const homeBuurtForm = (
    <>
      <p className="utrecht-paragraph">{t("homeBuurtIntro")}</p>
      <Form method="post" className="form" {...getFormProps(homeForm)}>
        <input type="hidden" name="intent" value="home-buurt" />
        <SelectField
          field={homeFields.buurt}
          label={t("homeBuurtLabel")}
          errors={homeFields.buurt.errors?.map(t)}
          placeholder=""
          defaultValue={inArea ? (me?.homeBuurtCode ?? "") : me?.homeBuurtCode ? "elders" : ""}
          options={[
            ...loaderData.buurten.map((b) => ({ value: b.code, label: b.name })),
            { value: "elders", label: t("homeBuurtElsewhere") },
          ]}
        />
        <SubmitButton>{t("homeBuurtSave")}</SubmitButton>
      </Form>
    </>
  );
  const defaultOwner =
    loaderData.parties.find((p) => p.kind === "municipality")?.id ?? loaderData.parties[0]?.id;
  const chosenTotal = loaderData.results
    .filter((r) => r.chosen)
    .reduce((sum, r) => sum + (costOf.get(r.ideaId) ?? 0), 0);
  return (
    <div className="stack">
      <p className="utrecht-paragraph">
        <Link to={href("/buurtagenda/:id/wijkbegroting", { id: agenda.id })}>
          {t("backToRounds")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{round.title}</h1>
      <p className="utrecht-paragraph">
        {agenda.title} ·{" "}
        {t("roundSummary", {
          amount: euros(round.amountEuros),
          from: day(round.opensOn),
          to: day(round.closesOn),
        })}
      </p>
      <p className="utrecht-paragraph">
        <strong>
          {t(`phase_${round.phase}`, { from: day(round.opensOn), to: day(round.closesOn) })}
        </strong>{" "}
        · {t(`method_${round.method}`)}
      </p>
      {search.get("geopend") ? <StatusMessage>{t("opened")}</StatusMessage> : null}
      {search.get("gestemd") ? (
        <StatusMessage>{t("voted", { to: day(round.closesOn) })}</StatusMessage>
      ) : null}
      {search.get("veranderd") ? <StatusMessage>{t("changedVote")}</StatusMessage> : null}
      {search.get("buurt") ? <StatusMessage>{t("homeBuurtSaved")}</StatusMessage> : null}
      {search.get("geteld") ? (
        <StatusMessage>{t("closed", { count: Number(search.get("geteld")) || 0 })}</StatusMessage>
      ) : null}
      {search.get("afgeweken") ? <StatusMessage>{t("deviated")}</StatusMessage> : null}

      {round.phase === "open" ? (
        <section className="section stack" id="stemmen" aria-labelledby="stemmen-titel">
          <h2 className="utrecht-heading-2" id="stemmen-titel">
            {t("ballotTitle")}
          </h2>
          {!loaderData.signedIn ? (
            <>
              <p className="utrecht-paragraph">{t("signInToVoteIntro")}</p>
              <p className="utrecht-paragraph">
                <Link
                  className="utrecht-button utrecht-button--primary-action"
                  to={`${href("/inloggen/code")}?terug=${encodeURIComponent(location.pathname)}`}
                >
                  {t("signInToVote")}
                </Link>
              </p>
            </>
          ) : !me?.homeBuurtCode || !inArea ? (
            <>
              {me?.homeBuurtCode ? (
                <p className="utrecht-paragraph">{t("outsideAreaNote")}</p>
              ) : null}
              <h3 className="utrecht-heading-3">{t("homeBuurtTitle")}</h3>
              {homeBuurtForm}
            </>
          ) : (
            <>
              {me.hasVoted ? <p className="utrecht-paragraph">{t("youVoted")}</p> : null}
              <BallotForm
                key={ballot ? `fout-${ballot.choices.join(",")}` : me.choices.join(",")}
                method={round.method}
                amountEuros={round.amountEuros}
                ideas={ideas}
                chosen={ballot ? ballot.choices : me.choices}
                hasVoted={me.hasVoted}
                error={ballot?.error ?? null}
              />
              <details open={Boolean(homeFields.buurt.errors?.length)}>
                <summary>{t("homeBuurtChange")}</summary>
                {homeBuurtForm}
              </details>
            </>
          )}
        </section>
      ) : round.phase !== "closed" ? (
        <section className="section stack" aria-labelledby="ideeen-titel">
          <h2 className="utrecht-heading-2" id="ideeen-titel">
            {t("ideasLabel")}
          </h2>
          <ul className="utrecht-unordered-list">
            {ideas.map((idea) => (
              <li key={idea.ideaId}>
                {t("ideaCost", { title: idea.title, cost: euros(idea.costEuros) })}
              </li>
            ))}
          </ul>
          {ballot ? <FormAlert messages={[t(ballot.error)]} /> : null}
        </section>
      ) : null}

      {round.phase === "closed" ? (
        <section className="section stack" id="uitslag" aria-labelledby="uitslag-titel">
          <h2 className="utrecht-heading-2" id="uitslag-titel">
            {t("resultTitle")}
          </h2>
          {ballot ? <FormAlert messages={[t(ballot.error)]} /> : null}
          <div className="table-scroll">
            <table className="utrecht-table">
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th scope="col" className="utrecht-table__header-cell">
                    {t("colRank")}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {t("colIdea")}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {t("colVotes")}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {t("colCost")}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {t("colOutcome")}
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {loaderData.results.map((r) => (
                  <tr key={r.ideaId} className="utrecht-table__row">
                    <td className="utrecht-table__cell">{r.rank}</td>
                    <th scope="row" className="utrecht-table__header-cell">
                      {titleOf.get(r.ideaId)}
                    </th>
                    <td className="utrecht-table__cell">{r.votes}</td>
                    <td className="utrecht-table__cell">{euros(costOf.get(r.ideaId) ?? 0)}</td>
                    <td className="utrecht-table__cell">
                      {t(`outcome_${r.outcome}` as MessageKey)}
                      {r.tiedWith.length ? (
                        <>
                          {" "}
                          {t("tieNote", {
                            others: r.tiedWith.map((id) => titleOf.get(id) ?? "").join(", "),
                          })}
                        </>
                      ) : null}
                      {r.agreementId && loaderData.can["agenda.view"] ? (
                        <>
                          {" "}
                          <Link
                            to={href("/buurtagenda/:id/afspraken/:agreement", {
                              id: agenda.id,
                              agreement: r.agreementId,
                            })}
                          >
                            {t("agreementLink")}
                          </Link>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="utrecht-paragraph">
            {t("chosenTotal", { total: euros(chosenTotal), amount: euros(round.amountEuros) })}
          </p>
          <h3 className="utrecht-heading-3">{t("ruleTitle")}</h3>
          <p className="utrecht-paragraph">{t("rule")}</p>
          {loaderData.can["budget.recount"] ? (
            <div className="stack" id="hertellen">
              <h3 className="utrecht-heading-3">{t("recountTitle")}</h3>
              <p className="utrecht-paragraph">{t("recountIntro")}</p>
              {search.get("hertelling") === "gelijk" ? (
                <StatusMessage>{t("recountMatches")}</StatusMessage>
              ) : search.get("hertelling") === "anders" ? (
                <FormAlert messages={[t("recountDiffers")]} />
              ) : null}
              <Form method="post">
                <input type="hidden" name="intent" value="recount" />
                <SubmitButton>{t("recountButton")}</SubmitButton>
              </Form>
            </div>
          ) : null}
        </section>
      ) : null}

      {round.phase === "closed" || loaderData.can["budget.manage"] ? (
        <section className="section stack" aria-labelledby="opkomst-titel">
          <h2 className="utrecht-heading-2" id="opkomst-titel">
            {t("turnoutTitle")}
          </h2>
          <div className="table-scroll">
            <table className="utrecht-table">
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th scope="col" className="utrecht-table__header-cell">
                    {t("colBuurt")}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {t("colVoters")}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {t("colInhabitants")}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {t("colShare")}
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {loaderData.turnout.map((b) => (
                  <tr key={b.buurtCode} className="utrecht-table__row">
                    <th scope="row" className="utrecht-table__header-cell">
                      {b.name}
                    </th>
                    <td className="utrecht-table__cell">{b.voters}</td>
                    <td className="utrecht-table__cell">{b.inhabitants ?? t("unknown")}</td>
                    <td className="utrecht-table__cell">
                      {percentage(b.voters, b.inhabitants, locale) ?? t("unknown")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="source-note">{t("inhabitantsSource")}</p>
        </section>
      ) : null}

      {round.phase === "closed" ? (
        <section className="section stack" id="afwijkingen" aria-labelledby="afwijkingen-titel">
          <h2 className="utrecht-heading-2" id="afwijkingen-titel">
            {t("deviationsTitle")}
          </h2>
          {loaderData.deviations.length === 0 ? (
            <p className="utrecht-paragraph">{t("deviationsNone")}</p>
          ) : (
            <ul className="utrecht-unordered-list">
              {loaderData.deviations.map((d) => (
                <li key={d.id}>
                  {t(d.include ? "deviationInclude" : "deviationExclude", {
                    idea: titleOf.get(d.ideaId) ?? "",
                  })}{" "}
                  {t("deviationReason", { reason: d.reason })} ({formatDate(d.createdAt, locale)})
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {loaderData.can["budget.manage"] && round.phase !== "closed" && round.phase !== "upcoming" ? (
        <section className="section stack" aria-labelledby="sluiten-titel">
          <h2 className="utrecht-heading-2" id="sluiten-titel">
            {t("closeTitle")}
          </h2>
          <p className="utrecht-paragraph">{t("closeIntro")}</p>
          {round.phase === "open" ? (
            <p className="utrecht-paragraph">{t("closeEarly", { to: day(round.closesOn) })}</p>
          ) : null}
          {loaderData.parties.length === 0 ? (
            <p className="utrecht-paragraph">
              <Link to={href("/buurtagenda/:id/partijen", { id: agenda.id })}>
                {t("closeNeedsParty")}
              </Link>
            </p>
          ) : null}
          <FormAlert messages={closeForm.errors?.map(t)} />
          <Form method="post" className="form" {...getFormProps(closeForm)}>
            <input type="hidden" name="intent" value="close" />
            <SelectField
              field={closeFields.owner}
              label={t("ownerLabel")}
              description={t("ownerHint")}
              errors={closeFields.owner.errors?.map(t)}
              defaultValue={defaultOwner}
              options={loaderData.parties.map((p) => ({ value: p.id, label: p.name }))}
            />
            <SubmitButton>{t("closeButton")}</SubmitButton>
          </Form>
        </section>
      ) : null}

      {loaderData.can["budget.manage"] && round.phase === "closed" ? (
        <section className="section stack" aria-labelledby="afwijken-titel">
          <h2 className="utrecht-heading-2" id="afwijken-titel">
            {t("deviateTitle")}
          </h2>
          <p className="utrecht-paragraph">{t("deviateIntro")}</p>
          <FormAlert messages={deviateForm.errors?.map(t)} />
          <Form method="post" className="form" {...getFormProps(deviateForm)}>
            <input type="hidden" name="intent" value="deviate" />
            <SelectField
              field={deviateFields.idea}
              label={t("deviateIdea")}
              errors={deviateFields.idea.errors?.map(t)}
              placeholder=""
              options={ideas.map((i) => ({ value: i.ideaId, label: i.title }))}
            />
            <RadioGroup
              field={deviateFields.include}
              legend={t("deviateInclude")}
              errors={deviateFields.include.errors?.map(t)}
              options={[
                { value: "ja", label: t("deviateIncludeYes") },
                { value: "nee", label: t("deviateIncludeNo") },
              ]}
            />
            <TextAreaField
              field={deviateFields.reason}
              label={t("deviateReason")}
              required
              rows={3}
              errors={deviateFields.reason.errors?.map(t)}
            />
            <SubmitButton>{t("deviateButton")}</SubmitButton>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
