import { describe, expect, it } from "vitest";
import { missingFor, type AgendaProgressState } from "./blocks";

const empty: AgendaProgressState = {
  statement: "",
  triggerCount: 0,
  supportGroupsAssessed: 0,
  anySupportInsufficient: false,
  decisionRecorded: false,
  budgetEuros: null,
  partyCount: 0,
  decidingPartyCount: 0,
  scan: "none",
  storyCount: 0,
  findingCount: 0,
  ideaCount: 0,
  unjudgedIdeaCount: 0,
  waitingIdeaCount: 0,
  agreementCount: 0,
  documentRevision: 0,
  versionCount: 0,
};

describe("missingFor", () => {
  it("lists everything block 1 still needs on a new agenda", () => {
    expect(missingFor(1, empty)).toEqual([
      "missingStatement",
      "missingTrigger",
      "missingSupport",
      "missingBudget",
    ]);
  });

  it("asks for a decision only when some support is insufficient", () => {
    const complete = {
      ...empty,
      statement: "Waarom hier",
      triggerCount: 1,
      supportGroupsAssessed: 4,
      budgetEuros: 50000,
    };
    expect(missingFor(1, complete)).toEqual([]);
    expect(missingFor(1, { ...complete, anySupportInsufficient: true })).toEqual([
      "missingDecision",
    ]);
    expect(
      missingFor(1, { ...complete, anySupportInsufficient: true, decisionRecorded: true }),
    ).toEqual([]);
  });

  it("accepts a budget of zero euros as recorded", () => {
    expect(missingFor(1, { ...empty, budgetEuros: 0 })).not.toContain("missingBudget");
  });

  it("wants parties, one of which decides", () => {
    expect(missingFor(3, empty)).toEqual(["missingParties"]);
    expect(missingFor(3, { ...empty, partyCount: 2 })).toEqual(["missingDecidingParty"]);
    expect(missingFor(3, { ...empty, partyCount: 2, decidingPartyCount: 1 })).toEqual([]);
  });

  it("wants a buurtscan whose figures are frozen", () => {
    expect(missingFor(2, empty)).toEqual(["missingScan"]);
    expect(missingFor(2, { ...empty, scan: "draft" })).toEqual(["missingFrozenScan"]);
    expect(missingFor(2, { ...empty, scan: "frozen" })).toEqual([]);
  });

  it("wants stories for block 4", () => {
    expect(missingFor(4, empty)).toEqual(["missingStories"]);
    expect(missingFor(4, { ...empty, storyCount: 3 })).toEqual([]);
  });

  it("wants a finding for block 5", () => {
    expect(missingFor(5, empty)).toEqual(["missingFindings"]);
    expect(missingFor(5, { ...empty, findingCount: 1 })).toEqual([]);
  });

  it("wants ideas, each with a feasibility judgement, for block 6", () => {
    expect(missingFor(6, empty)).toEqual(["missingIdeas"]);
    expect(missingFor(6, { ...empty, ideaCount: 3, unjudgedIdeaCount: 1 })).toEqual([
      "missingJudgements",
    ]);
    expect(missingFor(6, { ...empty, ideaCount: 3 })).toEqual([]);
    // Ideas only waiting for the platform: that is what holds the block up.
    expect(missingFor(6, { ...empty, waitingIdeaCount: 2 })).toEqual(["missingIdeaModeration"]);
  });

  it("wants agreements, a saved text and a published version for block 7", () => {
    expect(missingFor(7, empty)).toEqual(["missingAgreements", "missingDocument"]);
    expect(missingFor(7, { ...empty, agreementCount: 2, documentRevision: 3 })).toEqual([
      "missingPublication",
    ]);
    expect(
      missingFor(7, { ...empty, agreementCount: 2, documentRevision: 3, versionCount: 1 }),
    ).toEqual([]);
  });
});
