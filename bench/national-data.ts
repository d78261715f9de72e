// The national data set of issue 10 and ARCHITECTURE.md §7, for the HTTP benchmarks: the real
// demo territory, accounts and demo content (seedDatabase), then with SQL generate_series and a
// fixed random seed (setseed, so two runs generate the same rows): synthetic gemeenten up to ≈340
// gemeenten, ≈3,400 wijken and ≈14,400 buurten with indicator values, 300 buurtagenda's in
// Heemstede (the council dashboard's gemeente) with their blocks, parties, 20,000 ideas, 5,000
// agreements with progress updates and the council's advice, and 100,000 stories over the
// country, many in the demo buurtagenda's two buurten.
//
// `npm run bench:data` generates it into .data/bench-national and keeps it there; the benchmarks
// (npm run bench, bench:stories, bench:dashboard) use it when it is there and of this generator's
// version, and generate it first when not. BENCH_REGENERATE=1 throws it away and starts again.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { DEMO_AGENDA_TITLE } from "../app/features/agenda/demo-agenda.server";
import { db, disconnectDb } from "../app/shared/db.server";
import { HttpBench, fmt, seconds, sqlArray } from "./support";

/** Bump when the generator changes, so a kept data set is generated again. */
const DATASET_VERSION = 1;
export const NATIONAL_DATA = "bench-national";

export const GLIPPER_DREEF = "BU03970101";
export const DE_GLIP = "BU03970100";
export const PLATFORM_EMAIL = "buurtplatform@demo.buurtagenda.nl";
export const GEMEENTE_EMAIL = "gemeente@demo.buurtagenda.nl";
export const ADVIESRAAD_EMAIL = "adviesraad@demo.buurtagenda.nl";
export const RESIDENT_EMAIL = "bewoner@demo.buurtagenda.nl";
/** The gemeente of the council dashboard, with 300 buurtagenda's. */
export const GEMEENTE = "GM0397";

const SYNTHETIC_GEMEENTEN = 339; // + the 3 real ones ≈ 342 gemeenten
const SYNTHETIC_WIJKEN_PER_GEMEENTE = 10; // ≈ 3,400 wijken
const SYNTHETIC_BUURTEN_PER_GEMEENTE = 42; // 339 × 42 + 162 real ≈ 14,400 buurten
const AGENDAS = 300;
const AGREEMENTS = 5_000;
const IDEAS = 20_000;
const DASHBOARD_STORIES = 5_000; // in Heemstede's buurten, for the dashboard's counts
const STORIES_NATIONWIDE = 100_000 - DASHBOARD_STORIES;
const ADVICE = 900;
const AGENDA_AUDIT_EVENTS = 9_000;
const OTHER_AUDIT_EVENTS = 30_000;
const PARTIES_PER_AGENDA = 3;

export interface NationalDataset {
  version: number;
  generatedAt: string;
  generatedSeconds: number;
  /** The demo buurtagenda (De Glip and Glipper Dreef): published version 1, many stories. */
  agendaId: string;
  counts: Record<string, number>;
}

/**
 * The national data set in `bench`'s cluster, running with pg_stat_statements: the kept one when
 * it is complete and of this version, otherwise generated now (and kept).
 */
export async function openNationalDataset(bench: HttpBench): Promise<NationalDataset> {
  const marker = path.join(bench.dataDir, "dataset.json");
  const kept = readDataset(marker);
  if (kept && !process.env.BENCH_REGENERATE) {
    await bench.startCluster();
    console.log(
      `Using the national data set in ${path.relative(process.cwd(), bench.dataDir)} (generated ${kept.generatedAt} in ${kept.generatedSeconds} s; BENCH_REGENERATE=1 makes a new one).`,
    );
  } else {
    await rm(bench.dataDir, { recursive: true, force: true });
    const dataset = await generateNationalDataset(bench);
    writeFileSync(marker, JSON.stringify(dataset, null, 2));
  }
  const dataset = readDataset(marker)!;
  printCounts(dataset);
  await bench.enableStatStatements();
  return dataset;
}

function readDataset(marker: string): NationalDataset | null {
  if (!existsSync(marker)) return null;
  try {
    const dataset = JSON.parse(readFileSync(marker, "utf8")) as NationalDataset;
    return dataset.version === DATASET_VERSION ? dataset : null;
  } catch {
    return null;
  }
}

