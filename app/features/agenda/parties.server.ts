import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { randomBytes } from "node:crypto";
import { recordAuditEvent } from "../../shared/audit.server";
import { db, type Db } from "../../shared/db.server";
import { sendEmail } from "../../shared/email/email.server";
import { translate, type Locale } from "../../shared/i18n/i18n";
import { hashSecret } from "../auth/session.server";
import { agendaMessages } from "./agenda.messages";
import { isUuid } from "../../shared/uuid";

// Block 3: the gemeente's register of organisations, the parties of one agenda, and invitations
// that give a person a role on the agenda.

const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

type OrganisationKind =
  | "housing_corporation"
  | "police"
  | "welfare"
  | "school"
  | "care"
  | "gp"
  | "business"
  | "residents_association"
  | "owners_association"
  | "neighbourhood_platform"
  | "council"
  | "municipality";
type ParticipationRole = "decides" | "co_creates" | "advises" | "informed";
type InvitableRole = "buurtplatform" | "partner" | "gemeente" | "adviesraad";

export async function getParties(agendaId: string, gemeenteCode: string) {
  const [parties, organisations, invitations] = await Promise.all([
    db().agendaParty.findMany({
      where: { agendaId },
      orderBy: { createdAt: "asc" },
      include: { organisation: { include: { contacts: true } } },
    }),
    db().organisation.findMany({
      where: { gemeenteCode },
      orderBy: { name: "asc" },
      include: { contacts: true },
    }),
    db().invitation.findMany({
      where: { agendaId },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        email: true,
        role: true,
        expiresAt: true,
        acceptedAt: true,
        partyId: true,
      },
    }),
  ]);
  return { parties, organisations, invitations };
}

/** The parties of an agenda by name and role: owners of agreements, signers of the agenda. */
export async function agendaPartyList(agendaId: string) {
  const parties = await db().agendaParty.findMany({
    where: { agendaId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      participationRole: true,
      organisationId: true,
      organisation: { select: { name: true } },
    },
  });
  return parties.map((p) => ({
    id: p.id,
    name: p.organisation.name,
    organisationId: p.organisationId,
    role: p.participationRole,
  }));
}

export async function createOrganisation(
  actorId: string,
  agendaId: string,
  gemeenteCode: string,
  input: {
    name: string;
    kind: OrganisationKind;
    contactName: string;
    contactEmail?: string;
    contactPhone: string;
  },
): Promise<{ status: "created"; id: string } | { status: "duplicate" }> {
  const existing = await db().organisation.findUnique({
    where: { gemeenteCode_name: { gemeenteCode, name: input.name } },
  });
  if (existing) return { status: "duplicate" };
  return db().$transaction(async (tx) => {
    const organisation = await tx.organisation.create({
      data: {
        gemeenteCode,
        name: input.name,
        kind: input.kind,
        contacts: input.contactName
          ? {
              create: {
                name: input.contactName,
                email: input.contactEmail || null,
                phone: input.contactPhone || null,
              },
            }
          : undefined,
      },
    });
    await recordAuditEvent(tx, {
      actorId,
      action: "organisation.registered",
      subjectType: "buurtagenda",
      subjectId: agendaId,
      details: { organisationId: organisation.id, name: input.name, kind: input.kind },
    });
    return { status: "created" as const, id: organisation.id };
  });
}

export async function addParty(
  actorId: string,
  agendaId: string,
  gemeenteCode: string,
  input: { organisationId: string; participationRole: ParticipationRole; commitment: string },
): Promise<"added" | "unknown-organisation" | "already-a-party"> {
  const organisation = await db().organisation.findFirst({
    where: { id: input.organisationId, gemeenteCode },
    include: { contacts: { take: 1 } },
  });
  if (!organisation) return "unknown-organisation";
  const existing = await db().agendaParty.findUnique({
    where: { agendaId_organisationId: { agendaId, organisationId: organisation.id } },
  });
  if (existing) return "already-a-party";
  await db().$transaction(async (tx) => {
    await tx.agendaParty.create({
      data: {
        agendaId,
        organisationId: organisation.id,
        contactPersonId: organisation.contacts[0]?.id ?? null,
        participationRole: input.participationRole,
        commitment: input.commitment,
      },
    });
    await recordAuditEvent(tx, {
      actorId,
      action: "party.added",
      subjectType: "buurtagenda",
      subjectId: agendaId,
      details: { organisation: organisation.name, participationRole: input.participationRole },
    });
  });
  return "added";
}

