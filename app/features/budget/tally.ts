// The counting rule of a neighbourhood budget round (digitale wijkbegroting), and the check of one
// ballot. Pure: the close action and the recount command feed it the stored ballots the same way,
// so a recount gives the published result or shows where it differs (decision 0022).

export type BudgetMethod = "knapsack" | "approval";

export interface BallotIdea {
  ideaId: string;
  title: string;
  costEuros: number;
}

export type BallotCheck =
  | { ok: true; choices: string[]; totalEuros: number }
  | { ok: false; error: "ballotEmpty" | "ballotUnknownIdea" | "ballotOverBudget" };

/**
 * A ballot is a set of ideas of the round. In a knapsack round their costs together stay within
 * the amount; in an approval round any number may be approved.
 */
export function checkBallot(
  method: BudgetMethod,
  amountEuros: number,
  ideas: BallotIdea[],
  choices: string[],
): BallotCheck {
  const unique = [...new Set(choices)];
  if (unique.length === 0) return { ok: false, error: "ballotEmpty" };
  const costs = new Map(ideas.map((i) => [i.ideaId, i.costEuros]));
  if (unique.some((id) => !costs.has(id))) return { ok: false, error: "ballotUnknownIdea" };
  const totalEuros = unique.reduce((sum, id) => sum + costs.get(id)!, 0);
  if (method === "knapsack" && totalEuros > amountEuros) {
    return { ok: false, error: "ballotOverBudget" };
  }
  return { ok: true, choices: unique, totalEuros };
}

export type Outcome = "chosen" | "over_budget" | "no_votes";

export interface TallyRow {
  ideaId: string;
  votes: number;
  /** 1 for the first idea the rule looked at. */
  rank: number;
  chosen: boolean;
  outcome: Outcome;
  /** Other ideas with the same number of votes, in rank order. */
  tiedWith: string[];
  /** The amount still free after this idea was looked at. */
  remainingEuros: number;
}

const byTitle = new Intl.Collator("nl", { sensitivity: "base", numeric: true });

/**
 * Greedy by votes within the amount: ideas in order of votes, most first; on equal votes the
 * cheaper idea first (it leaves more for the others), then by title and id so the order never
 * depends on storage. Each idea that still fits in what is left is chosen; one that does not is
 * passed over and the next is tried. An idea without votes is never chosen.
 */
export function tally(amountEuros: number, ideas: BallotIdea[], ballots: string[][]): TallyRow[] {
  const votes = new Map(ideas.map((i) => [i.ideaId, 0]));
  for (const ballot of ballots) {
    for (const ideaId of new Set(ballot)) {
      const count = votes.get(ideaId);
      // A choice for an idea that is not on the ballot cannot be stored; ignore rather than count.
      if (count !== undefined) votes.set(ideaId, count + 1);
    }
  }
  const ordered = [...ideas].sort(
    (a, b) =>
      votes.get(b.ideaId)! - votes.get(a.ideaId)! ||
      a.costEuros - b.costEuros ||
      byTitle.compare(a.title, b.title) ||
      (a.ideaId < b.ideaId ? -1 : a.ideaId > b.ideaId ? 1 : 0),
  );
  let remaining = amountEuros;
  return ordered.map((idea, index) => {
    const count = votes.get(idea.ideaId)!;
    let outcome: Outcome;
    if (count === 0) outcome = "no_votes";
    else if (idea.costEuros <= remaining) {
      outcome = "chosen";
      remaining -= idea.costEuros;
    } else outcome = "over_budget";
    return {
      ideaId: idea.ideaId,
      votes: count,
      rank: index + 1,
      chosen: outcome === "chosen",
      outcome,
      tiedWith: ordered
        .filter((other) => other.ideaId !== idea.ideaId && votes.get(other.ideaId) === count)
        .map((other) => other.ideaId),
      remainingEuros: remaining,
    };
  });
}

export interface StoredResult {
  ideaId: string;
  votes: number;
  rank: number;
  chosen: boolean;
  outcome: string;
}

/** The ideas where a recount differs from the stored result (empty: they are the same). */
export function recountDifferences(stored: StoredResult[], recount: TallyRow[]): string[] {
  const key = (r: StoredResult) => `${r.votes}|${r.rank}|${r.chosen}|${r.outcome}`;
  const storedBy = new Map(stored.map((r) => [r.ideaId, key(r)]));
  const ids = new Set([...storedBy.keys(), ...recount.map((r) => r.ideaId)]);
  const recountBy = new Map(recount.map((r) => [r.ideaId, key(r)]));
  return [...ids].filter((id) => storedBy.get(id) !== recountBy.get(id)).sort();
}

/** Turnout per buurt of the area: every buurt appears, also with no voters. */
export function turnoutPerBuurt(
  buurtCodes: string[],
  voterBuurten: string[],
): { buurtCode: string; voters: number }[] {
  const counts = new Map(buurtCodes.map((code) => [code, 0]));
  for (const code of voterBuurten) {
    if (counts.has(code)) counts.set(code, counts.get(code)! + 1);
  }
  return [...counts].map(([buurtCode, voters]) => ({ buurtCode, voters }));
}
