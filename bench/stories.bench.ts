// npm run bench:stories — the stories budget of issue 5 / ARCHITECTURE.md §7: the published-story
// list and map of one buurtagenda, the buurt page and the moderation queue, with 100,000 stories
// in the database, over real HTTP against the production build (build/server/index.js, started
// with scripts/start.ts), 32 concurrent clients: p95 < 100 ms and no errors.
//
// Its own embedded PostgreSQL under .data/bench-stories: the real demo territory and accounts
// (seedDatabase without demo stories), synthetic national territory (≈14,400 buurten), one
// Heemstede buurtagenda (De Glip + Glipper Dreef) and 100,000 stories spread over the country
// with SQL generate_series. pg_stat_statements is loaded so each scenario can say which queries
// took the database's time. Prints a table and exits non-zero on a miss. Not part of npm test.
// The harness (database, server, sign-in, load, report) is bench/support.ts.
//
// Environment: BENCH_REQUESTS (per scenario, default 1000), BENCH_CONCURRENCY (default 32),
// BENCH_KEEP_DATA=1 keeps .data/bench-stories after the run (for EXPLAIN by hand),
// BENCH_THINK_MS (default 0) lets each client pause that long between its requests, like a person
// reading the page: with 32 clients and 1000 ms the load is about 32 requests a second.
import type pg from "pg";
import { startAgenda } from "../app/features/agenda/agenda.server";
import { db, disconnectDb } from "../app/shared/db.server";
import { HttpBench, fmt, seconds, signIn, sqlArray, type Scenario } from "./support";

const BUDGET_P95_MS = 100;
const TOTAL_STORIES = 100_000;
const SYNTHETIC_GEMEENTEN = 339; // + the 3 real ones ≈ 342 gemeenten
const SYNTHETIC_WIJKEN_PER_GEMEENTE = 10;
const SYNTHETIC_BUURTEN_PER_GEMEENTE = 42; // 339 × 42 + 162 real ≈ 14,400 buurten
const GLIPPER_DREEF = "BU03970101";
const DE_GLIP = "BU03970100";
const PLATFORM_EMAIL = "buurtplatform@demo.buurtagenda.nl";

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

const bench = new HttpBench("bench-stories", { budgetP95Ms: BUDGET_P95_MS });
await bench.run(async () => {
  // ─── Database: real demo data, national territory, 100,000 stories ──────────────────────────
  await bench.startDatabase();

  const userId = async (email: string) =>
    (await db().user.findUniqueOrThrow({ where: { email } })).id;
  const gemeenteUser = await userId("gemeente@demo.buurtagenda.nl");
  const platformUser = await userId(PLATFORM_EMAIL);
  const year = (await db().buurt.findFirstOrThrow({ where: { code: GLIPPER_DREEF } })).year;
  const agendaId = await startAgenda(
    gemeenteUser,
    {
      title: "De Glip en Glipper Dreef",
      publicDescription: "Samen werken aan een fijne buurt.",
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
      buurtCodes: [DE_GLIP, GLIPPER_DREEF],
    },
    { gemeenteCode: "GM0397", year },
  );

  const sql = bench.client(process.env.DATABASE_URL!);
  await sql.connect();
  const t0 = performance.now();
  await generateTerritory(sql, year);
  await generateStories(sql, { year, agendaId, platformUser });
  await sql.query("VACUUM ANALYZE");
  const counts = (
    await sql.query<Record<string, number>>(`
      SELECT (SELECT count(*) FROM buurt)::int AS buurten,
             (SELECT count(*) FROM story)::int AS stories,
             (SELECT count(*) FROM story WHERE status = 'published')::int AS published,
             (SELECT count(*) FROM story WHERE status = 'submitted')::int AS submitted,
             (SELECT count(*) FROM story WHERE buurt_code IN ('${DE_GLIP}', '${GLIPPER_DREEF}'))::int AS agenda,
             (SELECT count(*) FROM story WHERE buurt_code IN ('${DE_GLIP}', '${GLIPPER_DREEF}') AND status = 'published' AND lon IS NOT NULL)::int AS agenda_pins,
             (SELECT count(*) FROM story WHERE buurt_code LIKE 'BU039701%' AND status = 'submitted')::int AS queue_submitted,
             (SELECT count(DISTINCT r.story_id) FROM story_report r JOIN story s ON s.id = r.story_id
               WHERE s.buurt_code LIKE 'BU039701%' AND s.status = 'published' AND r.handled_at IS NULL)::int AS queue_reported,
             (SELECT count(*) FROM story_theme)::int AS themes,
             (SELECT count(*) FROM story_reaction)::int AS reactions,
             (SELECT count(*) FROM story_report)::int AS reports`)
  ).rows[0]!;
  await sql.end();
  console.log(
    `Generated in ${seconds(t0)} s: ${fmt(counts.buurten!)} buurten; ${fmt(counts.stories!)} stories (${fmt(counts.published!)} published, ${fmt(counts.submitted!)} waiting), ` +
      `${fmt(counts.themes!)} story themes, ${fmt(counts.reactions!)} reactions, ${fmt(counts.reports!)} reports. ` +
      `The agenda's 2 buurten: ${fmt(counts.agenda!)} stories, ${fmt(counts.agenda_pins!)} published pins; ` +
      `the platform member's queue (wijk WK039701): ${fmt(counts.queue_submitted!)} submitted + ${fmt(counts.queue_reported!)} reported.`,
  );
  await disconnectDb();
  await bench.enableStatStatements();

  // ─── The production server ──────────────────────────────────────────────────────────────────
  const origin = await bench.startServer(3290);
  const platformCookie = await signIn(origin, PLATFORM_EMAIL);
  const agendaPath = `/buurtagenda/${agendaId}`;
  // Any cookie but the language makes a request personal, so this one is rendered every time: the
  // cost of a page the public page cache (decision 0029) does not have yet.
  const rendered = "bench=render";
  const scenarios: Scenario[] = [
    { name: "buurtagenda page", path: agendaPath },
    { name: "  ?buurt=BU03970101", path: `${agendaPath}?buurt=${GLIPPER_DREEF}` },
    { name: "  ?zoek=donker", path: `${agendaPath}?zoek=donker` },
    { name: "  ?pagina=3", path: `${agendaPath}?pagina=3` },
    { name: "  rendered every time", path: agendaPath, cookie: rendered, main: false },
    { name: "  signed in (platform)", path: agendaPath, cookie: platformCookie },
    { name: "  .data (client navigation)", path: `${agendaPath}.data`, main: false },
    { name: "  map pins (GeoJSON)", path: `${agendaPath}/kaartpunten` },
    { name: "buurt page BU03970101", path: `/buurt/${GLIPPER_DREEF}` },
    {
      name: "  rendered every time",
      path: `/buurt/${GLIPPER_DREEF}`,
      cookie: rendered,
      main: false,
    },
    { name: "moderation queue (platform)", path: "/moderatie", cookie: platformCookie },
    // Calibration: a page without stories shows what this machine and harness allow at all.
    { name: "reference: /toegankelijkheid", path: "/toegankelijkheid", main: false },
    {
      name: "  rendered every time",
      path: "/toegankelijkheid",
      cookie: rendered,
      main: false,
    },
  ];

  bench.report(await bench.measure(origin, scenarios));
});

// ─── Data generation ──────────────────────────────────────────────────────────────────────────

async function generateTerritory(sql: pg.Client, year: number) {
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

async function generateStories(
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
  groups[groups.length - 1]![1] = TOTAL_STORIES - groups.reduce((sum, g) => sum + g[1], 0);
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
