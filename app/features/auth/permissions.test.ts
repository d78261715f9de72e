import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  ROLES,
  can,
  type Action,
  type Assignment,
  type Resource,
  type Role,
} from "./permissions";

// The full matrix: every role × every action × every scope type × resources inside and outside
// that scope. The expectations below are written out by hand from DOMAIN.md §3, independently of
// the policy table, so that any unexpected allow (or deny) fails.

const RESOURCES: Record<string, Resource> = {
  "gemeente Heemstede": { kind: "gemeente", gemeenteCode: "GM0397" },
  "gemeente Haarlem": { kind: "gemeente", gemeenteCode: "GM0392" },
  "wijk Heemstede 00": { kind: "wijk", wijkCode: "WK039700" },
  "wijk Heemstede 01": { kind: "wijk", wijkCode: "WK039701" },
  "wijk Haarlem 00": { kind: "wijk", wijkCode: "WK039200" },
  "buurt Centrum": { kind: "buurt", buurtCode: "BU03970000" },
  "buurt in same wijk": { kind: "buurt", buurtCode: "BU03970001" },
  "buurt in other wijk": { kind: "buurt", buurtCode: "BU03970100" },
  "buurt in Haarlem": { kind: "buurt", buurtCode: "BU03920000" },
  "agenda A (Centrum + other wijk)": {
    kind: "buurtagenda",
    agendaId: "A",
    buurtCodes: ["BU03970000", "BU03970100"],
  },
  "agenda B (same wijk, not Centrum)": {
    kind: "buurtagenda",
    agendaId: "B",
    buurtCodes: ["BU03970001"],
  },
  "agenda C (Haarlem)": { kind: "buurtagenda", agendaId: "C", buurtCodes: ["BU03920000"] },
  "organisation in Heemstede": {
    kind: "organisation",
    organisationId: "O1",
    gemeenteCode: "GM0397",
  },
  "organisation in Haarlem": { kind: "organisation", organisationId: "O2", gemeenteCode: "GM0392" },
  "the installation": { kind: "installation" },
};
type ResourceName = keyof typeof RESOURCES;
const ALL = Object.keys(RESOURCES) as ResourceName[];

const SCOPES: { scope: Omit<Assignment, "role">; covers: ResourceName[] }[] = [
  { scope: { scopeType: "national", scopeId: "NL" }, covers: ALL },
  {
    scope: { scopeType: "gemeente", scopeId: "GM0397" },
    covers: [
      "gemeente Heemstede",
      "wijk Heemstede 00",
      "wijk Heemstede 01",
      "buurt Centrum",
      "buurt in same wijk",
      "buurt in other wijk",
      "agenda A (Centrum + other wijk)",
      "agenda B (same wijk, not Centrum)",
      "organisation in Heemstede",
    ],
  },
  {
    scope: { scopeType: "wijk", scopeId: "WK039700" },
    covers: [
      "wijk Heemstede 00",
      "buurt Centrum",
      "buurt in same wijk",
      "agenda A (Centrum + other wijk)",
      "agenda B (same wijk, not Centrum)",
    ],
  },
  {
    scope: { scopeType: "buurt", scopeId: "BU03970000" },
    covers: ["buurt Centrum", "agenda A (Centrum + other wijk)"],
  },
  {
    scope: { scopeType: "buurtagenda", scopeId: "A" },
    covers: ["agenda A (Centrum + other wijk)"],
  },
];