/** Role, commitment and invitation status of a party, e.g. after agreeing by phone. */
export async function updateParty(
  actorId: string,
  agendaId: string,
  input: {
    partyId: string;
    participationRole: ParticipationRole;
    invitationStatus: "not_invited" | "invited" | "accepted" | "declined";
    commitment: string;
  },
): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const party = await tx.agendaParty.findFirst({
      where: { id: input.partyId, agendaId },
      include: { organisation: { select: { name: true } } },
    });
    if (!party) return false;
    await tx.agendaParty.update({
      where: { id: party.id },
      data: {
        participationRole: input.participationRole,
        invitationStatus: input.invitationStatus,
        commitment: input.commitment,
      },
    });
    await recordAuditEvent(tx, {
      actorId,
      action: "party.updated",
      subjectType: "buurtagenda",
      subjectId: agendaId,
      details: {
        organisation: party.organisation.name,
        participationRole: input.participationRole,
        invitationStatus: input.invitationStatus,
      },
    });
    return true;
  });
}

/** Removes a party; refused while it owns agreements (they need an owner: change them first). */
export async function removeParty(
  actorId: string,
  agendaId: string,
  partyId: string,
): Promise<"removed" | "owns-agreements" | "unknown"> {
  if (!isUuid(partyId)) return "unknown";
  return db().$transaction(async (tx) => {
    const party = await tx.agendaParty.findFirst({
      where: { id: partyId, agendaId },
      include: {
        organisation: { select: { name: true } },
        _count: { select: { agreements: true } },
      },
    });
    if (!party) return "unknown" as const;
    if (party._count.agreements > 0) return "owns-agreements" as const;
    await tx.agendaParty.delete({ where: { id: party.id } });
    await recordAuditEvent(tx, {
      actorId,
      action: "party.removed",
      subjectType: "buurtagenda",
      subjectId: agendaId,
      details: { organisation: party.organisation.name },
    });
    return "removed" as const;
  });
}

/** Mails a link that grants `role` on this agenda; it works once and for 14 days. */
export async function invite(
  actorId: string,
  agendaId: string,
  input: { email: string; role: InvitableRole; partyId?: string },
  ctx: { origin: string; locale: Locale },
): Promise<"sent" | "unknown-party"> {
  if (input.partyId) {
    const party = await db().agendaParty.findFirst({ where: { id: input.partyId, agendaId } });
    if (!party) return "unknown-party";
  }
  const agenda = await db().buurtagenda.findUniqueOrThrow({
    where: { id: agendaId },
    select: { title: true },
  });
  const id = encodeBase32LowerCaseNoPadding(randomBytes(15));
  const secret = encodeBase32LowerCaseNoPadding(randomBytes(20));
  await db().$transaction(async (tx) => {
    await tx.invitation.create({
      data: {
        id,
        secretHash: hashSecret(secret),
        agendaId,
        partyId: input.partyId ?? null,
        email: input.email,
        role: input.role,
        invitedById: actorId,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      },
    });
    if (input.partyId) {
      await tx.agendaParty.update({
        where: { id: input.partyId },
        data: { invitationStatus: "invited" },
      });
    }
    await recordAuditEvent(tx, {
      actorId,
      action: "invitation.sent",
      subjectType: "buurtagenda",
      subjectId: agendaId,
      details: { role: input.role },
    });
  });
  await sendEmail({
    to: input.email,
    subject: translate(agendaMessages, ctx.locale, "inviteMailSubject", { title: agenda.title }),
    text: translate(agendaMessages, ctx.locale, "inviteMailBody", {
      title: agenda.title,
      role: translate(agendaMessages, ctx.locale, `invitableRole_${input.role}`),
      url: `${ctx.origin}/uitnodiging/${id}.${secret}`,
    }),
  });
  return "sent";
}

async function findOpenInvitation(token: string) {
  const [id, secret, ...rest] = token.split(".");
  if (!id || !secret || rest.length || id.length > 64 || secret.length > 64) return null;
  const invitation = await db().invitation.findUnique({
    where: { id },
    include: { agenda: { select: { id: true, title: true } } },
  });
  if (!invitation || invitation.acceptedAt || invitation.expiresAt.getTime() < Date.now())
    return null;
  if (!constantTimeEqual(hashSecret(secret), new Uint8Array(invitation.secretHash))) return null;
  return invitation;
}

export async function getOpenInvitation(token: string) {
  const invitation = await findOpenInvitation(token);
  return invitation
    ? {
        email: invitation.email,
        role: invitation.role,
        agendaId: invitation.agenda.id,
        title: invitation.agenda.title,
      }
    : null;
}

/**
 * Accepting gives the signed-in person the invited role on this agenda. Only the invited address
 * may accept, so a forwarded link grants nothing.
 */
export async function acceptInvitation(
  token: string,
  user: { id: string; email: string },
): Promise<
  | { status: "accepted"; agendaId: string }
  | { status: "invalid" }
  | { status: "other-email"; email: string }
