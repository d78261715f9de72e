// The seven building blocks (DOMAIN.md §4) and what each still misses. Pure: the page and the
// tests give it the agenda's state.

export const BLOCKS = [
  { number: 1, key: "urgency" },
  { number: 2, key: "scan" },
  { number: 3, key: "parties" },
  { number: 4, key: "stories" },
  { number: 5, key: "linking" },
  { number: 6, key: "ideas" },
  { number: 7, key: "agenda" },
] as const;
export type BlockKey = (typeof BLOCKS)[number]["key"];

export interface AgendaProgressState {
  statement: string;
  triggerCount: number;
  supportGroupsAssessed: number;
  anySupportInsufficient: boolean;
  decisionRecorded: boolean;
  budgetEuros: number | null;
  partyCount: number;
  decidingPartyCount: number;
  /** The newest buurtscan: none yet, a draft, or frozen. */
  scan: "none" | "draft" | "frozen";
  /** Stories told about the agenda's buurten (any status). */
  storyCount: number;
  findingCount: number;
  /** Published ideas, and how many of them have no feasibility judgement yet. */
  ideaCount: number;
  unjudgedIdeaCount: number;
  /** Residents' ideas waiting for the platform. */
  waitingIdeaCount: number;
  agreementCount: number;
  /** The draft's revision (0: never saved) and how many versions were published. */
  documentRevision: number;
  versionCount: number;
}

export type MissingKey =
  | "missingStatement"
  | "missingTrigger"
  | "missingSupport"
  | "missingBudget"
  | "missingDecision"
  | "missingParties"
  | "missingDecidingParty"
  | "missingScan"
  | "missingFrozenScan"
  | "missingStories"
  | "missingFindings"
  | "missingIdeas"
  | "missingIdeaModeration"
  | "missingAgreements"
  | "missingDocument"
  | "missingPublication"
  | "missingJudgements";

export function missingFor(block: number, state: AgendaProgressState): MissingKey[] {
  const missing: MissingKey[] = [];
  switch (block) {
    case 1:
      if (!state.statement.trim()) missing.push("missingStatement");
      if (state.triggerCount === 0) missing.push("missingTrigger");
      if (state.supportGroupsAssessed < 4) missing.push("missingSupport");
      if (state.budgetEuros === null) missing.push("missingBudget");
      // With insufficient support the team must decide: stop, or continue on named themes.
      if (state.anySupportInsufficient && !state.decisionRecorded) missing.push("missingDecision");
      return missing;
    case 2:
      if (state.scan === "none") missing.push("missingScan");
      else if (state.scan === "draft") missing.push("missingFrozenScan");
      return missing;
    case 4:
      if (state.storyCount === 0) missing.push("missingStories");
      return missing;
    case 5:
      if (state.findingCount === 0) missing.push("missingFindings");
      return missing;
    case 6:
      if (state.ideaCount === 0) {
        missing.push(state.waitingIdeaCount > 0 ? "missingIdeaModeration" : "missingIdeas");
      } else if (state.unjudgedIdeaCount > 0) missing.push("missingJudgements");
      return missing;
    case 7:
      if (state.agreementCount === 0) missing.push("missingAgreements");
      if (state.documentRevision === 0) missing.push("missingDocument");
      else if (state.versionCount === 0) missing.push("missingPublication");
      return missing;
    case 3:
      if (state.partyCount === 0) missing.push("missingParties");
      else if (state.decidingPartyCount === 0) missing.push("missingDecidingParty");
      return missing;
  }
  return missing;
}
