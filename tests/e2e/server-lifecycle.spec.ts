import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import {
  ensureDatabase,
  freePort,
  startEmbeddedCluster,
} from "../../app/shared/database/embedded-postgres.server";
import { contextRecordingCspViolations, expectAccessible } from "./support";

// `npm start` as a newcomer meets it: the start script of the built app, run as its own process.
// These tests need no browser; they live here because they need the production build.

test.describe.configure({ mode: "serial" });

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startApp(env: Record<string, string>): Started {
  let output = "";
  const child = spawn("node", ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, DATABASE_URL: "", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForOutput(app: Started, pattern: RegExp, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(app.output())) {
    if (app.child.exitCode !== null) {
      throw new Error(
        `The app exited (${app.child.exitCode}) before ${pattern}; output:\n${app.output()}`,
      );
    }
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${pattern}; output:\n${app.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "buurtagenda-lifecycle-"));
  // mkdtemp makes it private to root; the embedded PostgreSQL runs as its own user.
  await chmod(dir, 0o755);
  return dir;
}

test("starts on the embedded database, keeps data across a restart, and stops cleanly", async ({
  request,
}) => {
  test.setTimeout(240_000);
  const dataDir = await tempDir();
  const port = await freePort();
  try {
    const first = startApp({ DATA_DIR: dataDir, PORT: String(port) });
    await waitForOutput(first, /runs on http:\/\/localhost/);
    expect(first.output()).toMatch(/Demo data loaded: .*GM0397 \(14 buurten\)/);
    const page = await request.get(`http://127.0.0.1:${port}/gemeente/GM0397`);
    expect(page.status()).toBe(200);
    expect(await page.text()).toContain("Glipper Dreef en Staatsliedenbuurt");

    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    const clusterDir = path.join(dataDir, "postgres");
    // A clean shutdown removes the lock file; an orphaned server would keep it.
    expect(existsSync(path.join(clusterDir, "postmaster.pid"))).toBe(false);

    const second = startApp({ DATA_DIR: dataDir, PORT: String(port) });
    await waitForOutput(second, /runs on http:\/\/localhost/);
    expect(second.output()).not.toMatch(/Demo data loaded/);
    expect((await request.get(`http://127.0.0.1:${port}/buurt/BU03970101`)).status()).toBe(200);
    second.child.kill("SIGINT");
    expect(await second.exited).toBe(0);
    expect(existsSync(path.join(clusterDir, "postmaster.pid"))).toBe(false);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test("a taken port gives one clear error line and starts no database", async () => {
  const dataDir = await tempDir();
  const blocker = net.createServer();
  const port = await new Promise<number>((resolve) =>
    blocker.listen(0, "127.0.0.1", () => resolve((blocker.address() as net.AddressInfo).port)),
  );
  try {
    const app = startApp({ DATA_DIR: dataDir, PORT: String(port) });
    expect(await app.exited).toBe(1);
    const lines = app.output().trim().split("\n");
    expect(lines).toEqual([
      `Error: Port ${port} is already in use. Stop the other program or start with PORT=<another port> npm start.`,
    ]);
    expect(existsSync(path.join(dataDir, "postgres"))).toBe(false);
  } finally {
    blocker.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});

test("an unwritable data folder gives one clear error line", async () => {
  const dir = await tempDir();
  const notAFolder = path.join(dir, "a-file");
  await writeFile(notAFolder, "");
  try {
    const app = startApp({
      DATA_DIR: path.join(notAFolder, "data"),
      PORT: String(await freePort()),
    });
    expect(await app.exited).toBe(1);
    const lines = app.output().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Error: Cannot write to the data folder .*a-file\/data .*Make it writable or set DATA_DIR/,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("with DATABASE_URL set it uses that database and starts no embedded server", async ({
  request,
}) => {
  test.setTimeout(180_000);
  await withAppOnOwnDatabase("external_app", async ({ app, origin, appDataDir }) => {
    expect((await request.get(`${origin}/gemeente/GM0397`)).status()).toBe(200);
    expect(existsSync(path.join(appDataDir, "postgres"))).toBe(false);
    app.child.kill("SIGTERM");
    expect(await app.exited).toBe(0);
  });
});

interface AppOnOwnDatabase {
  app: Started;
  origin: string;
  /** The app's database; the same URL before and after a restart. */
  url: string;
  appDataDir: string;
  stopDatabase(): Promise<void>;
  startDatabase(): Promise<void>;
}

/** The built app on a PostgreSQL of its own, which the test may stop and start on the same port. */
async function withAppOnOwnDatabase(
  database: string,
  work: (setup: AppOnOwnDatabase) => Promise<void>,
  env: Record<string, string> = {},
): Promise<void> {
  const serverDir = await tempDir();
  const appDataDir = await tempDir();
  const pgPort = await freePort();
  let cluster = await startEmbeddedCluster(serverDir, { port: pgPort });
  const port = await freePort();
  let app: Started | undefined;
  try {
    await ensureDatabase(cluster.urlFor("postgres"), database);
    app = startApp({
      DATABASE_URL: cluster.urlFor(database),
      DATA_DIR: appDataDir,
      PORT: String(port),
      ...env,
    });
    await waitForOutput(app, /runs on http:\/\/localhost:\d+ \(DATABASE_URL\)/);
    await work({
      app,
      origin: `http://127.0.0.1:${port}`,
      url: cluster.urlFor(database),
      appDataDir,
      stopDatabase: () => cluster.stop(),
      startDatabase: async () => {
        cluster = await startEmbeddedCluster(serverDir, { port: pgPort });
      },
    });
  } finally {
    if (app && app.child.exitCode === null) app.child.kill("SIGKILL");
    await cluster.stop().catch(() => {});
    await rm(serverDir, { recursive: true, force: true });
    await rm(appDataDir, { recursive: true, force: true });
  }
}

interface Answer {
  kind: "read" | "sign-up";
  /** The phase when the request was sent; one sent just before the stop may end in it. */
  phase: "before" | "down" | "after";
  endPhase: "before" | "down" | "after";
  status: number;
  ms: number;
  body: string;
  email?: string;
}

test("when PostgreSQL restarts under load, requests fail fast with a plain page, the app recovers by itself, and no accepted sign-up is lost", async () => {
  test.setTimeout(240_000);
  await withAppOnOwnDatabase(
    "fault_app",
    async ({ app, origin, url, stopDatabase, startDatabase }) => {
      let phase: Answer["phase"] = "before";
      let running = true;
      const answers: Answer[] = [];
      let counter = 0;
      const timed = async (kind: Answer["kind"], send: () => Promise<Response>, email?: string) => {
        const started = Date.now();
        const at = phase;
        try {
          const response = await send();
          const body = await response.text();
          answers.push({
            kind,
            phase: at,
            endPhase: phase,
            status: response.status,
            ms: Date.now() - started,
            body,
            email,
          });
        } catch (error) {
          answers.push({
            kind,
            phase: at,
            endPhase: phase,
            status: 0,
            ms: Date.now() - started,
            body: String(error),
            email,
          });
        }
      };
      const reader = async () => {
        while (running) {
          await timed("read", () =>
            fetch(`${origin}/buurt/BU03970101`, { signal: AbortSignal.timeout(15_000) }),
          );
        }
      };
      const signUps = async () => {
        while (running) {
          const email = `herstart${++counter}@example.org`;
          await timed(
            "sign-up",
            () =>
              fetch(`${origin}/registreren`, {
                method: "POST",
                redirect: "manual",
                headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
                body: new URLSearchParams({ email, password: "een lange zin als wachtwoord" }),
                signal: AbortSignal.timeout(15_000),
              }),
            email,
          );
        }
      };
      const load = Promise.all([reader(), reader(), reader(), signUps()]);
      const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

      await wait(3_000);
      phase = "down";
      await stopDatabase();
      await wait(4_000);
      await startDatabase();
      phase = "after";
      // Recovered: reads succeed again on their own, within a short while.
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        const recent = answers.filter((a) => a.phase === "after" && a.kind === "read").slice(-5);
        if (recent.length === 5 && recent.every((a) => a.status === 200)) break;
        await wait(200);
      }
      await wait(1_000);
      running = false;
      await load;

      const summary = (p: Answer["phase"]) => {
        const mine = answers.filter((a) => a.phase === p);
        return {
          requests: mine.length,
          statuses: [...new Set(mine.map((a) => a.status))].sort(),
          maxMs: Math.max(...mine.map((a) => a.ms)),
        };
      };
      console.log(
        "Database restart:",
        JSON.stringify({
          before: summary("before"),
          down: summary("down"),
          after: summary("after"),
        }),
      );

      expect(app.child.exitCode).toBeNull();
      const before = answers.filter((a) => a.endPhase === "before");
      expect(before.filter((a) => a.kind === "read").every((a) => a.status === 200)).toBe(true);
      // While the database is away: an answer within seconds, never a hang, and in plain words.
      const down = answers.filter(
        (a) => a.phase === "down" && a.status !== 200 && a.status !== 303 && a.status !== 302,
      );
      expect(down.length).toBeGreaterThan(0);
      for (const answer of down) {
        expect(answer.status, answer.body.slice(0, 200)).toBeGreaterThanOrEqual(500);
        expect(answer.ms).toBeLessThan(5_000);
        expect(answer.body).toContain("Uw gegevens zijn niet verloren");
      }
      const after = answers.filter((a) => a.phase === "after" && a.kind === "read").slice(-5);
      expect(after.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);

      // Every sign-up the app accepted (a redirect to the code page) is in the database.
      const accepted = answers
        .filter((a) => a.kind === "sign-up" && a.status >= 300 && a.status < 400)
        .map((a) => a.email!);
      expect(accepted.length).toBeGreaterThan(0);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ email: string }>(
          "SELECT email FROM app_user WHERE email = ANY($1)",
          [accepted],
        );
        expect(rows.map((r) => r.email).sort()).toEqual([...accepted].sort());
      } finally {
        await client.end();
      }

      app.child.kill("SIGTERM");
      expect(await app.exited).toBe(0);
    },
  );
});

test("a story sent while the database is away stays in the form with a plain message and goes once it is back; shutdown answers requests in flight", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  await withAppOnOwnDatabase(
    "story_app",
    async ({ app, origin, url, stopDatabase, startDatabase }) => {
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${origin}/inloggen`);
      await page.getByLabel("E-mailadres").fill("bewoner@demo.buurtagenda.nl");
      await page.getByLabel("Wachtwoord").fill("buurtagenda-demo");
      await page.getByRole("button", { name: "Inloggen" }).click();
      await expect(page.getByRole("link", { name: "Mijn account" })).toBeVisible();
      await page.goto(`${origin}/buurt/BU03970101/vertellen`);
      const main = page.getByRole("main");
      const text = "Het hek bij de school staat al weken open en kinderen lopen zo de weg op.";
      await main.getByLabel("Uw verhaal").fill(text);
      await main.getByRole("checkbox", { name: "Verkeer en verkeersveiligheid" }).check();
      await main.getByRole("checkbox", { name: /mag op de website komen/ }).check();

      await stopDatabase();
      await main.getByRole("button", { name: "Verhaal versturen" }).click();
      await expect(main.getByText(/Het lukt nu even niet om uw verhaal op te slaan/)).toBeVisible();
      await expect(main.getByLabel("Uw verhaal")).toHaveValue(text);
      await expect(
        main.getByRole("checkbox", { name: "Verkeer en verkeersveiligheid" }),
      ).toBeChecked();
      await expectAccessible(page);

      await startDatabase();
      await main.getByRole("button", { name: "Verhaal versturen" }).click();
      await expect(main.getByText("Dank u wel! Uw verhaal is verstuurd.")).toBeVisible();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      let agendaId: string;
      try {
        const { rows } = await client.query("SELECT status FROM story WHERE text = $1", [text]);
        expect(rows).toEqual([{ status: "submitted" }]);
        const agenda = await client.query<{ id: string }>(
          "SELECT id FROM buurtagenda WHERE title = 'Samen in de Glip (demo)'",
        );
        agendaId = agenda.rows[0]!.id;
      } finally {
        await client.end();
      }
      await page.context().close();

      // Graceful shutdown: requests in flight when SIGTERM arrives are answered in full.
      const downloads = Array.from({ length: 8 }, async () => {
        const response = await fetch(`${origin}/buurtagenda/${agendaId}/versie/1/pdf`);
        const body = Buffer.from(await response.arrayBuffer());
        return { status: response.status, pdf: body.subarray(0, 5).toString(), at: Date.now() };
      });
      await new Promise((r) => setTimeout(r, 150));
      const stoppedAt = Date.now();
      app.child.kill("SIGTERM");
      const answered = await Promise.all(downloads);
      expect(answered.map((a) => `${a.status} ${a.pdf}`)).toEqual(Array(8).fill("200 %PDF-"));
      expect(Math.max(...answered.map((a) => a.at))).toBeGreaterThan(stoppedAt);
      expect(await app.exited).toBe(0);
    },
  );
});

test("a public page is rendered once and shared with signed-out visitors for PAGE_CACHE_SECONDS, runs under a hash policy, and a write through the app shows at once", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  await withAppOnOwnDatabase(
    "cache_app",
    async ({ origin, url }) => {
      const page = `${origin}/buurt/BU03970101`;
      const get = (cookie?: string) =>
        fetch(page, {
          headers: {
            "Accept-Encoding": "gzip, deflate, br",
            ...(cookie ? { Cookie: cookie } : {}),
          },
          redirect: "manual",
        });
      const titleOf = (html: string) => /Titel (een|twee|drie)/.exec(html)?.[0];
      // A rendered page is stored once compressed, a moment after it was sent.
      const untilShared = () =>
        expect
          .poll(async () => (await get()).headers.get("age"), { timeout: 5_000 })
          .not.toBeNull();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const rename = async (from: string, to: string) =>
        (await client.query("UPDATE story SET title = $2 WHERE title = $1", [from, to])).rowCount;
      try {
        // One published demo story of the buurt gets a title found nowhere else on the page.
        const renamed = await client.query(
          "UPDATE story SET title = 'Titel een' WHERE title = 'Groen' AND buurt_code = 'BU03970101' AND status = 'published'",
        );
        expect(renamed.rowCount).toBe(1);

        const rendered = await get();
        const renderedHtml = await rendered.text();
        expect(rendered.headers.get("age")).toBeNull();
        // Compressed while it streams: gzip, cheaper per response than brotli (decision 0031).
        expect(rendered.headers.get("content-encoding")).toBe("gzip");
        await untilShared();
        const shared = await get();
        expect(shared.status).toBe(200);
        expect(shared.headers.get("age")).not.toBeNull();
        expect(shared.headers.get("x-page-cache")).toBeNull();
        expect(shared.headers.get("content-encoding")).toBe("br");
        const sharedHtml = await shared.text();
        expect(titleOf(sharedHtml)).toBe("Titel een");
        // The shared copy cannot carry a nonce meant for one response: its policy names its scripts.
        const csp = shared.headers.get("content-security-policy") ?? "";
        expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+;/);
        expect(csp).not.toContain("nonce-");
        expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
        expect(sharedHtml.length).toBe(renderedHtml.length);

        // In a browser the shared page hydrates under that policy: the map draws, nothing is blocked.
        const { context, violations } = await contextRecordingCspViolations(browser);
        const tab = await context.newPage();
        await untilShared(); // again, should the first copy have expired meanwhile
        const response = await tab.goto(page);
        expect(response!.headers()["age"]).toBeDefined();
        await expect(tab.locator(".maplibregl-canvas")).toBeVisible();
        expect(await violations(tab)).toEqual([]);
        await context.close();

        // Any write through this server (here: choosing a language) clears what it shared.
        const clearByWrite = () => writeThroughApp(origin);
        await clearByWrite();
        expect((await get()).headers.get("age")).toBeNull();
        await untilShared();

        // A change made outside this process (another server, a job) waits for the time to live;
        // a signed-in visitor and another language are never served the shared copy.
        expect(await rename("Titel een", "Titel twee")).toBe(1);
        expect(titleOf(await (await get()).text())).toBe("Titel een");
        expect(titleOf(await (await get("sessie=onbekend")).text())).toBe("Titel twee");
        const english = await get("taal=en");
        expect(english.headers.get("age")).toBeNull();
        expect(await english.text()).toContain('lang="en"');
        await new Promise((r) => setTimeout(r, 3_500));
        expect(titleOf(await (await get()).text())).toBe("Titel twee");
        // That fresh answer is stored once it has gone out; wait until it is the copy shared
        // (asking again at once could race the store and render anew on a slow machine).
        await expect
          .poll(
            async () => {
              const shared = await get();
              return shared.headers.get("age") === null ? null : titleOf(await shared.text());
            },
            { timeout: 5_000 },
          )
          .toBe("Titel twee");

        // A change through this server shows at once.
        expect(await rename("Titel twee", "Titel drie")).toBe(1);
        expect(titleOf(await (await get()).text())).toBe("Titel twee");
        await clearByWrite();
        const afterWrite = await get();
        expect(afterWrite.headers.get("age")).toBeNull();
        expect(titleOf(await afterWrite.text())).toBe("Titel drie");
      } finally {
        await client.end();
      }
    },
    // One HTTP worker: the browser's and fetch's connections must meet the same cache.
    { PAGE_CACHE_SECONDS: "3", WEB_CONCURRENCY: "1" },
  );
});

/** A write through the app that touches no data: choosing a language (any POST clears the cache). */
async function writeThroughApp(origin: string) {
  const write = await fetch(`${origin}/taal`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
    body: new URLSearchParams({ taal: "en" }),
  });
  expect(write.status).toBe(302);
}

/** A GET on a connection of its own: the primary hands each new connection to the next worker. */
function getOnNewConnection(url: string): Promise<{ status: number; age?: string; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode!, age: response.headers.age, body }),
        );
      })
      .on("error", reject);
  });
}

/** The HTTP workers the start script forked (its child processes), from /proc. */
function childProcesses(parent: number): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === parent;
      } catch {
        return false; // ended meanwhile
      }
    })
    .map(Number);
}

test("with two HTTP workers, a write through one clears the pages the other shares, and a worker that dies is replaced", async () => {
  test.setTimeout(180_000);
  await withAppOnOwnDatabase(
    "workers_app",
    async ({ app, origin, url }) => {
      const workers = childProcesses(app.child.pid!);
      expect(workers).toHaveLength(2);
      const page = `${origin}/buurt/BU03970101`;
      const titles = async (n: number) => {
        const answers = [];
        for (let i = 0; i < n; i++) answers.push(await getOnNewConnection(page));
        expect(answers.map((a) => a.status)).toEqual(Array(n).fill(200));
        return answers.map((a) => ({
          shared: a.age !== undefined,
          title: /Titel (een|twee)/.exec(a.body)?.[0],
        }));
      };
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const renamed = await client.query(
          "UPDATE story SET title = 'Titel een' WHERE title = 'Groen' AND buurt_code = 'BU03970101' AND status = 'published'",
        );
        expect(renamed.rowCount).toBe(1);
        // Both workers render the page once and then share their copy.
        await expect
          .poll(async () => (await titles(4)).every((a) => a.shared), { timeout: 10_000 })
          .toBe(true);
        await client.query("UPDATE story SET title = 'Titel twee' WHERE title = 'Titel een'");
        expect(await titles(4)).toEqual(Array(4).fill({ shared: true, title: "Titel een" }));

        // A write through one worker (a language choice, on a connection of its own) clears both.
        await writeThroughApp(origin);
        const after = await titles(4);
        expect(after.map((a) => a.title)).toEqual(Array(4).fill("Titel twee"));
      } finally {
        await client.end();
      }

      // A worker that dies is replaced; the other answers meanwhile.
      process.kill(workers[0]!, "SIGKILL");
      await waitForOutput(app, /An HTTP worker stopped \(SIGKILL\); starting a new one/);
      expect((await getOnNewConnection(`${origin}/toegankelijkheid`)).status).toBe(200);
      await expect.poll(() => childProcesses(app.child.pid!).length, { timeout: 30_000 }).toBe(2);
      expect(childProcesses(app.child.pid!)).not.toContain(workers[0]);
      await expect
        .poll(
          async () => {
            const statuses = [];
            for (let i = 0; i < 4; i++)
              statuses.push((await getOnNewConnection(`${origin}/toegankelijkheid`)).status);
            return statuses;
          },
          { timeout: 30_000 },
        )
        .toEqual([200, 200, 200, 200]);

      app.child.kill("SIGTERM");
      expect(await app.exited).toBe(0);
      expect(childProcesses(app.child.pid!)).toEqual([]);
    },
    { PAGE_CACHE_SECONDS: "60", WEB_CONCURRENCY: "2" },
  );
});
