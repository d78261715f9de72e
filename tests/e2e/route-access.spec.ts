import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import pg from "pg";
import { E2E_DATA_DIR } from "../../playwright.config";
import routes from "../../app/routes";
import { runningEmbeddedCluster } from "../../app/shared/database/embedded-postgres.server";
import { APP_DATABASE } from "../../app/shared/database/database-url.server";
import { ROLES, type Role } from "../../app/features/auth/permissions";
import { DEMO_PASSWORD, expectAccessible, signInAsDemo } from "./support";

// Every route, as every role and signed out, over HTTP against the production build: the set of
// people who get the page is what the policy module says, and nobody gets a server error. A new
// route without a row here fails the first test, so nobody forgets to decide who may see it.

type Viewer = "visitor" | Role;
/** Signed out, then each role of the policy module, in its order (the table's columns). */
const VIEWERS: Viewer[] = ["visitor", ...ROLES];
const demoEmail = (role: Role) => `${role}@demo.buurtagenda.nl`;

/** What a GET gives: the page, a sign-in redirect, another redirect, refused, or not found. */
type Outcome = "page" | "login" | "redirect" | "refused" | "absent";

/**
 * One letter per viewer, in the order of VIEWERS (visitor, bewoner, buurtplatform, gemeente,
 * partner, adviesraad, beheerder): P page, L sign-in redirect, R other redirect, X refused
 * (403), - not found (404/405). Ids come from the demo data (the Heemstede demo buurtagenda,
 * version 1, its first finding and agreement, WIJ Heemstede). The demo has no idea, budget
 * round, preselection or resident's own story, and other specs running beside this one create
 * them, so those rows always use an id that does not exist.
 */
const EXPECTED: Record<string, string> = {
  "/": "PPPPPPP",
  "/gemeente/:code": "PPPPPPP",
  "/buurt/:code": "PPPPPPP",
  "/buurt/:code/vertellen": "PPPPPPP",
  "/buurt/:code/kaartpunten": "PPPPPPP",
  "/mijn-verhalen": "LPPPPPP",
  "/mijn-verhalen/:id/bewerken": "L------",
  "/moderatie": "LXPPXXX",
  "/verhaal/:id/herkenbaar": "-------",
  "/verhaal/:id/melden": "LPPPPPP",
  "/gemeente/:code/buurtagenda-starten": "LXXPXXX",
  "/gemeente/:code/cijfers": "LXXPXPX",
  "/gemeente/:code/voorselectie": "LXXPXPX",
  "/gemeente/:code/voorselectie/:id": "LXX---X",
  "/gemeente/:code/beleid": "PPPPPPP",
  "/gemeente/:code/beleid/:instrument": "LXXPXXX",
  "/buurtagenda/:id": "PPPPPPP",
  "/buurtagenda/:id/kaartpunten": "PPPPPPP",
  "/buurtagenda/:id/werkruimte": "LXPPPPX",
  "/buurtagenda/:id/gegevens": "LXXPXXX",
  "/buurtagenda/:id/urgentie": "LXPPPPX",
  "/buurtagenda/:id/buurtscan": "LXPPXPX",
  "/buurtagenda/:id/partijen": "LXPPPPX",
  "/buurtagenda/:id/thema-matrix": "LXPPXPX",
  "/buurtagenda/:id/opgaven": "LXPPPPX",
  "/buurtagenda/:id/opgaven/:finding": "LXPPPPX",
  "/buurtagenda/:id/ideeen": "PPPPPPP",
  "/buurtagenda/:id/ideeen/:idea": "-------",
  "/buurtagenda/:id/afspraken": "LXPPPPX",
  "/buurtagenda/:id/afspraken/:agreement": "LXPPPPX",
  "/buurtagenda/:id/tekst": "LXPPPPX",
  "/buurtagenda/:id/advies": "LXPPPPX",
  "/buurtagenda/:id/evaluaties": "LXPPPPX",
  "/buurtagenda/:id/wijkbegroting": "PPPPPPP",
  "/buurtagenda/:id/wijkbegroting/:round": "-------",
  "/buurtagenda/:id/goede-voorbeelden": "LXPPPPX",
  "/goede-voorbeelden": "PPPPPPP",
  "/gemeente/:code/dashboard": "LXXPXPX",
  "/gemeente/:code/dashboard/rapport.pdf": "LXXPXPX",
  "/buurtagenda/:id/versie/:number": "PPPPPPP",
  "/buurtagenda/:id/versie/:number/pdf": "PPPPPPP",
  "/buurtagenda/:id/versie/:number/docx": "PPPPPPP",
  "/buurtagenda/:id/initiatieven": "LXPPPPX",
  "/buurtagenda/:id/vastleggen": "LXPPPXX",
  "/buurtagenda/:id/vastleggen/verhaal": "-------",
  "/uitnodiging/:token": "PPPPPPP",
  "/volgen/stoppen/:token": "PPPPPPP",
  "/organisatie/:id": "-XXPPPX",
  "/registreren": "PPPPPPP",
  "/bevestigen": "PPPPPPP",
  "/inloggen": "PPPPPPP",
  "/inloggen/code": "PPPPPPP",
  "/inloggen/tweede-stap": "LRRRRRR",
  "/uitloggen": "RRRRRRR",
  "/wachtwoord-vergeten": "PPPPPPP",
  "/wachtwoord-herstellen/:token": "PPPPPPP",
  "/account": "LPPPPPP",
  "/account/gegevens": "LPPPPPP",
  "/account/tweestapsverificatie": "LPPPPPP",
  "/account/verwijderen": "LPPPPPP",
  "/taal": "RRRRRRR",
  "/toegankelijkheid": "PPPPPPP",
  "/privacy": "PPPPPPP",
  "/beheer/import": "LXXXXXP",
  "/dev/mail": "PPPPPPP",
  "/open-data": "PPPPPPP",
  "/open-data/:bestand": "PPPPPPP",
  "/open-data/buurtagendas/:bestand": "PPPPPPP",
  "/*": "-------",
};

