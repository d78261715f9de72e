import { useState } from "react";
import { Form } from "react-router";
import { useLocale, useText } from "../../shared/i18n/i18n";
import { SubmitButton } from "../../shared/ui/form";
import { formatEuros } from "../agenda/money";
import { budgetMessages } from "./budget.messages";
import type { BallotIdea, BudgetMethod } from "./tally";

// The ballot: one checkbox per idea with its cost. In a knapsack round the running total is
// announced as it changes and an idea that no longer fits cannot be ticked; the server checks
// the same rule (checkBallot), so the form also works without JavaScript.

export function BallotForm({
  method,
  amountEuros,
  ideas,
  chosen,
  hasVoted,
  error,
}: {
  method: BudgetMethod;
  amountEuros: number;
  ideas: BallotIdea[];
  chosen: string[];
  hasVoted: boolean;
  /** A key of budgetMessages. */
  error: keyof (typeof budgetMessages)["nl"] | null;
}) {
  const t = useText(budgetMessages);
  const locale = useLocale();
  const euros = (n: number) => formatEuros(n, locale);
  const [selected, setSelected] = useState(() => new Set(chosen));
  const total = ideas.filter((i) => selected.has(i.ideaId)).reduce((s, i) => s + i.costEuros, 0);
  const left = amountEuros - total;
  const toggle = (ideaId: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(ideaId);
      else next.delete(ideaId);
      return next;
    });
  return (
    <Form method="post" className="form">
      <input type="hidden" name="intent" value="ballot" />
      <fieldset
        className={`form-field checkbox-group${error ? " form-field--invalid" : ""}`}
        aria-describedby={error ? "stembiljet-fout" : "stembiljet-uitleg"}
      >
        <legend>{t("ballotTitle")}</legend>
        <p id="stembiljet-uitleg" className="form-field__description">
          {method === "knapsack"
            ? t("ballotIntroKnapsack", { amount: euros(amountEuros) })
            : t("ballotIntroApproval")}
        </p>
        {error ? (
          <p id="stembiljet-fout" className="form-field__error">
            {t(error)}
          </p>
        ) : null}
        <div className="checkbox-group__options">
          {ideas.map((idea) => {
            const on = selected.has(idea.ideaId);
            const fits = method === "approval" || on || idea.costEuros <= left;
            const hintId = `past-niet-${idea.ideaId}`;
            return (
              <div key={idea.ideaId}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    name="choices"
                    value={idea.ideaId}
                    checked={on}
                    disabled={!fits}
                    aria-describedby={fits ? undefined : hintId}
                    onChange={(event) => toggle(idea.ideaId, event.currentTarget.checked)}
                  />{" "}
                  {t("ideaCost", { title: idea.title, cost: euros(idea.costEuros) })}
                </label>
                {fits ? null : (
                  <p id={hintId} className="form-field__description">
                    {t("doesNotFit", { left: euros(left) })}
                  </p>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
      <p className="utrecht-paragraph" role="status" aria-live="polite">
        <strong>
          {method === "knapsack"
            ? t("runningTotal", {
                total: euros(total),
                amount: euros(amountEuros),
                left: euros(left),
              })
            : t("runningTotalApproval", { count: selected.size })}
        </strong>
      </p>
      <p className="utrecht-paragraph">{t("secretNote")}</p>
      <SubmitButton>{hasVoted ? t("changeButton") : t("voteButton")}</SubmitButton>
    </Form>
  );
}
