import { describe, expect, it } from "vitest";
import { budgetCheck, currentJudgement } from "./feasibility";

const fits = (costEuros: number | null) => ({ current: { verdict: "fits" as const, costEuros } });

describe("budgetCheck", () => {
  it("adds up the cost of the ideas that fit and sets it against the budget", () => {
    const check = budgetCheck(
      [
        fits(20_000),
        fits(12_500),
        { current: { verdict: "does_not_fit", costEuros: 90_000 } },
        { current: { verdict: "needs_decision", costEuros: 40_000 } },
        { current: null },
      ],
      50_000,
    );
    expect(check).toEqual({
      budgetEuros: 50_000,
      fitsCount: 2,
      fitsCostEuros: 32_500,
      fitsWithoutCost: 0,
      remainingEuros: 17_500,
      exceeded: false,
    });
  });

  it("warns when the ideas that fit cost more than the budget", () => {
    const check = budgetCheck([fits(30_000), fits(25_000)], 50_000);
    expect(check.exceeded).toBe(true);
    expect(check.remainingEuros).toBe(-5_000);
  });

  it("is not exceeded when the cost equals the budget exactly", () => {
    expect(budgetCheck([fits(50_000)], 50_000).exceeded).toBe(false);
  });

  it("counts ideas that fit without a cost estimate, so the total is not taken as complete", () => {
    const check = budgetCheck([fits(null), fits(10_000)], 50_000);
    expect(check.fitsWithoutCost).toBe(1);
    expect(check.fitsCostEuros).toBe(10_000);
  });

  it("cannot say whether a budget is exceeded when none is recorded", () => {
    const check = budgetCheck([fits(10_000)], null);
    expect(check.remainingEuros).toBeNull();
    expect(check.exceeded).toBe(false);
  });

  it("treats a budget of zero as a budget: any cost exceeds it", () => {
    expect(budgetCheck([fits(1)], 0).exceeded).toBe(true);
  });
});

describe("currentJudgement", () => {
  it("takes the newest judgement, whatever the order", () => {
    const a = { id: "a", createdAt: new Date("2026-11-01") };
    const b = { id: "b", createdAt: new Date("2026-11-20") };
    const c = { id: "c", createdAt: new Date("2026-11-10") };
    expect(currentJudgement([a, b, c])?.id).toBe("b");
    expect(currentJudgement([])).toBeNull();
  });
});
