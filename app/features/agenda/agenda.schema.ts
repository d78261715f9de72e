import { z } from "zod";
import { emailField } from "../auth/auth.schema";
import { buurtCode } from "../territory/territory.schema";
import { MAX_BUDGET_EUROS, parseEuros } from "./money";
import { isoDate, text } from "../../shared/validation";

// Error messages are keys into agenda.messages.ts.

export const startAgendaSchema = z
  .object({
    title: text(150, "titleRequired"),
    publicDescription: text(1000, "descriptionRequired"),
    startsOn: isoDate("startRequired"),
    endsOn: isoDate("endRequired"),
    buurtCodes: z
      .array(buurtCode, { error: "buurtenRequired" })
      .min(1, { error: "buurtenRequired" })
      .max(200),
  })
  .refine((v) => v.endsOn >= v.startsOn, { error: "endBeforeStart", path: ["endsOn"] });
export type StartAgendaInput = z.infer<typeof startAgendaSchema>;

export const statementSchema = z.object({ statement: text(5000) });

export const TRIGGER_KINDS = [
  "focus_area",
  "policy_plan",
  "professional_signals",
  "incident",
  "other",
] as const;
export const triggerSchema = z.object({
  kind: z.enum(TRIGGER_KINDS, { error: "triggerKindRequired" }),
  note: text(1000, "triggerNoteRequired"),
  link: z
    .url({ protocol: /^https?$/, error: "linkInvalid" })
    .max(500, { error: "tooLong" })
    .optional(),
});

export const SUPPORT_GROUPS = ["civil_service", "politics", "organisations", "residents"] as const;
export const SUPPORT_LEVELS = ["insufficient", "doubtful", "sufficient", "strong"] as const;
export const supportSchema = z.object({
  group: z.enum(SUPPORT_GROUPS),
  level: z.enum(SUPPORT_LEVELS, { error: "levelRequired" }),
  note: text(1000),
});

const optionalWholeNumber = (max: number, invalidKey: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      if (!/^\d+$/.test(value) || Number(value) > max) {
        ctx.addIssue({ code: "custom", message: invalidKey });
        return z.NEVER;
      }
      return Number(value);
    });

/**
 * An optional amount in whole euros as people type it ("50.000", "€ 1.250,00"); null when empty.
 * Block 1's budget and block 6's cost estimates; the keys name each feature's messages.
 */
export const optionalEuros = (keys: { invalid: string; negative: string; tooHigh: string }) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const euros = parseEuros(value);
      if (euros === null) {
        ctx.addIssue({ code: "custom", message: keys.invalid });
        return z.NEVER;
      }
      if (euros < 0) {
        ctx.addIssue({ code: "custom", message: keys.negative });
        return z.NEVER;
      }
      if (euros > MAX_BUDGET_EUROS) {
        ctx.addIssue({ code: "custom", message: keys.tooHigh });
        return z.NEVER;
      }
      return euros;
    });

export const preconditionsSchema = z.object({
  budget: optionalEuros({
    invalid: "budgetInvalid",
    negative: "budgetNegative",
    tooHigh: "budgetTooHigh",
  }),
  budgetSource: text(300),
  legalLimits: text(2000),
  technicalLimits: text(2000),
  notOpenForDiscussion: text(2000),
  capacityHoursPerMonth: optionalWholeNumber(10_000, "hoursInvalid"),
});

export const DECISIONS = ["continue", "continue_on_themes", "stop"] as const;
export const decisionSchema = z
  .object({
    decision: z.enum(DECISIONS, { error: "decisionRequired" }),
    decisionThemes: text(500),
    decisionNote: text(2000),
  })
  .refine((v) => v.decision !== "continue_on_themes" || v.decisionThemes.length > 0, {
    error: "themesRequired",
    path: ["decisionThemes"],
  });

export const BLOCK_STATUSES = ["not_started", "in_progress", "done"] as const;
export const blockStatusSchema = z.object({
  block: z.coerce.number().int().min(1).max(7),
  status: z.enum(BLOCK_STATUSES),
});
export const blockOwnerSchema = z.object({
  block: z.coerce.number().int().min(1).max(7),
  ownerId: z.uuid().optional(),
});

// Block 3

export const ORGANISATION_KINDS = [
  "housing_corporation",
  "police",
  "welfare",
  "school",
  "care",
  "gp",
  "business",
  "residents_association",
  "owners_association",
  "neighbourhood_platform",
  "council",
  "municipality",
] as const;
export const PARTICIPATION_ROLES = ["decides", "co_creates", "advises", "informed"] as const;

export const organisationSchema = z.object({
  name: text(200, "nameRequired"),
  kind: z.enum(ORGANISATION_KINDS, { error: "kindRequired" }),
  contactName: text(200),
  contactEmail: emailField.optional(),
  contactPhone: text(40),
});

export const organisationDetailsSchema = organisationSchema.extend({
  website: z
    .url({ protocol: /^https?$/, error: "linkInvalid" })
    .max(500, { error: "tooLong" })
    .optional(),
});

export const partySchema = z.object({
  organisationId: z.uuid({ error: "organisationRequired" }),
  participationRole: z.enum(PARTICIPATION_ROLES, { error: "participationRoleRequired" }),
  commitment: text(2000),
});

export const INVITATION_STATUSES = ["not_invited", "invited", "accepted", "declined"] as const;
export const partyUpdateSchema = z.object({
  partyId: z.uuid(),
  participationRole: z.enum(PARTICIPATION_ROLES, { error: "participationRoleRequired" }),
  invitationStatus: z.enum(INVITATION_STATUSES),
  commitment: text(2000),
});

export const INVITABLE_ROLES = ["buurtplatform", "partner", "gemeente", "adviesraad"] as const;
export const invitationSchema = z.object({
  email: emailField,
  role: z.enum(INVITABLE_ROLES, { error: "inviteRoleRequired" }),
  partyId: z.uuid().optional(),
});

const coordinate = (min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const number = Number(value.replace(",", "."));
      if (!Number.isFinite(number) || number < min || number > max) {
        ctx.addIssue({ code: "custom", message: "coordinateInvalid" });
        return z.NEVER;
      }
      return number;
    });

export const initiativeSchema = z
  .object({
    title: text(200, "initiativeTitleRequired"),
    organiser: text(200, "organiserRequired"),
    place: text(200),
    contact: text(200),
    description: text(2000),
    since: z
      .string()
      .trim()
      .optional()
      .refine((value) => !value || /^\d{4}-(0[1-9]|1[0-2])$/.test(value), {
        error: "sinceInvalid",
      }),
    lon: coordinate(-180, 180),
    lat: coordinate(-90, 90),
  })
  .refine((v) => (v.lon === null) === (v.lat === null), {
    error: "coordinateInvalid",
    path: ["lat"],
  });
export type InitiativeInput = z.infer<typeof initiativeSchema>;
