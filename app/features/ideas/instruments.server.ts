import { Prisma } from "../../generated/prisma/client";
import { recordAuditEvent } from "../../shared/audit.server";
import { db } from "../../shared/db.server";
import type { InstrumentInput } from "./ideas.schema";
import { isUuid } from "../../shared/uuid";

// The register of a gemeente's policy instruments (block 6): plans, programmes, subsidies,
// agreements with housing corporations and budget lines that an idea can fit into.

export async function instrumentsOf(gemeenteCode: string) {
  return db().policyInstrument.findMany({
    where: { gemeenteCode },
    orderBy: [{ kind: "asc" }, { title: "asc" }],
  });
}

export async function instrumentOf(gemeenteCode: string, instrumentId: string) {
  if (!isUuid(instrumentId)) return null;
  return db().policyInstrument.findFirst({ where: { id: instrumentId, gemeenteCode } });
}

export type InstrumentOutcome = { ok: true; id: string } | { ok: false; error: "instrumentExists" };

/** Adds an instrument, or changes one when `instrumentId` is given. Titles are unique per gemeente. */
export async function saveInstrument(
  actorId: string,
  gemeenteCode: string,
  input: InstrumentInput,
  instrumentId?: string,
): Promise<InstrumentOutcome | null> {
  try {
    return await db().$transaction(async (tx) => {
      let id: string;
      if (instrumentId) {
        const changed = await tx.policyInstrument.updateMany({
          where: { id: instrumentId, gemeenteCode },
          data: input,
        });
        if (changed.count === 0) return null;
        id = instrumentId;
      } else {
        id = (
          await tx.policyInstrument.create({
            data: { ...input, gemeenteCode, createdById: actorId },
          })
        ).id;
      }
      await recordAuditEvent(tx, {
        actorId,
        action: instrumentId ? "instrument.changed" : "instrument.added",
        subjectType: "gemeente",
        subjectId: gemeenteCode,
        details: { instrumentId: id },
      });
      return { ok: true, id } as const;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, error: "instrumentExists" };
    }
    throw error;
  }
}

/**
 * The instruments Heemstede's own documents name (issue 6), so judgements can link to them from
 * the start. Period and kind as the titles give them; department and link are left for the
 * gemeente to fill in rather than guessed. Idempotent: an existing title is left as it is.
 */
const HEEMSTEDE_INSTRUMENTS: Omit<InstrumentInput, "department" | "url">[] = [
  {
    title: "Beleidsplan Sociaal Domein 2020-2023",
    kind: "policy_plan",
    startYear: 2020,
    endYear: 2023,
    description: "Het beleidsplan voor zorg, welzijn, jeugd en werk en inkomen.",
  },
  {
    title: "GALA 2023-2026: Samen werken aan een gezond en actief Heemstede",
    kind: "programme",
    startYear: 2023,
    endYear: 2026,
    description: "De lokale uitwerking van het Gezond en Actief Leven Akkoord.",
  },
  {
    title: "Meerjarige budgetsubsidie WIJ Heemstede",
    kind: "subsidy",
    startYear: null,
    endYear: null,
    description: "De subsidie voor het welzijnswerk van WIJ Heemstede.",
  },
  {
    title: "Prestatieafspraken met de woningcorporaties",
    kind: "corporation_agreement",
    startYear: null,
    endYear: null,
    description: "De afspraken tussen de gemeente, de woningcorporaties en de huurders.",
  },
];

export async function seedHeemstedeInstruments(): Promise<number> {
  if ((await db().gemeente.count({ where: { code: "GM0397" } })) === 0) return 0;
  const created = await db().policyInstrument.createMany({
    data: HEEMSTEDE_INSTRUMENTS.map((instrument) => ({ ...instrument, gemeenteCode: "GM0397" })),
    skipDuplicates: true,
  });
  return created.count;
}