const LETTER: Record<Outcome, string> = {
  page: "P",
  login: "L",
  redirect: "R",
  refused: "X",
  absent: "-",
};

const BOGUS_TOKEN = "bestaat-niet-0123456789abcdef";
const NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";

function routePatterns(): string[] {
  const patterns: string[] = [];
  const walk = (entries: typeof routes, prefix: string) => {
    for (const entry of entries) {
      const pattern = entry.index ? prefix || "/" : `${prefix}/${entry.path ?? ""}`;
      patterns.push(pattern);
      if (entry.children) walk(entry.children, pattern === "/" ? "" : pattern);
    }
  };
  walk(routes, "");
  return patterns;
}

/** Real ids from the demo data, read from the e2e server's own database. */
async function demoIds(): Promise<Record<string, string>> {
  const cluster = await runningEmbeddedCluster(E2E_DATA_DIR);
  if (!cluster) throw new Error("The e2e server's database is not running");
  const client = new pg.Client({ connectionString: cluster.urlFor(APP_DATABASE) });
  await client.connect();
  const one = async (sql: string, values: unknown[] = []) =>
    ((await client.query<{ id: string }>(sql, values)).rows[0]?.id as string | undefined) ??
    NO_SUCH_ID;
  try {
    const agenda = await one(`SELECT id FROM buurtagenda WHERE title = 'Samen in de Glip (demo)'`);
    return {
      agenda,
      finding: await one(`SELECT id FROM finding WHERE agenda_id = $1 ORDER BY created_at`, [
        agenda,
      ]),
      idea: NO_SUCH_ID,
      agreement: await one(`SELECT id FROM agreement WHERE agenda_id = $1 ORDER BY created_at`, [
        agenda,
      ]),
      round: NO_SUCH_ID,
      publishedStory: await one(
        `SELECT id FROM story WHERE status = 'published' AND gemeente_code = 'GM0397' ORDER BY created_at`,
      ),
      ownStory: NO_SUCH_ID,
      preselection: NO_SUCH_ID,
      instrument: await one(
        `SELECT id FROM policy_instrument WHERE gemeente_code = 'GM0397' ORDER BY title`,
      ),
      organisation: await one(`SELECT id FROM organisation WHERE name = 'WIJ Heemstede'`),
    };
  } finally {
    await client.end();
  }
}

function urlFor(pattern: string, ids: Record<string, string>): string {
  const byPattern: Record<string, string> = {
    "/mijn-verhalen/:id/bewerken": `/mijn-verhalen/${ids.ownStory}/bewerken`,
    "/verhaal/:id/herkenbaar": `/verhaal/${ids.publishedStory}/herkenbaar`,
    "/verhaal/:id/melden": `/verhaal/${ids.publishedStory}/melden`,
    "/organisatie/:id": `/organisatie/${ids.organisation}`,
    "/open-data/:bestand": "/open-data/afspraken.json",
    "/open-data/buurtagendas/:bestand": `/open-data/buurtagendas/${ids.agenda}.json`,
    "/*": "/deze-pagina-bestaat-niet",
  };
  if (byPattern[pattern]) return byPattern[pattern];
  const values: Record<string, string> = {
    code: pattern.startsWith("/buurt/") ? "BU03970100" : "GM0397",
    id: pattern.includes("voorselectie") ? ids.preselection! : ids.agenda!,
    instrument: ids.instrument!,
    finding: ids.finding!,
    idea: ids.idea!,
    agreement: ids.agreement!,
    round: ids.round!,
    number: "1",
    token: BOGUS_TOKEN,
  };
  return pattern.replace(/:([a-z]+)/g, (_, name: string) => {
    if (!values[name]) throw new Error(`No demo value for :${name} in ${pattern}`);
    return values[name];
  });
}

