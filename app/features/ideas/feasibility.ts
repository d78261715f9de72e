import type { Verdict } from "./ideas.schema";

// Block 6's budget check (DOMAIN.md §4): what the ideas judged "fits" would cost together, set
// against the budget recorded in block 1. Pure: no I/O.

export interface JudgedIdea {
  /** The idea's newest judgement; null when staff have not judged it yet. */
  current: { verdict: Verdict; costEuros: number | null } | null;
}

export interface BudgetCheck {
  /** Block 1's budget; null when none is recorded yet. */
  budgetEuros: number | null;
  fitsCount: number;
  /** The sum of the estimated costs of the ideas that fit. */
  fitsCostEuros: number;
  /** Ideas that fit but have no cost estimate: the total may be too low. */
  fitsWithoutCost: number;
  /** Budget minus the total; negative when the budget is exceeded; null without a budget. */
  remainingEuros: number | null;
  exceeded: boolean;
}

export function budgetCheck(ideas: JudgedIdea[], budgetEuros: number | null): BudgetCheck {
  const fitting = ideas.filter((idea) => idea.current?.verdict === "fits");
  const fitsCostEuros = fitting.reduce((sum, idea) => sum + (idea.current?.costEuros ?? 0), 0);
  const remainingEuros = budgetEuros === null ? null : budgetEuros - fitsCostEuros;
  return {
    budgetEuros,
    fitsCount: fitting.length,
    fitsCostEuros,
    fitsWithoutCost: fitting.filter((idea) => idea.current?.costEuros === null).length,
    remainingEuros,
    exceeded: remainingEuros !== null && remainingEuros < 0,
  };
}

/** The judgement that counts: the newest (history is kept, never edited). */
export function currentJudgement<T extends { createdAt: Date }>(judgements: T[]): T | null {
  let newest: T | null = null;
  for (const judgement of judgements) {
    if (!newest || judgement.createdAt > newest.createdAt) newest = judgement;
  }
  return newest;
}