async function generateNationalDataset(bench: HttpBench): Promise<NationalDataset> {
  await bench.startDatabase({ demoContent: true });
  const userId = async (email: string) =>
    (await db().user.findUniqueOrThrow({ where: { email } })).id;
  const gemeenteUser = await userId(GEMEENTE_EMAIL);
  const platformUser = await userId(PLATFORM_EMAIL);
  const adviesraadUser = await userId(ADVIESRAAD_EMAIL);
  const year = (await db().buurt.findFirstOrThrow({ where: { code: GLIPPER_DREEF } })).year;
  const agendaId = (
    await db().buurtagenda.findFirstOrThrow({ where: { title: DEMO_AGENDA_TITLE } })
  ).id;
  await disconnectDb();

  const sql = bench.client(process.env.DATABASE_URL!);
  await sql.connect();
  const t0 = performance.now();
  const step = async (what: string, work: () => Promise<void>) => {
    const t = performance.now();
    await work();
    console.log(`  generated ${what} in ${seconds(t)} s`);
  };
  await step("the territory", () => generateTerritory(sql, year));
  await step("indicator values", () => generateIndicatorValues(sql));
  await step("the stories", () => generateStories(sql, { year, agendaId, platformUser }));
  await step("300 buurtagenda's", () =>
    generateDashboardData(sql, { year, gemeenteUser, adviesraadUser }),
  );
  await step("progress on the agreements", () => generateAgreementProgress(sql, gemeenteUser));
  await step("VACUUM ANALYZE", async () => void (await sql.query("VACUUM ANALYZE")));
  const generatedSeconds = Number(seconds(t0));
  const counts = (
    await sql.query<Record<string, number>>(`
      SELECT (SELECT count(*) FROM gemeente)::int AS gemeenten,
             (SELECT count(*) FROM wijk)::int AS wijken,
             (SELECT count(*) FROM buurt)::int AS buurten,
             (SELECT count(*) FROM indicator_value)::int AS indicator_values,
             (SELECT count(*) FROM buurtagenda)::int AS buurtagendas,
             (SELECT count(*) FROM story)::int AS stories,
             (SELECT count(*) FROM story WHERE status = 'published')::int AS published,
             (SELECT count(*) FROM story WHERE status = 'submitted')::int AS submitted,
             (SELECT count(*) FROM story_reaction)::int AS reactions,
             (SELECT count(*) FROM idea)::int AS ideas,
             (SELECT count(*) FROM agreement)::int AS agreements,
             (SELECT count(*) FROM agreement_update)::int AS agreement_updates,
             (SELECT count(*) FROM council_advice)::int AS advice,
             (SELECT count(*) FROM story WHERE buurt_code IN ('${DE_GLIP}', '${GLIPPER_DREEF}'))::int AS agenda_stories,
             (SELECT count(*) FROM story WHERE buurt_code IN ('${DE_GLIP}', '${GLIPPER_DREEF}') AND status = 'published' AND lon IS NOT NULL)::int AS agenda_pins,
             (SELECT count(*) FROM story WHERE buurt_code LIKE 'BU039701%' AND status = 'submitted')::int AS queue_submitted`)
  ).rows[0]!;
  await sql.end();
  return {
    version: DATASET_VERSION,
    generatedAt: new Date().toISOString(),
    generatedSeconds,
    agendaId,
    counts,
  };
}

function printCounts({ counts: c }: NationalDataset) {
  console.log(
    `National data set: ${fmt(c.gemeenten!)} gemeenten, ${fmt(c.wijken!)} wijken, ${fmt(c.buurten!)} buurten, ${fmt(c.indicator_values!)} indicator values; ` +
      `${fmt(c.buurtagendas!)} buurtagenda's, ${fmt(c.stories!)} stories (${fmt(c.published!)} published, ${fmt(c.submitted!)} waiting) with ${fmt(c.reactions!)} "herkenbaar", ` +
      `${fmt(c.ideas!)} ideas, ${fmt(c.agreements!)} agreements with ${fmt(c.agreement_updates!)} progress updates, ${fmt(c.advice!)} council notes and advice. ` +
      `The demo buurtagenda's 2 buurten: ${fmt(c.agenda_stories!)} stories, ${fmt(c.agenda_pins!)} published pins; the platform member's queue (wijk WK039701): ${fmt(c.queue_submitted!)} waiting.`,
  );
}

// ─── Data generation ──────────────────────────────────────────────────────────────────────────

const TITLES = [
  "Donker pad naar de bushalte",
  "Te hard rijden",
  "Geen plek om elkaar te zien",
  "Speeltuin",
  "Alleen thuis",
  "Zwerfvuil bij de containers",
  "Stoep niet te doen met rollator",
  "Hangjongeren bij het winkelcentrum",
  "Mooi initiatief",
  "Groen in de straat",
  "Fietsen op de stoep",
  "Geen huis te vinden",
  "Energierekening",
  "De buurtbus",
  "Ons plein",
  "Wat ik mis",
];

