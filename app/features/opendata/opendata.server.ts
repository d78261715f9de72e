import { href } from "react-router";
import { Prisma } from "../../generated/prisma/client";
import { db } from "../../shared/db.server";
import type { EmbedRecords } from "../document/document.server";
import { PUBLISHED_STORY } from "../stories/stories.server";
import type { AgendaRecord, AgreementRecord, StoryRecord } from "./opendata";

// The queries of the open-data datasets (docs/open-data.md). Read-only, like the council
// dashboard: it reads published rows of other features' tables and writes nothing, not even an
// audit event. Only what a public page shows: agendas with a published version, the agreements
// of their newest version, and stories published with the teller's consent. Never a teller, an
// author, an email address, a moderation note, a reaction or a report, and no rankings.
// Each function costs a fixed number of queries, whatever the page size.

export interface PageQuery {
  page: number;
  perPage: number;
  gemeenteCode?: string;
  /** One agenda only (the single-agenda file). */
  agendaId?: string;
}

export interface PageOf<T> {
  total: number;
  records: T[];
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const offsetOf = (q: PageQuery) => (q.page - 1) * q.perPage;
const agendaUrl = (origin: string, id: string) => `${origin}${href("/buurtagenda/:id", { id })}`;

/** The newest name of each gemeente (one query). */
async function gemeenteNames(codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db().gemeente.findMany({
    where: { code: { in: codes } },
    orderBy: [{ code: "asc" }, { year: "desc" }],
    distinct: ["code"],
    select: { code: true, name: true },
  });
  return new Map(rows.map((g) => [g.code, g.name]));
}

/** Buurtagenda's with at least one published version, oldest first. */
export async function openAgendas(q: PageQuery, origin: string): Promise<PageOf<AgendaRecord>> {
  const where: Prisma.BuurtagendaWhereInput = {
    versions: { some: {} },
    ...(q.gemeenteCode ? { gemeenteCode: q.gemeenteCode } : {}),
    ...(q.agendaId ? { id: q.agendaId } : {}),
  };
  const [total, agendas] = await Promise.all([
    db().buurtagenda.count({ where }),
    db().buurtagenda.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: offsetOf(q),
      take: q.perPage,
      select: {
        id: true,
        title: true,
        publicDescription: true,
        gemeenteCode: true,
        startsOn: true,
        endsOn: true,
        buurten: { orderBy: { buurtCode: "asc" }, select: { buurtCode: true } },
        // Number and date only: the frozen text and records are not needed here.
        versions: { orderBy: { number: "asc" }, select: { number: true, publishedAt: true } },
      },
    }),
  ]);
  const names = await gemeenteNames([...new Set(agendas.map((a) => a.gemeenteCode))]);
  return {
    total,
    records: agendas.map((a) => {
      const first = a.versions[0]!;
      const newest = a.versions[a.versions.length - 1]!;
      return {
        id: a.id,
        title: a.title,
        description: a.publicDescription,
        gemeente_code: a.gemeenteCode,
        gemeente_name: names.get(a.gemeenteCode) ?? "",
        buurt_codes: a.buurten.map((b) => b.buurtCode),
        starts_on: day(a.startsOn),
        ends_on: day(a.endsOn),
        version: newest.number,
        published_at: newest.publishedAt.toISOString(),
        first_published_at: first.publishedAt.toISOString(),
        url: agendaUrl(origin, a.id),
      };
    }),
  };
}

/**
 * The newest published version of each agenda in scope, with the agreements it embeds. A version
 * freezes exactly the agreements its text embeds (publish refuses anything else), so the keys of
 * `records.agreements` are the agreements the public page shows.
 */
function newestVersions(q: PageQuery): Prisma.Sql {
  return Prisma.sql`
    SELECT DISTINCT ON (v.agenda_id) v.agenda_id, v.number, b.gemeente_code,
      b.created_at AS agenda_created_at, v.records -> 'agreements' AS agreements
    FROM agenda_version v JOIN buurtagenda b ON b.id = v.agenda_id
    WHERE TRUE
      ${q.gemeenteCode ? Prisma.sql`AND b.gemeente_code = ${q.gemeenteCode}` : Prisma.empty}
      ${q.agendaId ? Prisma.sql`AND v.agenda_id = ${q.agendaId}::uuid` : Prisma.empty}
    ORDER BY v.agenda_id, v.number DESC`;
}

type Frozen = EmbedRecords["agreements"][string];

/**
 * The agreements in the newest published version of each agenda, as the public page shows them:
 * the live record (its status follows the owner's progress reports) with its progress updates,
 * or the record frozen in the version when the live one is gone. Ordered by agenda, then by
 * when the agreement was made.
 */
