import { describe, expect, it } from "vitest";
import { dashboardRow, isOverdue } from "./dashboard";

const NOW = new Date("2027-06-15T10:00:00Z");
const days = (n: number) => new Date(NOW.getTime() - n * 24 * 60 * 60 * 1000);
const blocks = (statuses: string[], changed: number[]) =>
  statuses.map((status, i) => ({ block: i + 1, status, updatedAt: days(changed[i] ?? 0) }));
const empty = {
  blocks: blocks(Array(7).fill("not_started"), Array(7).fill(30)),
  agreements: [],
  storyCount: 0,
  ideas: [],
  lastActivity: null,
  openAdvice: [],
};

describe("dashboardRow", () => {
  it("names the first block that is not done, and since how many days it did not change", () => {
    const row = dashboardRow(
      {
        ...empty,
        blocks: blocks(
          [
            "done",
            "done",
            "in_progress",
            "not_started",
            "not_started",
            "not_started",
            "not_started",
          ],
          [90, 60, 21, 90, 90, 90, 90],
        ),
      },
      NOW,
    );
    expect(row).toMatchObject({ stuckBlock: 3, stuckStatus: "in_progress", stuckForDays: 21 });
  });

  it("adds up ideas counted in groups, as the dashboard's query returns them", () => {
    const row = dashboardRow(
      {
        ...empty,
        ideas: [
          { verdict: "fits", count: 4 },
          { verdict: "does_not_fit", count: 2 },
          { verdict: null, count: 7 },
          { verdict: "fits" },
        ],
      },
      NOW,
    );
    expect(row).toMatchObject({
      ideaCount: 14,
      ideasByVerdict: { fits: 5, needs_decision: 0, does_not_fit: 2 },
      ideasUnjudged: 7,
    });
  });

  it("is not stuck when all seven blocks are done", () => {
    const row = dashboardRow({ ...empty, blocks: blocks(Array(7).fill("done"), []) }, NOW);
    expect(row.stuckBlock).toBeNull();
  });

  it("adds up agreements counted by status with their overdue ones, ideas per verdict and late advice", () => {
    const row = dashboardRow(
      {
        ...empty,
        agreements: [
          { status: "in_progress", count: 3, overdue: 1 },
          { status: "done", count: 2, overdue: 0 },
          { status: "planned", count: 1, overdue: 0 },
          { status: "stalled", count: 1, overdue: 1 },
        ],
        ideas: [{ verdict: "fits" }, { verdict: "fits" }, { verdict: null }],
        lastActivity: days(3),
        openAdvice: [{ createdAt: days(43) }, { createdAt: days(10) }],
      },
      NOW,
    );
    expect(row.agreementsByStatus).toEqual({
      planned: 1,
      in_progress: 3,
      done: 2,
      stalled: 1,
      dropped: 0,
    });
    expect(row).toMatchObject({
      agreementCount: 7,
      overdue: 2,
      ideasUnjudged: 1,
      daysSinceActivity: 3,
      lateAdvice: 1,
    });
    expect(row.ideasByVerdict.fits).toBe(2);
  });
});

describe("isOverdue", () => {
  it("is overdue the day after the end date, unless done or dropped", () => {
    const due = new Date("2027-06-14");
    expect(isOverdue({ dueOn: due, status: "planned" }, "2027-06-14")).toBe(false);
    expect(isOverdue({ dueOn: due, status: "planned" }, "2027-06-15")).toBe(true);
    expect(isOverdue({ dueOn: due, status: "stalled" }, "2027-06-15")).toBe(true);
    expect(isOverdue({ dueOn: due, status: "done" }, "2027-06-15")).toBe(false);
    expect(isOverdue({ dueOn: due, status: "dropped" }, "2027-06-15")).toBe(false);
  });
});