const SENTENCES = [
  "Het pad van de hoofdweg naar de bushalte is 's avonds heel donker.",
  "Ik loop er niet graag alleen, zeker niet in de winter.",
  "Op onze straat wordt vaak te hard gereden, ook als de school uitgaat.",
  "Sinds het buurthuis dicht is, zie ik mijn buren bijna niet meer.",
  "De speeltuin achter de flat is oud en de kinderen spelen nu op straat.",
  "Bij de containers ligt elke week weer afval naast de bakken.",
  "Met mijn rollator kom ik de stoep niet op, de randen zijn te hoog.",
  "'s Avonds hangen er jongeren bij het winkelcentrum en dat voelt onveilig.",
  "Een paar buren zijn samen een moestuin begonnen, dat is echt leuk.",
  "Er zijn bijna geen bomen in onze straat; in de zomer is het er heet.",
  "Fietsers rijden op de stoep omdat het fietspad kapot is.",
  "Mijn kinderen kunnen hier geen betaalbaar huis vinden.",
  "De energierekening is zo hoog dat we de verwarming laag zetten.",
  "Sinds de buurtbus niet meer rijdt, kom ik moeilijk bij de huisarts.",
  "Het plein is mooi opgeknapt, maar er staat geen bankje.",
  "Ik mis de bibliotheek, daar kwam ik iedere week.",
  "Onder het viaduct is het donker en er ligt vaak glas.",
  "De buren helpen elkaar, vooral sinds de storm van vorig jaar.",
  "Er is veel overlast van geparkeerde auto's op de stoep.",
  "Ik ben na mijn pensioen veel alleen en ken weinig mensen hier.",
  "De school zoekt vrijwilligers voor het voorleesuur.",
  "Het is lastig om werk te vinden als je de taal nog leert.",
  "In de flat is het vaak vochtig en er zit schimmel in de badkamer.",
  "De straatverlichting bij het park doet het al maanden niet.",
];

const ORGANISATIONS: [name: string, kind: string][] = [
  ["Woonstichting Kennemerland", "housing_corporation"],
  ["Politie Heemstede", "police"],
  ["Welzijn Heemstede", "welfare"],
  ["Basisschool De Glip", "school"],
  ["Thuiszorg Zuid-Kennemerland", "care"],
  ["Huisartsenpraktijk Het Manpad", "gp"],
  ["Winkeliersvereniging Binnenweg", "business"],
  ["Bewonersvereniging Glipper Dreef", "residents_association"],
  ["VvE Provinciënbuurt", "owners_association"],
  ["Buurtplatform Heemstede-Zuid", "neighbourhood_platform"],
  ["Adviesraad Sociaal Domein", "council"],
  ["Gemeente Heemstede", "municipality"],
];

const AGREEMENT_TITLES = [
  "Verlichting op het pad naar de bushalte",
  "Drempels bij de school",
  "Wekelijkse koffieochtend in het buurthuis",
  "Nieuwe speeltoestellen",
  "Bezoek aan alleenwonende ouderen",
  "Extra ophaalronde bij de containers",
  "Stoepranden verlagen",
  "Jongerenwerk op vrijdagavond",
  "Moestuin achter de flat",
  "Bomen in de straat",
  "Fietspad herstellen",
  "Energiecoach aan huis",
  "Buurtbus naar de huisarts",
  "Bankjes op het plein",
];

const IDEA_TITLES = [
  "Een bankje bij de bushalte",
  "Buurtbarbecue in de zomer",
  "Voorleesuur in de bibliotheek",
  "Geveltuintjes",
  "Taalcafé",
  "Klusdag voor ouderen",
  "Speelstraat op woensdag",
  "Repair café",
];

export async function generateTerritory(sql: pg.Client, year: number) {
  const box = "4, 52, 5, 53, 4.5, 52.5";
  await sql.query(`
    INSERT INTO gemeente (code, year, name, bbox_west, bbox_south, bbox_east, bbox_north, centroid_lon, centroid_lat)
    SELECT 'GM' || (5000 + g), ${year}, 'Gemeente ' || g, ${box}
    FROM generate_series(0, ${SYNTHETIC_GEMEENTEN - 1}) g`);
  await sql.query(`
    INSERT INTO wijk (code, year, name, gemeente_code, bbox_west, bbox_south, bbox_east, bbox_north, centroid_lon, centroid_lat)
    SELECT 'WK' || (5000 + g) || lpad(w::text, 2, '0'), ${year}, 'Wijk ' || w, 'GM' || (5000 + g), ${box}
    FROM generate_series(0, ${SYNTHETIC_GEMEENTEN - 1}) g, generate_series(0, ${SYNTHETIC_WIJKEN_PER_GEMEENTE - 1}) w`);
  // Each synthetic buurt a small square somewhere in the country, so pins fall inside its box.
  await sql.query(`
    INSERT INTO buurt (code, year, name, wijk_code, gemeente_code, bbox_west, bbox_south, bbox_east, bbox_north, centroid_lon, centroid_lat)
    SELECT 'BU' || (5000 + g) || lpad((b % ${SYNTHETIC_WIJKEN_PER_GEMEENTE})::text, 2, '0') || lpad(b::text, 2, '0'),
           ${year}, 'Buurt ' || g || '-' || b,
           'WK' || (5000 + g) || lpad((b % ${SYNTHETIC_WIJKEN_PER_GEMEENTE})::text, 2, '0'), 'GM' || (5000 + g),
           x, y, x + 0.01, y + 0.01, x + 0.005, y + 0.005
    FROM generate_series(0, ${SYNTHETIC_GEMEENTEN - 1}) g, generate_series(0, ${SYNTHETIC_BUURTEN_PER_GEMEENTE - 1}) b,
         LATERAL (SELECT 3.4 + (g % 20) * 0.18 + (b % 7) * 0.02 AS x, 50.8 + (g / 20) * 0.15 + (b / 7) * 0.02 AS y) xy`);
}