export async function openAgreements(
  q: PageQuery,
  origin: string,
): Promise<PageOf<AgreementRecord>> {
  const newest = newestVersions(q);
  const [counted, rows] = await Promise.all([
    db().$queryRaw<{ total: number }[]>`
      WITH newest AS (${newest})
      SELECT count(*)::int AS total
      FROM newest n CROSS JOIN LATERAL jsonb_object_keys(n.agreements) k`,
    db().$queryRaw<
      { id: string; agenda_id: string; number: number; gemeente_code: string; frozen: Frozen }[]
    >`
      WITH newest AS (${newest})
      SELECT e.key AS id, n.agenda_id::text AS agenda_id, n.number, n.gemeente_code,
        e.value AS frozen
      FROM newest n
      CROSS JOIN LATERAL jsonb_each(n.agreements) e
      LEFT JOIN agreement a ON a.id = e.key::uuid AND a.agenda_id = n.agenda_id
      ORDER BY n.agenda_created_at, n.agenda_id, a.created_at, e.key
      LIMIT ${q.perPage} OFFSET ${offsetOf(q)}`,
  ]);
  const live = rows.length
    ? await db().agreement.findMany({
        where: { id: { in: rows.map((r) => r.id) } },
        select: {
          id: true,
          agendaId: true,
          title: true,
          description: true,
          startsOn: true,
          dueOn: true,
          status: true,
          costEuros: true,
          budgetSource: true,
          // The organisation that owns it, never the person who acts for it.
          owner: { select: { organisation: { select: { name: true } } } },
          // Date, status, note and link: not who wrote it.
          updates: {
            orderBy: [{ happenedOn: "desc" }, { createdAt: "desc" }],
            select: { happenedOn: true, status: true, note: true, link: true },
          },
        },
      })
    : [];
  const liveById = new Map(live.map((a) => [a.id, a]));
  return {
    total: counted[0]?.total ?? 0,
    records: rows.map((row) => {
      const a = liveById.get(row.id);
      const base = {
        id: row.id,
        agenda_id: row.agenda_id,
        gemeente_code: row.gemeente_code,
        version: row.number,
        url: agendaUrl(origin, row.agenda_id),
      };
      if (!a || a.agendaId !== row.agenda_id) {
        return {
          ...base,
          title: row.frozen.title,
          description: row.frozen.description,
          owner: row.frozen.owner,
          starts_on: row.frozen.startsOn,
          due_on: row.frozen.dueOn,
          status: row.frozen.status,
          cost_euros: row.frozen.costEuros,
          budget_source: row.frozen.budgetSource,
          progress: [],
        };
      }
      return {
        ...base,
        title: a.title,
        description: a.description,
        owner: a.owner.organisation.name,
        starts_on: day(a.startsOn),
        due_on: day(a.dueOn),
        status: a.status,
        cost_euros: a.costEuros,
        budget_source: a.budgetSource,
        progress: a.updates.map((u) => ({
          date: day(u.happenedOn),
          status: u.status,
          note: u.note,
          link: u.link,
        })),
      };
    }),
  };
}

/**
 * Stories published with consent, oldest first; with `located`, only those with a place (the
 * GeoJSON). Selected field by field: the teller, their name (even when they chose to show it on
 * the site), the original text before an edit for anonymity and every moderation field stay out.
 */
export async function openStories(
  q: PageQuery & { located?: boolean },
): Promise<PageOf<StoryRecord>> {
  const where: Prisma.StoryWhereInput = {
    ...PUBLISHED_STORY,
    ...(q.gemeenteCode ? { gemeenteCode: q.gemeenteCode } : {}),
    ...(q.located ? { lon: { not: null }, lat: { not: null } } : {}),
  };
  const [total, stories] = await Promise.all([
    db().story.count({ where }),
    db().story.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: offsetOf(q),
      take: q.perPage,
      select: {
        id: true,
        gemeenteCode: true,
        buurtCode: true,
        title: true,
        text: true,
        channel: true,
        createdAt: true,
        moderatedAt: true,
        isDemo: true,
        lon: true,
        lat: true,
        themes: { orderBy: { themeKey: "asc" }, select: { themeKey: true } },
      },
    }),
  ]);
  return {
    total,
    records: stories.map((s) => ({
      id: s.id,
      gemeente_code: s.gemeenteCode,
      buurt_code: s.buurtCode,
      title: s.title,
      text: s.text,
      themes: s.themes.map((t) => t.themeKey),
      channel: s.channel,
      told_at: s.createdAt.toISOString(),
      // Approved by a moderator then; a story entered as already approved has no such moment.
      published_at: (s.moderatedAt ?? s.createdAt).toISOString(),
      is_demo: s.isDemo,
      lon: s.lon,
      lat: s.lat,
    })),
  };
}
