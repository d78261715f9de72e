// The pages the HTTP benchmarks drive on the national data set (bench/national-data.ts), shared
// by npm run bench (all of them) and bench:stories / bench:dashboard (their part).
import type pg from "pg";
import {
  ADVIESRAAD_EMAIL,
  GEMEENTE,
  GEMEENTE_EMAIL,
  GLIPPER_DREEF,
  PLATFORM_EMAIL,
  RESIDENT_EMAIL,
} from "./national-data";
import { DASHBOARD_PAGE_SIZE } from "../app/features/progress/dashboard";
import { headersFor, signIn, type Scenario } from "./support";

export interface Sessions {
  resident: string;
  platform: string;
  gemeente: string;
  adviesraad: string;
}

export async function signInAll(origin: string): Promise<Sessions> {
  return {
    resident: await signIn(origin, RESIDENT_EMAIL),
    platform: await signIn(origin, PLATFORM_EMAIL),
    gemeente: await signIn(origin, GEMEENTE_EMAIL),
    adviesraad: await signIn(origin, ADVIESRAAD_EMAIL),
  };
}

// Any cookie but the language makes a request personal, so this one is rendered every time: the
// cost of a public page that the page cache (decision 0029) does not hold yet.
const RENDERED = "bench=render";

/** A page without data, rendered every time: what this machine and the framework allow at all. */
export const FLOOR: Scenario = {
  name: "floor: /toegankelijkheid, rendered",
  path: "/toegankelijkheid",
  cookie: RENDERED,
  main: false,
  floor: true,
};

export function buurtScenarios(): Scenario[] {
  const buurt = `/buurt/${GLIPPER_DREEF}`;
  return [
    { name: `buurt page ${GLIPPER_DREEF}`, path: buurt },
    { name: "  rendered every time", path: buurt, cookie: RENDERED, main: false },
    { name: "  tell a story (form)", path: `${buurt}/vertellen` },
  ];
}

export function storyScenarios(agendaId: string, sessions: Sessions): Scenario[] {
  const agenda = `/buurtagenda/${agendaId}`;
  return [
    { name: "buurtagenda page (story list)", path: agenda },
    { name: `  ?buurt=${GLIPPER_DREEF}`, path: `${agenda}?buurt=${GLIPPER_DREEF}` },
    { name: "  ?zoek=donker", path: `${agenda}?zoek=donker` },
    { name: "  ?pagina=3", path: `${agenda}?pagina=3` },
    { name: "  rendered every time", path: agenda, cookie: RENDERED, main: false },
    { name: "  signed in (resident)", path: agenda, cookie: sessions.resident },
    { name: "  .data (client navigation)", path: `${agenda}.data`, main: false },
    { name: "  map pins (GeoJSON)", path: `${agenda}/kaartpunten` },
    { name: "moderation queue (platform)", path: "/moderatie", cookie: sessions.platform },
  ];
}

export function agendaScenarios(agendaId: string, sessions: Sessions): Scenario[] {
  const agenda = `/buurtagenda/${agendaId}`;
  return [
    { name: "public agenda, version 1", path: `${agenda}/versie/1` },
    {
      name: "agenda workspace (gemeente)",
      path: `${agenda}/werkruimte`,
      cookie: sessions.gemeente,
    },
  ];
}

/** The pages residents open, signed out, for Lighthouse (bench/web-vitals.ts). */
export function residentPages(agendaId: string): { name: string; path: string }[] {
  return [
    { name: "home", path: "/" },
    { name: "gemeente", path: `/gemeente/${GEMEENTE}` },
    { name: "buurt", path: `/buurt/${GLIPPER_DREEF}` },
    { name: "tell a story", path: `/buurt/${GLIPPER_DREEF}/vertellen` },
    { name: "buurtagenda", path: `/buurtagenda/${agendaId}` },
    { name: "agenda, version 1", path: `/buurtagenda/${agendaId}/versie/1` },
    { name: "good practices", path: "/goede-voorbeelden" },
    { name: "sign in", path: "/inloggen" },
  ];
}

export interface DashboardExpectation {
  all: number;
  wijk: number;
  period: number;
  first: string;
  last: string;
}

const DASHBOARD = `/gemeente/${GEMEENTE}/dashboard`;
const WIJK = "WK039701";
const PERIOD = { from: "2026-01-01", to: "2026-12-31" };