export async function generateStories(
  sql: pg.Client,
  { year, agendaId, platformUser }: { year: number; agendaId: string; platformUser: string },
) {
  await sql.query("SELECT setseed(0.42)");
  await sql.query(`
    CREATE TEMP TABLE plan (buurt_code text, gemeente_code text, west float8, south float8,
                            east float8, north float8, in_agenda boolean)`);
  // Stories per group of buurten; within a group, some buurten get many more than others.
  const groups: [where: string, count: number, skew: number][] = [
    [`code = '${GLIPPER_DREEF}'`, 4000, 1],
    [`code = '${DE_GLIP}'`, 3000, 1],
    [`code = 'BU03970102'`, 1000, 1],
    [`gemeente_code = 'GM0397' AND code NOT LIKE 'BU039701%'`, 2000, 1.5],
    [`gemeente_code IN ('GM0392', 'GM1883')`, 6000, 1.5],
    [`code LIKE 'BU5%'`, 0, 2],
  ];
  groups[groups.length - 1]![1] = STORIES_NATIONWIDE - groups.reduce((sum, g) => sum + g[1], 0);
  for (const [where, count, skew] of groups) {
    await sql.query(`
      CREATE TEMP TABLE pick AS
      SELECT (row_number() OVER (ORDER BY code) - 1)::int AS idx, code, gemeente_code,
             bbox_west, bbox_south, bbox_east, bbox_north
      FROM buurt WHERE year = ${year} AND ${where}`);
    await sql.query(`
      INSERT INTO plan
      SELECT p.code, p.gemeente_code, p.bbox_west, p.bbox_south, p.bbox_east, p.bbox_north,
             p.code IN ('${DE_GLIP}', '${GLIPPER_DREEF}')
      FROM (SELECT floor(power(random(), ${skew}) * (SELECT count(*) FROM pick))::int AS idx
            FROM generate_series(1, ${count})) r
      JOIN pick p USING (idx)`);
    await sql.query("DROP TABLE pick");
  }

  // One draw per story, so the text and its fingerprint agree.
  await sql.query(`
    CREATE TEMP TABLE draw AS
    SELECT p.*,
      random() AS r_status, random() AS r_channel, random() AS r_time, random() AS r_pin,
      random() AS r_name, random() AS r_consent,
      CASE WHEN random() < 0.7 THEN (${sqlArray(TITLES)})[1 + floor(random() * ${TITLES.length})::int] ELSE '' END AS title,
      (${sqlArray(SENTENCES)})[1 + floor(random() * ${SENTENCES.length})::int] || ' ' ||
      (${sqlArray(SENTENCES)})[1 + floor(random() * ${SENTENCES.length})::int] ||
      CASE WHEN random() < 0.5 THEN ' ' || (${sqlArray(SENTENCES)})[1 + floor(random() * ${SENTENCES.length})::int] ELSE '' END AS text,
      random() AS px, random() AS py
    FROM (SELECT *, row_number() OVER () AS n FROM plan) p`);
  await sql.query(`
    INSERT INTO story (id, gemeente_code, buurt_code, agenda_id, title, text, lon, lat, channel,
      teller_id, teller_name, show_name, consent_publish, consent_quote, recorded_by_id, status,
      rejection_reason, text_fingerprint, moderated_by_id, moderated_at, is_demo, created_at, updated_at)
    SELECT gen_random_uuid(), gemeente_code, buurt_code,
      CASE WHEN in_agenda AND channel IN ('walk', 'meeting') THEN '${agendaId}'::uuid END,
      title, text,
      CASE WHEN r_pin < 0.5 THEN west + px * (east - west) END,
      CASE WHEN r_pin < 0.5 THEN south + py * (north - south) END,
      channel::story_channel,
      CASE WHEN channel = 'online' THEN md5('teller' || (n % 25000))::uuid END,
      CASE WHEN r_name < 0.3 THEN (ARRAY['Fatima', 'Kees', 'Anna', 'Mohamed', 'Els', 'Joris'])[1 + (n % 6)::int] ELSE '' END,
      r_name < 0.3,
      status = 'published' OR r_consent < 0.9,
      r_consent < 0.7,
      CASE WHEN channel <> 'online' THEN '${platformUser}'::uuid END,
      status::story_status,
      CASE WHEN status = 'rejected' THEN (ARRAY['personal_data', 'offensive', 'not_about_area', 'advertising', 'duplicate', 'other'])[1 + (n % 6)::int]::rejection_reason END,
      encode(sha256(convert_to(lower(text), 'UTF8')), 'hex'),
      CASE WHEN status IN ('published', 'rejected') THEN '${platformUser}'::uuid END,
      CASE WHEN status IN ('published', 'rejected') THEN created_at + interval '1 day' END,
      false, created_at, created_at
    FROM (
      SELECT d.*,
        CASE WHEN r_status < 0.86 THEN 'published' WHEN r_status < 0.90 THEN 'submitted'
             WHEN r_status < 0.96 THEN 'rejected' ELSE 'withdrawn' END AS status,
        CASE WHEN r_channel < 0.6 THEN 'online' WHEN r_channel < 0.72 THEN 'interview'
             WHEN r_channel < 0.86 THEN 'walk' WHEN r_channel < 0.95 THEN 'meeting' ELSE 'survey' END AS channel,
        now() - CASE WHEN r_status >= 0.86 AND r_status < 0.90 THEN r_time * interval '45 days'
                     ELSE r_time * interval '730 days' END AS created_at
      FROM draw d) s`);
  await sql.query("DROP TABLE draw; DROP TABLE plan");

  // Themes: one to three per story.
  await sql.query(`
    WITH k AS (SELECT array_agg(key ORDER BY sort_order) AS keys, count(*)::int AS n FROM theme)
    INSERT INTO story_theme (story_id, theme_key)
    SELECT s.id, k.keys[1 + (abs(hashtext(s.id::text || t)) % k.n)]
    FROM story s, k, LATERAL (VALUES ('a'), ('b'), ('c')) v(t)
    WHERE t = 'a' OR (t = 'b' AND abs(hashtext(s.id::text)) % 2 = 0)
       OR (t = 'c' AND abs(hashtext(s.id::text)) % 7 = 0)
    ON CONFLICT DO NOTHING`);
  // "Herkenbaar" on about a third of the published stories, a few on some, many on a few.
  await sql.query(`
    INSERT INTO story_reaction (story_id, user_id, created_at)
    SELECT s.id, md5('resident' || (abs(hashtext(s.id::text)) + g.k) % 50000)::uuid, s.created_at + interval '2 days'
    FROM (SELECT id, created_at,
                 CASE WHEN random() < 0.33 THEN 1 + floor(power(random(), 3) * 40)::int ELSE 0 END AS reactions
          FROM story WHERE status = 'published') s,
         generate_series(1, s.reactions) g(k)
    ON CONFLICT DO NOTHING`);
  // The platform member found some of the agenda's stories recognisable too.
  await sql.query(`
    INSERT INTO story_reaction (story_id, user_id)
    SELECT id, '${platformUser}'::uuid FROM story
    WHERE buurt_code IN ('${DE_GLIP}', '${GLIPPER_DREEF}') AND status = 'published' AND random() < 0.05
    ON CONFLICT DO NOTHING`);
  // Reports on a few published stories; most already handled.
  await sql.query(`
    INSERT INTO story_report (id, story_id, reporter_id, reason, created_at, handled_at)
    SELECT gen_random_uuid(), id, md5('reporter' || id)::uuid, 'Hier staat een naam in.',
           created_at + interval '3 days',
           CASE WHEN random() < 0.6 THEN created_at + interval '4 days' END
    FROM story WHERE status = 'published' AND random() < 0.006`);
}