const EVERYONE = "everyone";
const ANY_ACCOUNT = "any account";
const MEMBER = "members of the organisation";
const EXPECTED: Record<Action, typeof EVERYONE | typeof ANY_ACCOUNT | typeof MEMBER | Role[]> = {
  "published.view": EVERYONE,
  "story.submit": ANY_ACCOUNT,
  "story.react": ANY_ACCOUNT,
  "agenda.follow": ANY_ACCOUNT,
  "budget.vote": ANY_ACCOUNT,
  "idea.submit": ANY_ACCOUNT,
  "story.record": ["buurtplatform", "gemeente", "partner"],
  "story.moderate": ["buurtplatform", "gemeente"],
  "party.manage": ["buurtplatform", "gemeente"],
  "agenda.draft": ["buurtplatform", "gemeente"],
  "block.advance": ["buurtplatform", "gemeente"],
  "urgency.edit": ["buurtplatform", "gemeente"],
  "initiative.manage": ["buurtplatform", "gemeente"],
  "unpublished.view": ["buurtplatform", "gemeente", "adviesraad"],
  "agenda.view": ["buurtplatform", "gemeente", "partner", "adviesraad"],
  "scan.view": ["buurtplatform", "gemeente", "adviesraad"],
  "preselection.review": ["buurtplatform", "gemeente", "partner"],
  "signal.contribute": ["buurtplatform", "gemeente", "partner"],
  "agreement.report": ["gemeente", "partner"],
  "agenda.start": ["gemeente"],
  "agenda.edit": ["gemeente"],
  "agenda.publish": ["gemeente"],
  "preconditions.edit": ["gemeente"],
  "scan.manage": ["gemeente"],
  "idea.judge": ["gemeente"],
  "advice.answer": ["gemeente"],
  "evaluation.write": ["buurtplatform", "gemeente"],
  "practice.mark": ["buurtplatform", "gemeente"],
  "budget.manage": ["gemeente"],
  "budget.recount": ["buurtplatform", "gemeente", "adviesraad"],
  "instrument.manage": ["gemeente"],
  "idea.moderate": ["buurtplatform", "gemeente"],
  "focusArea.designate": ["gemeente"],
  "dashboard.view": ["gemeente", "adviesraad"],
  "review.write": ["adviesraad"],
  "organisation.view": ["buurtplatform", "gemeente", "partner", "adviesraad"],
  "organisation.edit": ["buurtplatform", "gemeente"],
  "organisation.editOwn": MEMBER,
  "agenda.signOff": MEMBER,
  "agreement.progress": MEMBER,
  "role.assign": ["beheerder"],
  "data.import": ["beheerder"],
};

describe("can(): the full permission matrix", () => {
  it("names every action of the policy in the expected matrix", () => {
    expect(ACTIONS.toSorted()).toEqual(Object.keys(EXPECTED).toSorted());
  });

  it("lets someone without an account do only public actions", () => {
    for (const action of ACTIONS) {
      for (const name of ALL) {
        expect(can(null, action, RESOURCES[name]!), `${action} on ${name}`).toBe(
          EXPECTED[action] === EVERYONE,
        );
      }
    }
  });

  it("lets an account without roles do public and resident actions only", () => {
    const actor = { id: "u", assignments: [] };
    for (const action of ACTIONS) {
      for (const name of ALL) {
        const expected = EXPECTED[action] === EVERYONE || EXPECTED[action] === ANY_ACCOUNT;
        expect(can(actor, action, RESOURCES[name]!), `${action} on ${name}`).toBe(expected);
      }
    }
  });

  const cases = ROLES.flatMap((role) =>
    SCOPES.map(({ scope, covers }) => ({ role, scope, covers })),
  );
  it.each(cases)("$role scoped to $scope.scopeType $scope.scopeId", ({ role, scope, covers }) => {
    const actor = { id: "u", assignments: [{ role, ...scope }] };
    let checked = 0;
    for (const action of ACTIONS) {
      const rule = EXPECTED[action];
      for (const name of ALL) {
        const expected =
          rule === EVERYONE ||
          rule === ANY_ACCOUNT ||
          (rule.includes(role) && covers.includes(name));
        expect(can(actor, action, RESOURCES[name]!), `${role}: ${action} on ${name}`).toBe(
          expected,
        );
        checked++;
      }
    }
    expect(checked).toBe(ACTIONS.length * ALL.length);
  });

  it("lets a member edit their own organisation only, whatever their roles", () => {
    const member = { id: "u", assignments: [], organisationIds: ["O1"] };
    for (const name of ALL) {
      expect(can(member, "organisation.editOwn", RESOURCES[name]!), name).toBe(
        name === "organisation in Heemstede",
      );
      expect(can(member, "organisation.edit", RESOURCES[name]!), name).toBe(false);
      expect(can(member, "organisation.view", RESOURCES[name]!), name).toBe(false);
    }
  });

  it("combines assignments: a role in one gemeente gives nothing in another", () => {
    const actor = {
      id: "u",
      assignments: [
        { role: "gemeente" as const, scopeType: "gemeente" as const, scopeId: "GM0397" },
        { role: "adviesraad" as const, scopeType: "gemeente" as const, scopeId: "GM0392" },
      ],
    };
    expect(can(actor, "agenda.start", RESOURCES["gemeente Heemstede"]!)).toBe(true);
    expect(can(actor, "agenda.start", RESOURCES["gemeente Haarlem"]!)).toBe(false);
    expect(can(actor, "review.write", RESOURCES["agenda C (Haarlem)"]!)).toBe(true);
    expect(can(actor, "review.write", RESOURCES["agenda A (Centrum + other wijk)"]!)).toBe(false);
  });
});