/** What the council dashboard must list, counted in SQL. */
export async function dashboardExpectation(sql: pg.Client): Promise<DashboardExpectation> {
  const expected = (
    await sql.query<DashboardExpectation>(
      `SELECT count(*)::int AS all,
              (count(*) FILTER (WHERE EXISTS (SELECT 1 FROM buurtagenda_buurt b
                 WHERE b.agenda_id = a.id AND b.buurt_code LIKE 'BU' || substr($2, 3) || '%')))::int AS wijk,
              (count(*) FILTER (WHERE a.starts_on <= $4::date AND a.ends_on >= $3::date))::int AS period,
              min(title) AS first, max(title) AS last
       FROM buurtagenda a WHERE gemeente_code = $1`,
      [GEMEENTE, WIJK, PERIOD.from, PERIOD.to],
    )
  ).rows[0]!;
  console.log(
    `Agendas the dashboard should list: ${expected.all} in all, ${expected.wijk} with a buurt in ${WIJK}, ${expected.period} overlapping ${PERIOD.from}–${PERIOD.to}.`,
  );
  return expected;
}

/** A dashboard scenario counts `agendas` in all, lists `rows` of them and shows the title `shows`. */
type DashboardScenario = Scenario & { agendas?: number; rows?: number; shows?: string };

export function dashboardScenarios(
  sessions: Sessions,
  expected: DashboardExpectation,
  { all = true } = {},
): DashboardScenario[] {
  const cookie = sessions.adviesraad;
  const onPage = (agendas: number, page = 1) =>
    Math.max(0, Math.min(DASHBOARD_PAGE_SIZE, agendas - (page - 1) * DASHBOARD_PAGE_SIZE));
  const lastPage = Math.max(1, Math.ceil(expected.all / DASHBOARD_PAGE_SIZE));
  const scenarios: DashboardScenario[] = [
    {
      name: "council dashboard (adviesraad)",
      path: DASHBOARD,
      cookie,
      agendas: expected.all,
      rows: onPage(expected.all),
      shows: expected.first,
    },
    {
      name: `  ?wijk=${WIJK}`,
      path: `${DASHBOARD}?wijk=${WIJK}`,
      cookie,
      agendas: expected.wijk,
      rows: onPage(expected.wijk),
    },
    {
      name: `  ?pagina=${lastPage} (last page)`,
      path: `${DASHBOARD}?pagina=${lastPage}`,
      cookie,
      agendas: expected.all,
      rows: onPage(expected.all, lastPage),
      shows: expected.last,
    },
    {
      name: `  ?vanaf=${PERIOD.from}&tot=${PERIOD.to}`,
      path: `${DASHBOARD}?vanaf=${PERIOD.from}&tot=${PERIOD.to}`,
      cookie,
      agendas: expected.period,
      rows: onPage(expected.period),
    },
    { name: "  .data (client navigation)", path: `${DASHBOARD}.data`, cookie, main: false },
  ];
  return all ? scenarios : scenarios.slice(0, 3);
}

/** The dashboard must list the agendas before its speed means anything. */
export async function checkDashboardRows(origin: string, scenarios: DashboardScenario[]) {
  for (const scenario of scenarios) {
    if (scenario.rows === undefined) continue;
    const response = await fetch(origin + scenario.path, {
      headers: headersFor(scenario),
      redirect: "manual",
    });
    const html = await response.text();
    const rows = html.match(/href="\/buurtagenda\/[0-9a-f-]{36}\/werkruimte"/g)?.length ?? 0;
    const counted = html.match(/Aantal buurtagenda(?:&#x27;|')s: (\d+)\./)?.[1];
    const problems = [
      ...(response.status !== 200 ? [`status ${response.status}`] : []),
      ...(rows !== scenario.rows ? [`${rows} agenda rows (expected ${scenario.rows})`] : []),
      ...(scenario.agendas && Number(counted) !== scenario.agendas
        ? [`"${counted}" agendas counted (expected ${scenario.agendas})`]
        : []),
      ...(scenario.shows && !html.includes(scenario.shows) ? [`no "${scenario.shows}"`] : []),
    ];
    if (problems.length) throw new Error(`GET ${scenario.path}: ${problems.join("; ")}.`);
    console.log(
      `  checked ${scenario.name.trim()}: ${rows} agenda rows of ${scenario.agendas}, as expected.`,
    );
  }
}