/** Figures for the synthetic areas: each a real area's figures of its level, varied by ±20 %. */
async function generateIndicatorValues(sql: pg.Client) {
  await sql.query("SELECT setseed(0.17)");
  for (const [table, synthetic] of [
    ["gemeente", "GM5%"],
    ["wijk", "WK5%"],
    ["buurt", "BU5%"],
  ] as const) {
    await sql.query(`
      WITH real AS (
        SELECT (row_number() OVER (ORDER BY code) - 1)::int AS idx, code
        FROM (SELECT DISTINCT code FROM ${table} WHERE code NOT LIKE '${synthetic}'
              AND code IN (SELECT area_code FROM indicator_value)) r),
      synthetic AS (
        SELECT (row_number() OVER (ORDER BY code) - 1)::int AS n, code
        FROM (SELECT DISTINCT code FROM ${table} WHERE code LIKE '${synthetic}') s)
      INSERT INTO indicator_value (area_code, indicator_key, year, value, source)
      SELECT s.code, v.indicator_key, v.year,
             round((v.value * (0.8 + random() * 0.4))::numeric, 1)::float8, 'bench_synthetic'
      FROM synthetic s
      JOIN real r ON r.idx = s.n % (SELECT count(*) FROM real)
      JOIN indicator_value v ON v.area_code = r.code`);
  }
}

