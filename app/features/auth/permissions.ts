// The one policy module (ARCHITECTURE.md §3). Every loader and action asks `can()`; hiding a
// button is never the check. Pure: the caller loads the actor's role assignments.

export const ROLES = [
  "bewoner",
  "buurtplatform",
  "gemeente",
  "partner",
  "adviesraad",
  "beheerder",
] as const;
export type Role = (typeof ROLES)[number];

export const SCOPE_TYPES = ["national", "gemeente", "wijk", "buurt", "buurtagenda"] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

export interface Assignment {
  role: Role;
  scopeType: ScopeType;
  /** "NL" for national, a GM/WK/BU code, or a buurtagenda id. */
  scopeId: string;
}

export interface Actor {
  id: string;
  assignments: Assignment[];
  /** Organisations this person acts for (organisation_member). */
  organisationIds?: string[];
}

/**
 * What an action is about, located in the CBS territory. Wijk and gemeente follow from the codes
 * themselves (BU03970000 lies in WK039700 and GM0397), so a resource names its smallest areas.
 */
export type Resource =
  | { kind: "gemeente"; gemeenteCode: string }
  | { kind: "wijk"; wijkCode: string }
  | { kind: "buurt"; buurtCode: string }
  | { kind: "buurtagenda"; agendaId: string; buurtCodes: string[] }
  | { kind: "organisation"; organisationId: string; gemeenteCode: string }
  /** The whole installation (e.g. importing national data): only national roles reach it. */
  | { kind: "installation" };

/**
 * Who may do what (DOMAIN.md §3). `signedIn` actions need only an account: every signed-in person
 * takes part as a resident, wherever they live or work. `public` needs nothing. `member` needs
 * the person to act for the organisation the action is about.
 */
export const POLICY = {
  "published.view": "public",
  "story.submit": "signedIn",
  "story.react": "signedIn",
  "agenda.follow": "signedIn",
  "idea.submit": "signedIn",
  /** Any account may vote; the budget round also checks the voter's buurt lies in the area. */
  "budget.vote": "signedIn",
  "story.record": ["buurtplatform", "gemeente", "partner"],
  "story.moderate": ["buurtplatform", "gemeente"],
  "idea.moderate": ["buurtplatform", "gemeente"],
  "party.manage": ["buurtplatform", "gemeente"],
  "agenda.draft": ["buurtplatform", "gemeente"],
  "block.advance": ["buurtplatform", "gemeente"],
  "urgency.edit": ["buurtplatform", "gemeente"],
  "initiative.manage": ["buurtplatform", "gemeente"],
  "unpublished.view": ["buurtplatform", "gemeente", "adviesraad"],
  "agenda.view": ["buurtplatform", "gemeente", "partner", "adviesraad"],
  "scan.view": ["buurtplatform", "gemeente", "adviesraad"],
  "signal.contribute": ["buurtplatform", "gemeente", "partner"],
  "preselection.review": ["buurtplatform", "gemeente", "partner"],
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
  /** Checking a count is for those who watch over it, not only the gemeente that counted. */
  "budget.recount": ["buurtplatform", "gemeente", "adviesraad"],
  "instrument.manage": ["gemeente"],
  "focusArea.designate": ["gemeente"],
  "dashboard.view": ["gemeente", "adviesraad"],
  "review.write": ["adviesraad"],
  "organisation.view": ["buurtplatform", "gemeente", "partner", "adviesraad"],
  "organisation.edit": ["buurtplatform", "gemeente"],
  "organisation.editOwn": "member",
  "agenda.signOff": "member",
  "agreement.progress": "member",
  "role.assign": ["beheerder"],
  "data.import": ["beheerder"],
} as const satisfies Record<string, "public" | "signedIn" | "member" | readonly Role[]>;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];

function gemeenteOf(code: string): string {
  return `GM${code.slice(2, 6)}`;
}

function wijkOf(buurtCode: string): string {
  return `WK${buurtCode.slice(2, 8)}`;
}

/** Whether an assignment's scope contains the resource. */
export function scopeCovers(assignment: Assignment, resource: Resource): boolean {
  const { scopeType, scopeId } = assignment;
  if (scopeType === "national") return true;
  switch (resource.kind) {
    case "gemeente":
      return scopeType === "gemeente" && scopeId === resource.gemeenteCode;
    case "wijk":
      return (
        (scopeType === "gemeente" && scopeId === gemeenteOf(resource.wijkCode)) ||
        (scopeType === "wijk" && scopeId === resource.wijkCode)
      );
    case "buurt":
      return (
        (scopeType === "gemeente" && scopeId === gemeenteOf(resource.buurtCode)) ||
        (scopeType === "wijk" && scopeId === wijkOf(resource.buurtCode)) ||
        (scopeType === "buurt" && scopeId === resource.buurtCode)
      );
    case "installation":
      return false;
    case "organisation":
      // The register is gemeente-wide: only a gemeente-wide role reaches it.
      return scopeType === "gemeente" && scopeId === resource.gemeenteCode;
    case "buurtagenda":
      // A buurtagenda lies in one gemeente; a wijk or buurt role reaches it when its area is
      // part of the agenda's area.
      return (
        (scopeType === "buurtagenda" && scopeId === resource.agendaId) ||
        (scopeType === "gemeente" && resource.buurtCodes.some((b) => gemeenteOf(b) === scopeId)) ||
        (scopeType === "wijk" && resource.buurtCodes.some((b) => wijkOf(b) === scopeId)) ||
        (scopeType === "buurt" && resource.buurtCodes.includes(scopeId))
      );
  }
}

export function can(actor: Actor | null, action: Action, resource: Resource): boolean {
  const rule: "public" | "signedIn" | "member" | readonly Role[] = POLICY[action];
  if (rule === "public") return true;
  if (!actor) return false;
  if (rule === "signedIn") return true;
  if (rule === "member") {
    return (
      resource.kind === "organisation" &&
      (actor.organisationIds ?? []).includes(resource.organisationId)
    );
  }
  return actor.assignments.some((a) => rule.includes(a.role) && scopeCovers(a, resource));
}
