// npm run bench:dashboard — the council dashboard budget of issue 8 / ARCHITECTURE.md §7: the
// dashboard of a gemeente with 300 buurtagenda's and 5,000 agreements, over real HTTP against the
// production build (build/server/index.js, started with scripts/start.ts), signed in as the demo
// adviesraad account, 32 concurrent clients: p95 < 100 ms and no errors. Scenarios: the whole
// dashboard, with a wijk filter and with a period filter.
//
// Its own embedded PostgreSQL under .data/bench-dashboard: the real demo territory and accounts
// (seedDatabase without demo stories), then in Heemstede (GM0397, its 14 real buurten) with SQL
// generate_series: 300 buurtagenda's of one to three buurten with their seven blocks in varied
// states, parties, 5,000 agreements (varied statuses and due dates, some overdue), ideas with
// feasibility judgements, the council's advice (some unanswered for more than six weeks), stories
// and audit events. Before timing, the page is checked to list exactly the agendas the filter
// should show. pg_stat_statements says which queries took the database's time. Prints a table
// and exits non-zero on a miss. Not part of npm test. The harness is bench/support.ts.
//
// Environment: BENCH_REQUESTS (per scenario, default 1000), BENCH_CONCURRENCY (default 32),
// BENCH_KEEP_DATA=1 keeps .data/bench-dashboard after the run (for EXPLAIN by hand),
// BENCH_THINK_MS (default 0, see bench/support.ts); BENCH_IDEAS (default 6,000) and
// BENCH_STORIES (default 5,000) size those tables.
import type pg from "pg";
import { db, disconnectDb } from "../app/shared/db.server";
import { HttpBench, fmt, headersFor, seconds, signIn, sqlArray, type Scenario } from "./support";

const BUDGET_P95_MS = 100;
const GEMEENTE = "GM0397";
const AGENDAS = 300;
const AGREEMENTS = 5_000;
const IDEAS = Number(process.env.BENCH_IDEAS ?? 6_000);
const STORIES = Number(process.env.BENCH_STORIES ?? 5_000);
const ADVICE = 900;
const AGENDA_AUDIT_EVENTS = 9_000;
const OTHER_AUDIT_EVENTS = 30_000;
const PARTIES_PER_AGENDA = 3;
const WIJK = "WK039701";
const PERIOD = { from: "2026-01-01", to: "2026-12-31" };
const ADVIESRAAD_EMAIL = "adviesraad@demo.buurtagenda.nl";
const GEMEENTE_EMAIL = "gemeente@demo.buurtagenda.nl";

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