/**
 * Dated progress updates: an agreement that has moved on from "planned" got there in one to four
 * steps; "stalled" and "dropped" always say why.
 */
async function generateAgreementProgress(sql: pg.Client, authorId: string) {
  await sql.query("SELECT setseed(0.23)");
  await sql.query(`
    INSERT INTO agreement_update (id, agreement_id, status, note, happened_on, author_id, created_at)
    SELECT gen_random_uuid(), a.id,
           (CASE WHEN k = steps THEN a.status::text ELSE 'in_progress' END)::"AgreementStatus",
           CASE WHEN k < steps THEN 'We zijn begonnen en houden de buurt op de hoogte.'
                WHEN a.status = 'stalled' THEN 'Het ligt stil: we wachten op de vergunning.'
                WHEN a.status = 'dropped' THEN 'We stoppen ermee: er is geen budget meer.'
                WHEN a.status = 'done' THEN 'Klaar. Dank aan iedereen die meehielp.'
                ELSE 'We zijn bezig.' END,
           d::date, '${authorId}', d
    FROM (SELECT id, status, starts_on, 1 + floor(random() * 4)::int AS steps
          FROM agreement WHERE status <> 'planned') a,
         generate_series(1, a.steps) k,
         LATERAL (SELECT LEAST(now() - interval '1 day',
                               a.starts_on + k * (10 + floor(random() * 40))::int * interval '1 day') AS d) t`);
}

