import { describe, expect, it } from "vitest";
import { checkBallot, recountDifferences, tally, turnoutPerBuurt } from "./tally";

const ideas = [
  { ideaId: "a", title: "Bankjes bij de Glip", costEuros: 20_000 },
  { ideaId: "b", title: "Betere verlichting", costEuros: 30_000 },
  { ideaId: "c", title: "Speeltuin", costEuros: 25_000 },
  { ideaId: "d", title: "Buurtkamer", costEuros: 10_000 },
];

describe("checkBallot", () => {
  it("accepts a knapsack ballot within the amount and gives its total", () => {
    expect(checkBallot("knapsack", 50_000, ideas, ["a", "b"])).toEqual({
      ok: true,
      choices: ["a", "b"],
      totalEuros: 50_000,
    });
  });

  it("refuses a knapsack ballot over the amount", () => {
    expect(checkBallot("knapsack", 50_000, ideas, ["a", "b", "d"])).toEqual({
      ok: false,
      error: "ballotOverBudget",
    });
  });

  it("lets an approval ballot approve more than the amount", () => {
    const check = checkBallot("approval", 50_000, ideas, ["a", "b", "c", "d"]);
    expect(check).toMatchObject({ ok: true, totalEuros: 85_000 });
  });

  it("refuses an empty ballot and an idea that is not on the ballot", () => {
    expect(checkBallot("knapsack", 50_000, ideas, [])).toMatchObject({ error: "ballotEmpty" });
    expect(checkBallot("approval", 50_000, ideas, ["a", "zzz"])).toMatchObject({
      error: "ballotUnknownIdea",
    });
  });

  it("counts a repeated choice once", () => {
    expect(checkBallot("knapsack", 20_000, ideas, ["a", "a"])).toMatchObject({
      ok: true,
      choices: ["a"],
      totalEuros: 20_000,
    });
  });
});

describe("tally", () => {
  it("chooses by votes and passes over an idea that no longer fits, then tries the next", () => {
    // votes: b 3, c 2, a 1, d 1 → b (30k, 20k left), c (25k) does not fit, d (10k) before a
    // (tie on 1 vote: the cheaper first), d fits (10k left), a (20k) does not.
    const rows = tally(50_000, ideas, [
      ["b", "c"],
      ["b", "c", "a"],
      ["b", "d"],
    ]);
    expect(rows.map((r) => [r.ideaId, r.votes, r.rank, r.outcome])).toEqual([
      ["b", 3, 1, "chosen"],
      ["c", 2, 2, "over_budget"],
      ["d", 1, 3, "chosen"],
      ["a", 1, 4, "over_budget"],
    ]);
    expect(rows.find((r) => r.ideaId === "d")!.tiedWith).toEqual(["a"]);
    expect(rows.at(-1)!.remainingEuros).toBe(10_000);
  });

  it("never chooses an idea without votes, even when money is left", () => {
    const rows = tally(100_000, ideas, [["a"]]);
    expect(rows.filter((r) => r.chosen).map((r) => r.ideaId)).toEqual(["a"]);
    expect(rows.filter((r) => r.outcome === "no_votes")).toHaveLength(3);
  });

  it("breaks a tie on votes and cost by title, whatever order the ideas come in", () => {
    const same = [
      { ideaId: "y", title: "Zitbank", costEuros: 5_000 },
      { ideaId: "x", title: "Afvalbak", costEuros: 5_000 },
    ];
    const forward = tally(5_000, same, [["x", "y"]]);
    const backward = tally(5_000, [...same].reverse(), [["y", "x"]]);
    expect(forward).toEqual(backward);
    expect(forward[0]).toMatchObject({ ideaId: "x", chosen: true });
    expect(forward[1]).toMatchObject({ ideaId: "y", outcome: "over_budget" });
  });

  it("gives the same result whatever order the ballots are read in", () => {
    const ballots = [["a", "b"], ["c"], ["d", "c"], ["b"], ["a"]];
    expect(tally(50_000, ideas, ballots)).toEqual(tally(50_000, ideas, [...ballots].reverse()));
  });
});

describe("recountDifferences", () => {
  it("is empty when the recount equals the stored result and names the ideas that differ", () => {
    const rows = tally(50_000, ideas, [["a"], ["a", "b"]]);
    expect(recountDifferences(rows, rows)).toEqual([]);
    const tampered = rows.map((r) => (r.ideaId === "b" ? { ...r, votes: r.votes + 1 } : r));
    expect(recountDifferences(tampered, rows)).toEqual(["b"]);
    expect(recountDifferences(rows.slice(1), rows)).toEqual([rows[0]!.ideaId]);
  });
});

describe("turnoutPerBuurt", () => {
  it("counts voters per buurt of the area and lists buurten without voters too", () => {
    expect(turnoutPerBuurt(["BU1", "BU2"], ["BU1", "BU1", "BU9"])).toEqual([
      { buurtCode: "BU1", voters: 2 },
      { buurtCode: "BU2", voters: 0 },
    ]);
  });
});