> {
  const invitation = await findOpenInvitation(token);
  if (!invitation) return { status: "invalid" };
  if (invitation.email.toLowerCase() !== user.email.toLowerCase()) {
    return { status: "other-email", email: invitation.email };
  }
  return db().$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: new Date(), acceptedById: user.id },
    });
    if (count !== 1) return { status: "invalid" as const };
    const assignment = {
      userId: user.id,
      role: invitation.role,
      scopeType: "buurtagenda" as const,
      scopeId: invitation.agendaId,
    };
    await tx.roleAssignment.upsert({
      where: { userId_role_scopeType_scopeId: assignment },
      create: { ...assignment, grantedById: invitation.invitedById },
      update: {},
    });
    if (invitation.partyId) {
      const party = await tx.agendaParty.update({
        where: { id: invitation.partyId },
        data: { invitationStatus: "accepted" },
      });
      // Whoever accepts on behalf of a party acts for its organisation from now on.
      await tx.organisationMember.upsert({
        where: { userId_organisationId: { userId: user.id, organisationId: party.organisationId } },
        create: { userId: user.id, organisationId: party.organisationId },
        update: {},
      });
    }
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "invitation.accepted",
      subjectType: "buurtagenda",
      subjectId: invitation.agendaId,
      details: { role: invitation.role },
    });
    await recordAuditEvent(tx, {
      actorId: invitation.invitedById,
      action: "role.assigned",
      subjectType: "user",
      subjectId: user.id,
      details: {
        role: invitation.role,
        scopeType: "buurtagenda",
        scopeId: invitation.agendaId,
        via: "invitation",
      },
    });
    return { status: "accepted" as const, agendaId: invitation.agendaId };
  });
}

export async function getOrganisation(organisationId: string) {
  if (!isUuid(organisationId)) return null;
  return db().organisation.findUnique({
    where: { id: organisationId },
    include: { contacts: { orderBy: { name: "asc" }, take: 1 } },
  });
}

/** Name, kind, website and the main contact person of an organisation in the register. */
export async function updateOrganisation(
  actorId: string,
  organisationId: string,
  input: {
    name: string;
    kind: OrganisationKind;
    website?: string;
    contactName: string;
    contactEmail?: string;
    contactPhone: string;
  },
): Promise<"saved" | "duplicate"> {
  const organisation = await db().organisation.findUniqueOrThrow({
    where: { id: organisationId },
    include: { contacts: { orderBy: { name: "asc" }, take: 1 } },
  });
  const clash = await db().organisation.findFirst({
    where: {
      gemeenteCode: organisation.gemeenteCode,
      name: input.name,
      NOT: { id: organisationId },
    },
  });
  if (clash) return "duplicate";
  await db().$transaction(async (tx) => {
    await tx.organisation.update({
      where: { id: organisationId },
      data: { name: input.name, kind: input.kind, website: input.website || null },
    });
    const contact = {
      name: input.contactName,
      email: input.contactEmail || null,
      phone: input.contactPhone || null,
    };
    const current = organisation.contacts[0];
    if (current && input.contactName)
      await tx.contactPerson.update({ where: { id: current.id }, data: contact });
    else if (current) await tx.contactPerson.delete({ where: { id: current.id } });
    else if (input.contactName)
      await tx.contactPerson.create({ data: { organisationId, ...contact } });
    await recordAuditEvent(tx, {
      actorId,
      action: "organisation.updated",
      subjectType: "organisation",
      subjectId: organisationId,
      details: { name: input.name, kind: input.kind },
    });
  });
  return "saved";
}

// ─── Privacy (docs/decisions/0013-privacy-export-and-deletion.md) ───────────

/**
 * What block 3 holds about one person, for their download: the organisations they act for and
 * the invitations sent to their address (not who sent them, and never the link's secret).
 */
export async function personalPartyData(person: { id: string; email: string }) {
  const [memberships, invitations] = await Promise.all([
    db().organisationMember.findMany({
      where: { userId: person.id },
      orderBy: { createdAt: "asc" },
      select: {
        createdAt: true,
        organisation: { select: { id: true, name: true, gemeenteCode: true } },
      },
    }),
    db().invitation.findMany({
      where: { email: { equals: person.email, mode: "insensitive" } },
      orderBy: { createdAt: "asc" },
      select: {
        role: true,
        createdAt: true,
        expiresAt: true,
        acceptedAt: true,
        agenda: { select: { id: true, title: true } },
      },
    }),
  ]);
  return {
    memberships: memberships.map((m) => ({
      organisationId: m.organisation.id,
      organisation: m.organisation.name,
      gemeenteCode: m.organisation.gemeenteCode,
      since: m.createdAt,
    })),
    invitations: invitations.map((i) => ({
      agendaId: i.agenda.id,
      agenda: i.agenda.title,
      role: i.role,
      sentAt: i.createdAt,
      expiresAt: i.expiresAt,
      acceptedAt: i.acceptedAt,
    })),
  };
}

/** Part of deleting an account, inside the caller's transaction. */
export async function removeMembershipsOf(tx: Db, userId: string): Promise<number> {
  const { count } = await tx.organisationMember.deleteMany({ where: { userId } });
  return count;
}