export async function generateDashboardData(
  sql: pg.Client,
  {
    year,
    gemeenteUser,
    adviesraadUser,
  }: { year: number; gemeenteUser: string; adviesraadUser: string },
) {
  await sql.query("SELECT setseed(0.8)");
  // The gemeente's real buurten, numbered.
  await sql.query(`
    CREATE TEMP TABLE hb AS
    SELECT (row_number() OVER (ORDER BY code) - 1)::int AS idx, code, name
    FROM buurt WHERE gemeente_code = '${GEMEENTE}' AND year = ${year}`);
  const buurten = (await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM hb")).rows[0]!.n;
  if (buurten < 3) throw new Error(`${GEMEENTE} has only ${buurten} buurten in ${year}.`);

  // The plan per agenda: its number, one to three neighbouring buurten, its period (2023–2029)
  // and how many of its seven blocks are done (0–7).
  await sql.query(`
    CREATE TEMP TABLE ag AS
    SELECT i, gen_random_uuid() AS id,
           1 + (i * 7) % 3 AS n_buurten, (i * 5) % ${buurten} AS first_buurt,
           s AS starts_on, (s + make_interval(years => 1 + i % 3) - interval '1 day')::date AS ends_on,
           s::timestamp - interval '30 days' AS created_at,
           i % 8 AS done_blocks
    FROM generate_series(1, ${AGENDAS}) i,
         LATERAL (SELECT date '2023-01-01' + (i * 37) % 1400 AS s) p`);
  await sql.query(`
    INSERT INTO buurtagenda (id, gemeente_code, territory_year, title, public_description,
      starts_on, ends_on, created_by_id, created_at, updated_at)
    SELECT ag.id, '${GEMEENTE}', ${year},
           'Buurtagenda ' || lpad(i::text, 3, '0') || ' ' || hb.name,
           'Samen werken aan een fijne buurt.', starts_on, ends_on, '${gemeenteUser}', created_at, created_at
    FROM ag JOIN hb ON hb.idx = ag.first_buurt`);
  await sql.query(`
    INSERT INTO buurtagenda_buurt (agenda_id, buurt_code, year)
    SELECT ag.id, hb.code, ${year}
    FROM ag CROSS JOIN LATERAL generate_series(0, ag.n_buurten - 1) k
    JOIN hb ON hb.idx = (ag.first_buurt + k) % ${buurten}`);
  await sql.query(`INSERT INTO urgency (agenda_id) SELECT id FROM ag`);
  // The blocks: the first done_blocks done, the next one in progress for two agendas in three,
  // the rest not started; each changed some weeks after the one before.
  await sql.query(`
    INSERT INTO buurtagenda_block (agenda_id, block, status, done_by_id, done_at, updated_at)
    SELECT id, b, status::block_status,
           CASE WHEN status = 'done' THEN '${gemeenteUser}'::uuid END,
           CASE WHEN status = 'done' THEN changed END, changed
    FROM (
      SELECT ag.id, b,
             CASE WHEN b <= done_blocks THEN 'done'
                  WHEN b = done_blocks + 1 AND i % 3 <> 0 THEN 'in_progress'
                  ELSE 'not_started' END AS status,
             LEAST(now(), created_at + (CASE WHEN b <= done_blocks + 1 THEN b ELSE 0 END)
                   * (10 + random() * 50) * interval '1 day') AS changed
      FROM ag, generate_series(1, 7) b) s`);

  // Organisations of the gemeente, three of them parties of each agenda.
  const orgs = ORGANISATIONS.map(
    ([name, kind], n) => `(${n}, '${name.replaceAll("'", "''")}', '${kind}')`,
  ).join(", ");
  await sql.query(`
    CREATE TEMP TABLE org AS
    SELECT n, gen_random_uuid() AS id, name, kind FROM (VALUES ${orgs}) v(n, name, kind)`);
  await sql.query(`
    INSERT INTO organisation (id, gemeente_code, name, kind)
    SELECT id, '${GEMEENTE}', name, kind::organisation_kind FROM org`);
  await sql.query(`
    CREATE TEMP TABLE party AS
    SELECT ag.i, k, gen_random_uuid() AS id, ag.id AS agenda_id, org.id AS organisation_id,
           (ARRAY['decides', 'co_creates', 'advises', 'informed'])[1 + (ag.i + k) % 4] AS role
    FROM ag CROSS JOIN generate_series(0, ${PARTIES_PER_AGENDA - 1}) k
    JOIN org ON org.n = (ag.i + k * 5) % ${ORGANISATIONS.length}`);
  await sql.query(`
    INSERT INTO agenda_party (id, agenda_id, organisation_id, participation_role, invitation_status, commitment)
    SELECT id, agenda_id, organisation_id, role::participation_role, 'accepted', 'Wij doen mee.'
    FROM party`);

  // Agreements: some agendas many, some none; statuses and due dates varied, some overdue.
  await sql.query(`
    INSERT INTO agreement (id, agenda_id, title, description, owner_party_id, starts_on, due_on,
      cost_euros, budget_source, status, created_by_id, created_at, updated_at)
    SELECT gen_random_uuid(), ag.id, x.title, 'Zo pakken we het aan.', party.id, s.starts_on,
           s.starts_on + 30 + floor(random() * 365)::int,
           CASE WHEN random() < 0.7 THEN (500 + floor(random() * 50000))::int END, 'Wijkbudget',
           (CASE WHEN r < 0.30 THEN 'planned' WHEN r < 0.60 THEN 'in_progress'
                 WHEN r < 0.80 THEN 'done' WHEN r < 0.92 THEN 'stalled' ELSE 'dropped' END)::"AgreementStatus",
           '${gemeenteUser}', ag.created_at, ag.created_at
    FROM (SELECT 1 + floor(power(random(), 1.5) * ${AGENDAS})::int AS i, floor(random() * ${PARTIES_PER_AGENDA})::int AS k,
                 random() AS r, random() AS r_start,
                 (${sqlArray(AGREEMENT_TITLES)})[1 + floor(random() * ${AGREEMENT_TITLES.length})::int] AS title
          FROM generate_series(1, ${AGREEMENTS})) x
    JOIN ag USING (i)
    JOIN party USING (i, k)
    CROSS JOIN LATERAL (SELECT ag.starts_on + floor(x.r_start * 365)::int AS starts_on) s`);

  // Ideas, most published or waiting; about six in ten judged, some twice (the newest counts).
  await sql.query(`
    CREATE TEMP TABLE idea_plan AS
    SELECT gen_random_uuid() AS id, ag.id AS agenda_id, x.title, x.status, x.origin,
           LEAST(now() - interval '1 day', ag.created_at + x.r_time * interval '600 days') AS created_at,
           x.r_judged
    FROM (SELECT 1 + floor(power(random(), 1.3) * ${AGENDAS})::int AS i,
                 (${sqlArray(IDEA_TITLES)})[1 + floor(random() * ${IDEA_TITLES.length})::int] AS title,
                 CASE WHEN r < 0.65 THEN 'published' WHEN r < 0.80 THEN 'submitted'
                      WHEN r < 0.92 THEN 'rejected' ELSE 'merged' END AS status,
                 (ARRAY['resident', 'partner', 'platform', 'gemeente'])[1 + floor(random() * 4)::int] AS origin,
                 random() AS r_time, random() AS r_judged
          FROM (SELECT random() AS r FROM generate_series(1, ${IDEAS})) g) x
    JOIN ag USING (i)`);
  await sql.query(`
    INSERT INTO idea (id, agenda_id, title, description, origin, status, published_at, created_at, updated_at)
    SELECT id, agenda_id, title, 'Dit zou de buurt helpen.', origin::"IdeaOrigin", status::"IdeaStatus",
           CASE WHEN status = 'published' THEN created_at + interval '1 day' END, created_at, created_at
    FROM idea_plan`);
  await sql.query(`
    INSERT INTO feasibility_judgement (id, idea_id, verdict, reason, judged_by_id, created_at)
    SELECT gen_random_uuid(), id,
           (ARRAY['fits', 'needs_decision', 'does_not_fit'])[1 + floor(random() * 3)::int]::"FeasibilityVerdict",
           'Getoetst aan beleid en budget.', '${gemeenteUser}',
           LEAST(now(), created_at + n * interval '20 days')
    FROM idea_plan, generate_series(1, 2) n
    WHERE status IN ('published', 'submitted') AND (r_judged < 0.6 AND (n = 1 OR r_judged < 0.2))`);

  // The council's review notes and advice; half of the advice answered, the rest waiting, part
  // of it for more than six weeks.
  await sql.query(`
    INSERT INTO council_advice (id, agenda_id, kind, title, text, author_id, created_at, answer,
      answer_reason, answered_by_id, answered_at)
    SELECT gen_random_uuid(), ag.id, kind::"AdviceKind", 'Advies over de buurtagenda',
           'De adviesraad vraagt aandacht voor ouderen in de buurt.', '${adviesraadUser}', x.created_at,
           answer::"AdviceAnswer", CASE WHEN answer IS NOT NULL THEN 'Overgenomen waar het kon.' ELSE '' END,
           CASE WHEN answer IS NOT NULL THEN '${gemeenteUser}'::uuid END,
           CASE WHEN answer IS NOT NULL THEN LEAST(now(), x.created_at + interval '30 days') END
    FROM (SELECT 1 + floor(random() * ${AGENDAS})::int AS i,
                 CASE WHEN r < 0.65 THEN 'advice' ELSE 'review_note' END AS kind,
                 CASE WHEN r < 0.33 THEN (ARRAY['adopted', 'partly_adopted', 'not_adopted'])[1 + floor(random() * 3)::int] END AS answer,
                 now() - random() * interval '180 days' AS created_at
          FROM (SELECT random() AS r FROM generate_series(1, ${ADVICE})) g) x
    JOIN ag USING (i)`);

  // Stories told in the gemeente's buurten over two years.
  await sql.query(`
    INSERT INTO story (id, gemeente_code, buurt_code, title, text, channel, consent_publish,
      consent_quote, status, text_fingerprint, created_at, updated_at)
    SELECT gen_random_uuid(), '${GEMEENTE}', hb.code, 'Een verhaal uit de buurt', text,
           (ARRAY['online', 'interview', 'walk', 'meeting', 'survey'])[1 + floor(random() * 5)::int]::story_channel,
           true, random() < 0.7, status::story_status,
           encode(sha256(convert_to(lower(text), 'UTF8')), 'hex'), created_at, created_at
    FROM (SELECT floor(random() * ${buurten})::int AS idx,
                 'Verhaal ' || g || ': het pad naar de bushalte is donker.' AS text,
                 CASE WHEN r < 0.86 THEN 'published' WHEN r < 0.90 THEN 'submitted'
                      WHEN r < 0.96 THEN 'rejected' ELSE 'withdrawn' END AS status,
                 now() - random() * interval '730 days' AS created_at
          FROM (SELECT g, random() AS r FROM generate_series(1, ${DASHBOARD_STORIES}) g) g) x
    JOIN hb USING (idx)`);

  // The audit trail: events on the agendas (their last activity) and on other subjects.
  await sql.query(`
    INSERT INTO audit_event (actor_id, action, subject_type, subject_id, created_at)
    SELECT '${gemeenteUser}', 'agenda.block_changed', 'buurtagenda', ag.id::text,
           LEAST(now(), ag.created_at + random() * (now() - ag.created_at))
    FROM (SELECT 1 + floor(power(random(), 1.5) * ${AGENDAS})::int AS i
          FROM generate_series(1, ${AGENDA_AUDIT_EVENTS})) x
    JOIN ag USING (i)`);
  await sql.query(`
    INSERT INTO audit_event (actor_id, action, subject_type, subject_id, created_at)
    SELECT '${gemeenteUser}', 'story.moderated', 'story', md5('story' || g)::uuid::text,
           now() - random() * interval '730 days'
    FROM generate_series(1, ${OTHER_AUDIT_EVENTS}) g`);
  await sql.query("DROP TABLE hb, ag, org, party, idea_plan");
}