const bench = new HttpBench("bench-dashboard", { budgetP95Ms: BUDGET_P95_MS });
await bench.run(async () => {
  // ─── Database: real demo data, 300 agendas in Heemstede ─────────────────────────────────────
  await bench.startDatabase();
  const userId = async (email: string) =>
    (await db().user.findUniqueOrThrow({ where: { email } })).id;
  const gemeenteUser = await userId(GEMEENTE_EMAIL);
  const adviesraadUser = await userId(ADVIESRAAD_EMAIL);
  const year = (await db().gemeente.findFirstOrThrow({ where: { code: GEMEENTE } })).year;
  await disconnectDb();

  const sql = bench.client(process.env.DATABASE_URL!);
  await sql.connect();
  const t0 = performance.now();
  await generateDashboardData(sql, { year, gemeenteUser, adviesraadUser });
  await sql.query("VACUUM ANALYZE");
  const generatedIn = seconds(t0);
  const c = (
    await sql.query<Record<string, number>>(`
      SELECT (SELECT count(*) FROM buurtagenda WHERE gemeente_code = '${GEMEENTE}')::int AS agendas,
             (SELECT count(*) FROM buurtagenda_buurt)::int AS agenda_buurten,
             (SELECT count(*) FROM buurtagenda_block)::int AS blocks,
             (SELECT count(*) FROM buurtagenda_block WHERE status = 'done')::int AS blocks_done,
             (SELECT count(*) FROM buurtagenda_block WHERE status = 'in_progress')::int AS blocks_in_progress,
             (SELECT count(*) FROM agenda_party)::int AS parties,
             (SELECT count(*) FROM agreement)::int AS agreements,
             (SELECT count(*) FROM agreement WHERE due_on < current_date AND status NOT IN ('done', 'dropped'))::int AS overdue,
             (SELECT count(DISTINCT agenda_id) FROM agreement)::int AS agendas_with_agreements,
             (SELECT count(*) FROM idea)::int AS ideas,
             (SELECT count(*) FROM idea WHERE status IN ('published', 'submitted'))::int AS ideas_shown,
             (SELECT count(*) FROM feasibility_judgement)::int AS judgements,
             (SELECT count(*) FROM council_advice)::int AS advice,
             (SELECT count(*) FROM council_advice WHERE kind = 'advice' AND answer IS NULL
                AND created_at < now() - interval '42 days')::int AS late_advice,
             (SELECT count(*) FROM story WHERE gemeente_code = '${GEMEENTE}')::int AS stories,
             (SELECT count(*) FROM audit_event)::int AS audit_events,
             (SELECT count(*) FROM audit_event WHERE subject_type = 'buurtagenda')::int AS agenda_audit_events`)
  ).rows[0]!;
  const expected = (
    await sql.query<{ all: number; wijk: number; period: number; first: string; last: string }>(
      `SELECT count(*)::int AS all,
              (count(*) FILTER (WHERE EXISTS (SELECT 1 FROM buurtagenda_buurt b
                 WHERE b.agenda_id = a.id AND b.buurt_code LIKE 'BU' || substr($2, 3) || '%')))::int AS wijk,
              (count(*) FILTER (WHERE a.starts_on <= $4::date AND a.ends_on >= $3::date))::int AS period,
              min(title) AS first, max(title) AS last
       FROM buurtagenda a WHERE gemeente_code = $1`,
      [GEMEENTE, WIJK, PERIOD.from, PERIOD.to],
    )
  ).rows[0]!;
  await sql.end();
  console.log(
    `Generated in ${generatedIn} s (SQL generate_series, then VACUUM ANALYZE): in ${GEMEENTE} ${fmt(c.agendas!)} buurtagenda's ` +
      `(${fmt(c.agenda_buurten!)} agenda–buurt links, ${fmt(c.blocks!)} blocks: ${fmt(c.blocks_done!)} done, ${fmt(c.blocks_in_progress!)} in progress), ` +
      `${fmt(c.parties!)} parties, ${fmt(c.agreements!)} agreements over ${fmt(c.agendas_with_agreements!)} agendas (${fmt(c.overdue!)} overdue), ` +
      `${fmt(c.ideas!)} ideas (${fmt(c.ideas_shown!)} published or waiting) with ${fmt(c.judgements!)} judgements, ` +
      `${fmt(c.advice!)} advice rows (${fmt(c.late_advice!)} advice unanswered > 6 weeks), ${fmt(c.stories!)} stories, ` +
      `${fmt(c.audit_events!)} audit events (${fmt(c.agenda_audit_events!)} on agendas).`,
  );
  console.log(
    `Agendas the dashboard should list: ${expected.all} in all, ${expected.wijk} with a buurt in ${WIJK}, ${expected.period} overlapping ${PERIOD.from}–${PERIOD.to}.`,
  );

  await bench.enableStatStatements();

  // ─── The production server ──────────────────────────────────────────────────────────────────
  const origin = await bench.startServer(3291);
  const cookie = await signIn(origin, ADVIESRAAD_EMAIL);
  const dashboard = `/gemeente/${GEMEENTE}/dashboard`;
  const scenarios: (Scenario & { rows?: number })[] = [
    { name: "council dashboard (adviesraad)", path: dashboard, cookie, rows: expected.all },
    {
      name: `  ?wijk=${WIJK}`,
      path: `${dashboard}?wijk=${WIJK}`,
      cookie,
      rows: expected.wijk,
    },
    {
      name: `  ?vanaf=${PERIOD.from}&tot=${PERIOD.to}`,
      path: `${dashboard}?vanaf=${PERIOD.from}&tot=${PERIOD.to}`,
      cookie,
      rows: expected.period,
    },
    { name: "  .data (client navigation)", path: `${dashboard}.data`, cookie, main: false },
    // Calibration: a page without data shows what this machine and harness allow at all.
    { name: "reference: /toegankelijkheid", path: "/toegankelijkheid", main: false },
  ];

  // The page must list the agendas before its speed means anything.
  for (const scenario of scenarios) {
    if (scenario.rows === undefined) continue;
    const response = await fetch(origin + scenario.path, {
      headers: headersFor(scenario),
      redirect: "manual",
    });
    const html = await response.text();
    const rows = html.match(/href="\/buurtagenda\/[0-9a-f-]{36}\/werkruimte"/g)?.length ?? 0;
    const titles = scenario.rows === expected.all ? [expected.first, expected.last] : [];
    const missing = titles.filter((t) => !html.includes(t));
    if (response.status !== 200 || rows !== scenario.rows || missing.length)
      throw new Error(
        `GET ${scenario.path} answered ${response.status} with ${rows} agenda rows (expected ${scenario.rows})` +
          (missing.length ? `; missing ${missing.map((t) => `"${t}"`).join(", ")}` : "") +
          ".",
      );
    console.log(`  checked ${scenario.name.trim()}: ${rows} agenda rows, as expected.`);
  }

  bench.report(await bench.measure(origin, scenarios));
});

// ─── Data generation ──────────────────────────────────────────────────────────────────────────

async function generateDashboardData(
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
          FROM (SELECT g, random() AS r FROM generate_series(1, ${STORIES}) g) g) x
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