function outcomeOf(status: number, location: string | undefined): Outcome | `error ${number}` {
  if (status >= 200 && status < 300) return "page";
  if (status >= 300 && status < 400)
    return location?.startsWith("/inloggen") ? "login" : "redirect";
  if (status === 401 || status === 403) return "refused";
  if (status === 404 || status === 405) return "absent";
  return `error ${status}`;
}

async function requestAs(browser: Browser, viewer: Viewer) {
  const context = await browser.newContext();
  if (viewer !== "visitor") {
    const page = await context.newPage();
    await signInAsDemo(page, demoEmail(viewer));
    await page.close();
  }
  return context;
}

async function visit(request: APIRequestContext, url: string) {
  const response = await request.get(url, { maxRedirects: 0 });
  return outcomeOf(response.status(), response.headers().location);
}

test("every route answers every role as the policy says, and never with a server error", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const ids = await demoIds();
  const patterns = routePatterns();
  // A route without a decision here, or a row for a route that is gone, fails first.
  expect(Object.keys(EXPECTED).sort()).toEqual([...patterns].sort());

  const actual: Record<string, string[]> = Object.fromEntries(patterns.map((p) => [p, []]));
  for (const viewer of VIEWERS) {
    const context = await requestAs(browser, viewer);
    for (const pattern of patterns) {
      actual[pattern]!.push(await visit(context.request, urlFor(pattern, ids)));
    }
    await context.close();
  }
  const letters = Object.fromEntries(
    Object.entries(actual).map(([pattern, outcomes]) => [
      pattern,
      outcomes.map((outcome) => LETTER[outcome as Outcome] ?? `[${outcome}]`).join(""),
    ]),
  );
  expect(letters).toEqual(EXPECTED);
});

test("every page passes axe, seen by the first role that may open it", async ({ browser }) => {
  test.setTimeout(300_000);
  const ids = await demoIds();
  const checked: string[] = [];
  for (const [index, viewer] of VIEWERS.entries()) {
    const mine = Object.entries(EXPECTED)
      .filter(([, letters]) => letters[index] === "P" && letters.indexOf("P") === index)
      .map(([pattern]) => pattern);
    if (!mine.length) continue;
    const context = await requestAs(browser, viewer);
    const page = await context.newPage();
    for (const pattern of mine) {
      const url = urlFor(pattern, ids);
      const response = await context.request.get(url);
      if (!response.headers()["content-type"]?.startsWith("text/html")) continue;
      await page.goto(url);
      await expectAccessible(page);
      checked.push(pattern);
    }
    if (viewer === "bewoner") {
      // The error pages people land on: not found, and refused.
      for (const url of [urlFor("/*", ids), urlFor("/moderatie", ids)]) {
        await page.goto(url);
        await expectAccessible(page);
      }
    }
    await context.close();
  }
  // The second step of signing in, as staff see it, also with an error next to the field.
  const staff = await (await browser.newContext()).newPage();
  await staff.goto("/inloggen");
  await staff.getByLabel("E-mailadres").fill(demoEmail("gemeente"));
  await staff.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await staff.getByRole("button", { name: "Inloggen" }).click();
  await expect(staff.getByRole("heading", { name: "Tweede stap: code uit uw app" })).toBeVisible();
  await expectAccessible(staff);
  await staff.getByLabel("Code van 6 cijfers uit uw app").fill("12");
  await staff.getByRole("button", { name: "Bevestigen" }).click();
  await expect(staff.getByText("De code bestaat uit 6 cijfers.")).toBeVisible();
  await expectAccessible(staff);
  await staff.context().close();
  // The pages residents and staff use most are among them (and files and feeds are not).
  expect(checked).toEqual(
    expect.arrayContaining(["/buurt/:code", "/moderatie", "/buurtagenda/:id/werkruimte"]),
  );
  expect(checked).not.toContain("/buurt/:code/kaartpunten");
});
