// What the HTTP page benchmarks share (bench/stories.bench.ts, bench/dashboard.bench.ts): their own
// embedded PostgreSQL under .data/<name>, migrated and seeded with the real demo data; a restart
// with pg_stat_statements; the production server (build/server/index.js through scripts/start.ts);
// sign-in through the real form; closed-loop load with concurrent clients; CPU accounting from
// /proc; and the report table compared with the p95 budget. Each bench adds its own data and
// scenarios. Not part of npm test.
//
// Environment: BENCH_REQUESTS (per scenario, default 1000), BENCH_CONCURRENCY (default 32),
// BENCH_THINK_MS (default 0) lets each client pause between its requests, like a person reading
// the page (exponential pauses with that mean): with 32 clients and 1000 ms the load is about 32
// requests a second.
// BENCH_SERVER_NODE_OPTIONS adds flags to the server's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/p"
// to see where its time goes.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { generateTOTP } from "@oslojs/otp";
import pg from "pg";
import { DEMO_TOTP_KEY } from "../app/features/auth/demo-accounts.server";
import {
  ensureDatabase,
  freePort,
  startEmbeddedCluster,
  type EmbeddedCluster,
} from "../app/shared/database/embedded-postgres.server";
import { PROJECT_ROOT, applyMigrations } from "../app/shared/database/schema-engine.server";
import { seedDatabase } from "../app/shared/database/seed.server";
import { disconnectDb } from "../app/shared/db.server";

export const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
export const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
export const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 0);
export const WARMUP_REQUESTS = Math.max(2 * CONCURRENCY, 64);
export const SINGLE_CLIENT_REQUESTS = 30;
export const SCENARIO_TIME_LIMIT_MS = 120_000;
export const REQUEST_TIMEOUT_MS = 30_000;
export const DEMO_PASSWORD = "buurtagenda-demo";

const TICK_MS = 10; // USER_HZ is 100 on Linux

export interface Scenario {
  name: string;
  path: string;
  cookie?: string;
  /** false: printed for information, not held to the budget. */
  main?: boolean;
  /** The trivial route: the framework's own floor, which each page's p50 is compared with. */
  floor?: boolean;
}
export interface Run {
  latencies: number[];
  errors: number;
  wallMs: number;
  firstError: string | null;
}
export interface TopQuery {
  calls: number;
  total_ms: number;
  mean_ms: number;
  rows: number;
  query: string;
}
export interface Result {
  scenario: Scenario;
  size: { status: number; bodyBytes: number; wireBytes: number; encoding: string };
  single: number[];
  loaded: Run;
  cpu: ReturnType<typeof cpuDelta> | null;
  top: TopQuery[];
}

/**
 * One run of an HTTP benchmark: owns the cluster, the server and the pg clients, and cleans them
 * up however the run ends.
 */
export class HttpBench {
  readonly dataDir: string;
  readonly appDataDir: string;
  readonly budgetP95Ms: number;
  cluster: EmbeddedCluster | undefined;
  server: ChildProcess | undefined;
  serverOutput = "";
  failed = false;
  private readonly clients = new Set<pg.Client>();
  private stats: pg.Client | undefined;
  private postmasterPid = 0;

  /**
   * `name` is the folder under .data: "bench-national" → .data/bench-national(-app). The database
   * folder is kept between runs (bench/national-data.ts decides when to generate it again); the
   * app's folder (mail, uploads) is new each run.
   */
  constructor(name: string, options: { budgetP95Ms: number }) {
    this.dataDir = path.join(PROJECT_ROOT, ".data", name);
    this.appDataDir = path.join(PROJECT_ROOT, ".data", `${name}-app`);
    this.budgetP95Ms = options.budgetP95Ms;
  }

  /**
   * Runs `main`, then cleans up, prints the verdict (unless `verdict: false`: nothing was held to a
   * budget) and exits (1 on a miss or a failure).
   */
  async run(main: () => Promise<void>, { verdict = true } = {}): Promise<never> {
    console.log(`Machine: ${os.cpus().length} cores, load average ${loadAverage()} (before).`);
    await rm(this.appDataDir, { recursive: true, force: true });
    process.on("SIGINT", () => void this.cleanUp().then(() => process.exit(130)));
    try {
      await main();
    } catch (error) {
      this.failed = true;
      console.error(error);
      if (this.serverOutput) console.error(`Server output:\n${this.serverOutput.slice(-4000)}`);
    } finally {
      await this.cleanUp();
      await rm(this.appDataDir, { recursive: true, force: true });
    }
    console.log(`Load average ${loadAverage()} (after).`);
    if (verdict) console.log(this.failed ? "A budget was missed." : "All budgets met.");
    else if (this.failed) console.log("Failed.");
    process.exit(this.failed ? 1 : 0);
  }

  /** A pg client that is closed on clean-up, also after a failure. */
  client(connectionString: string) {
    const c = new pg.Client({ connectionString });
    c.on("error", () => {});
    this.clients.add(c);
    return c;
  }

  /** The kept cluster with database "bench" (DATABASE_URL), migrated. */
  async startCluster() {
    this.cluster = await startEmbeddedCluster(this.dataDir);
    await ensureDatabase(this.cluster.urlFor("postgres"), "bench");
    process.env.DATABASE_URL = this.cluster.urlFor("bench");
    await applyMigrations(process.env.DATABASE_URL);
  }

  /**
   * A new cluster with database "bench" (DATABASE_URL), migrated, with the real demo territory and
   * accounts, and the demo stories and buurtagenda when `demoContent`.
   */
  async startDatabase({ demoContent }: { demoContent: boolean }) {
    await this.startCluster();
    process.env.CBS_DATA_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");
    const t0 = performance.now();
    const seed = await seedDatabase({ demoStories: demoContent });
    console.log(
      `Seeded the demo data in ${seconds(t0)} s: ${seed.territory.map((t) => `${t.gemeente} (${t.buurten} buurten)`).join(", ")}; ${seed.demoAccounts} demo accounts.`,
    );
    return seed;
  }

  /** pg_stat_statements needs a restart of the cluster (shared_preload_libraries). */
  async enableStatStatements() {
    const admin = this.client(this.cluster!.urlFor("postgres"));
    await admin.connect();
    await admin.query("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
    await admin.end();
    await this.cluster!.stop();
    this.cluster = await startEmbeddedCluster(this.dataDir);
    process.env.DATABASE_URL = this.cluster.urlFor("bench");
    this.stats = this.client(process.env.DATABASE_URL);
    await this.stats.connect();
    await this.stats.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    this.postmasterPid = Number(
      readFileSync(path.join(this.dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0],
    );
  }

  /** node --import tsx scripts/start.ts on 127.0.0.1 (`preferredPort` if free); its origin. */
  async startServer(preferredPort: number): Promise<string> {
    if (!existsSync(path.join(PROJECT_ROOT, "build/server/index.js"))) {
      throw new Error("build/server/index.js is missing: run npm run build first.");
    }
    const port = (await isPortFree(preferredPort)) ? preferredPort : await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: process.env.DATABASE_URL,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: this.appDataDir,
    };
    delete env.NODE_ENV;
    const nodeOptions = (process.env.BENCH_SERVER_NODE_OPTIONS ?? "").split(" ").filter(Boolean);
    const server = spawn(
      process.execPath,
      [...nodeOptions, "--import", "tsx", "scripts/start.ts"],
      {
        cwd: PROJECT_ROOT,
        env,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    this.server = server;
    server.stdout!.on("data", (chunk: Buffer) => (this.serverOutput += chunk.toString()));
    server.stderr!.on("data", (chunk: Buffer) => (this.serverOutput += chunk.toString()));
    await waitForServer(server, origin);
    console.log(`Server: node --import tsx scripts/start.ts on ${origin} (pid ${server.pid}).`);
    return origin;
  }

  /**
   * Each scenario: its size, a warm-up, a single-client run, then the loaded run with the
   * server's and PostgreSQL's CPU and pg_stat_statements' top queries. A scenario that does not
   * answer 200 is not measured (and fails the run).
   */
  async measure(origin: string, scenarios: Scenario[]): Promise<Result[]> {
    const stats = this.stats!;
    const serverPid = this.server!.pid!;
    const results: Result[] = [];
    for (const scenario of scenarios) {
      const size = await responseSize(origin, scenario);
      if (size.status !== 200) {
        console.log(
          `${scenario.name.trim()}: GET ${scenario.path} answered ${size.status}; not measured.`,
        );
        results.push({ scenario, size, single: [], loaded: emptyRun(), cpu: null, top: [] });
        this.failed = true;
        continue;
      }
      await runLoad(origin, scenario, WARMUP_REQUESTS, CONCURRENCY);
      const single = (await runLoad(origin, scenario, SINGLE_CLIENT_REQUESTS, 1)).latencies;
      await stats.query("SELECT pg_stat_statements_reset()");
      const before = cpuSnapshot(serverPid, this.postmasterPid);
      const loaded = await runLoad(origin, scenario, REQUESTS, CONCURRENCY);
      const cpu = cpuDelta(
        before,
        cpuSnapshot(serverPid, this.postmasterPid),
        loaded.latencies.length + loaded.errors,
      );
      const top = (
        await stats.query<TopQuery>(`
          SELECT calls::int, total_exec_time AS total_ms, mean_exec_time AS mean_ms, rows::int,
                 regexp_replace(query, '\\s+', ' ', 'g') AS query
          FROM pg_stat_statements
          WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND query NOT ILIKE '%pg_stat_statements%'
          ORDER BY total_exec_time DESC`)
      ).rows;
      results.push({ scenario, size, single, loaded, cpu, top });
      const p95 = percentile(loaded.latencies, 0.95);
      console.log(
        `  measured ${scenario.name.trim()}: ${loaded.latencies.length} requests in ${(loaded.wallMs / 1000).toFixed(1)} s, p95 ${p95.toFixed(0)} ms`,
      );
    }
    return results;
  }

  /** The table, the machine's CPU, the database's top queries and the first errors. */
  report(results: Result[]) {
    const budget = this.budgetP95Ms;
    console.log(
      `\n${REQUESTS} requests per scenario, ${CONCURRENCY} concurrent clients${THINK_MS ? `, each pausing ${THINK_MS} ms between requests` : ""} (after ${WARMUP_REQUESTS} warm-up), 127.0.0.1, Accept-Encoding gzip/br; ` +
        `"1 client" = ${SINGLE_CLIENT_REQUESTS} sequential requests; each scenario stops after ${SCENARIO_TIME_LIMIT_MS / 1000} s, a request after ${REQUEST_TIMEOUT_MS / 1000} s. ` +
        `Budget: p95 < ${budget} ms, no errors. (With ${CONCURRENCY} clients in a closed loop, p50 ≈ ${CONCURRENCY} / throughput: the budget needs ≳ ${Math.round(CONCURRENCY / (budget / 1000))} req/s.)\n`,
    );
    const floor = results.find((r) => r.scenario.floor && r.loaded.latencies.length);
    const floorP50 = floor ? percentile(floor.loaded.latencies, 0.5) : NaN;
    const header = [
      "scenario",
      "req/s",
      "p50 ms",
      "p95 ms",
      "p99 ms",
      "max ms",
      "p50 ÷ floor",
      "done",
      "errors",
      "1 client p50",
      "size (wire)",
      "server CPU/req",
      "PG CPU/req",
      "DB exec/req",
      "budget",
    ];
    const rows = results.map(({ scenario, size, single, loaded, cpu, top }) => {
      const n = loaded.latencies.length;
      const p95 = percentile(loaded.latencies, 0.95);
      const errors = loaded.errors;
      const issued = n + errors;
      const missed = n === 0 || errors > 0 || issued < REQUESTS || p95 >= budget;
      if (missed && scenario.main !== false) this.failed = true;
      const dbMs = top.reduce((sum, q) => sum + q.total_ms, 0);
      return [
        scenario.name,
        n ? ((n / loaded.wallMs) * 1000).toFixed(0) : "-",
        n ? percentile(loaded.latencies, 0.5).toFixed(0) : "-",
        n ? p95.toFixed(0) : "-",
        n ? percentile(loaded.latencies, 0.99).toFixed(0) : "-",
        n ? Math.max(...loaded.latencies).toFixed(0) : "-",
        n && floor ? `${(percentile(loaded.latencies, 0.5) / floorP50).toFixed(2)}×` : "-",
        `${issued}/${REQUESTS}`,
        String(errors),
        single.length ? percentile(single, 0.5).toFixed(0) : "-",
        `${kb(size.bodyBytes)} (${kb(size.wireBytes)} ${size.encoding})`,
        cpu ? `${cpu.serverMs.toFixed(1)} ms` : "-",
        cpu ? `${cpu.postgresMs.toFixed(1)} ms` : "-",
        issued ? `${(dbMs / issued).toFixed(1)} ms` : "-",
        missed ? (scenario.main === false ? "miss (info)" : "MISS") : "ok",
      ];
    });
    printTable(header, rows);
    if (floor)
      console.log(
        `\n"p50 ÷ floor": each p50 against the p50 of ${floor.scenario.path} (${floorP50.toFixed(0)} ms), a trivial route rendered by the same app in the same run: the framework's own floor.`,
      );
    const machine = results.filter((r) => r.cpu).map((r) => r.cpu!.machineBusyPct);
    if (machine.length)
      console.log(
        `\nMachine CPU busy during the measured runs: ${Math.min(...machine).toFixed(0)}–${Math.max(...machine).toFixed(0)} % of ${os.cpus().length} cores (server, PostgreSQL, this client and everything else on the machine).`,
      );

    console.log(
      "\nDatabase time per scenario (pg_stat_statements, measured runs; top 5 by total):",
    );
    for (const { scenario, loaded, top } of results) {
      const n = loaded.latencies.length + loaded.errors;
      if (!n) continue;
      console.log(`  ${scenario.name.trim()} (${scenario.path}):`);
      for (const q of top.slice(0, 5)) {
        console.log(
          `    ${(q.total_ms / n).toFixed(2).padStart(6)} ms/req  mean ${q.mean_ms.toFixed(2).padStart(6)} ms  ${(q.calls / n).toFixed(1)}×/req  ${q.query.slice(0, 150)}`,
        );
      }
    }
    if (results.some((r) => r.loaded.errors > 0)) {
      console.log("\nErrors (first per scenario):");
      for (const r of results)
        if (r.loaded.firstError) console.log(`  ${r.scenario.name.trim()}: ${r.loaded.firstError}`);
    }
  }

  private async cleanUp() {
    for (const c of this.clients) await c.end().catch(() => {});
    this.clients.clear();
    const server = this.server;
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      const timer = setTimeout(() => server.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    }
    await disconnectDb().catch(() => {});
    await this.cluster?.stop().catch(() => {});
    this.cluster = undefined;
  }
}

// ─── Load ─────────────────────────────────────────────────────────────────────────────────────

function emptyRun(): Run {
  return { latencies: [], errors: 0, wallMs: 0, firstError: null };
}

export function headersFor(scenario: Scenario): Record<string, string> {
  return {
    "Accept-Encoding": "gzip, deflate, br",
    Accept: scenario.path.includes(".data")
      ? "*/*"
      : "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Language": "nl-NL,nl;q=0.9",
    ...(scenario.cookie ? { Cookie: scenario.cookie } : {}),
  };
}

/**
 * One request as a load generator makes it (like autocannon): a kept-alive connection, and the body
 * read to its end as sent, without decoding it. A browser decompresses on its own machine; here the
 * client shares the server's two cores, and decoding 400 KB of brotli per request in this process
 * would measure the client instead of the server.
 */
function timedRequest(
  url: URL,
  headers: Record<string, string>,
  agent: http.Agent,
): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, agent, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      res.on("data", () => {});
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }),
      );
      res.on("error", reject);
    });
    request.on("timeout", () =>
      request.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS} ms`)),
    );
    request.on("error", reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A client's pauses between requests: exponential with mean THINK_MS, as people's reading times
 * are, so 32 clients do not click in step (a fixed pause sends all 32 requests in the same
 * instant, every second: a closed loop in bursts). Seeded per client (mulberry32), so two runs
 * pause alike.
 */
function thinkTimes(client: number): () => number {
  let state = (0x9e3779b9 * (client + 1)) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const uniform = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return -Math.log(1 - uniform) * THINK_MS;
  };
}

/** `count` requests by `clients` concurrent loops, bounded in time; latency includes the body. */
export async function runLoad(
  origin: string,
  scenario: Scenario,
  count: number,
  clients: number,
): Promise<Run> {
  const run = emptyRun();
  const headers = headersFor(scenario);
  const url = new URL(origin + scenario.path);
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const started = performance.now();
  let issued = 0;
  const thinking = clients > 1 && THINK_MS > 0;
  const loop = async (client: number) => {
    const think = thinkTimes(client);
    // Clients that think start spread over one think time, not all at once.
    if (thinking) await sleep(think());
    while (issued < count && performance.now() - started < SCENARIO_TIME_LIMIT_MS) {
      issued++;
      try {
        const { status, ms } = await timedRequest(url, headers, agent);
        if (status === 200) run.latencies.push(ms);
        else {
          run.errors++;
          run.firstError ??= `HTTP ${status}`;
        }
      } catch (error) {
        run.errors++;
        run.firstError ??= String(error);
      }
      // Only the loaded runs think; the single-client run measures one request after another.
      if (thinking) await sleep(think());
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, client) => loop(client)));
  run.wallMs = performance.now() - started;
  agent.destroy();
  return run;
}

/** The size of one response: decoded, and as sent over the wire with the negotiated encoding. */
function responseSize(origin: string, scenario: Scenario): Promise<Result["size"]> {
  return new Promise((resolve, reject) => {
    const request = http.get(origin + scenario.path, { headers: headersFor(scenario) }, (res) => {
      let wireBytes = 0;
      res.on("data", (chunk: Buffer) => (wireBytes += chunk.length));
      res.on("end", () => {
        void fetch(origin + scenario.path, { headers: headersFor(scenario), redirect: "manual" })
          .then(async (r) => ({ status: r.status, body: await r.arrayBuffer() }))
          .then(({ status, body }) =>
            resolve({
              status: res.statusCode === 200 ? status : (res.statusCode ?? 0),
              bodyBytes: body.byteLength,
              wireBytes,
              encoding: String(res.headers["content-encoding"] ?? "identity"),
            }),
          )
          .catch(reject);
      });
    });
    request.on("error", reject);
  });
}

async function waitForServer(server: ChildProcess, origin: string) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited (${server.exitCode}).`);
    try {
      const response = await fetch(`${origin}/`, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("The server did not answer within 180 s.");
}

/**
 * A form POST as a browser without JavaScript sends it, with Origin and Sec-Fetch-Site:
 * same-origin, as app/shared/csrf.ts requires. The body is read, so the connection is free.
 */
async function postForm(
  origin: string,
  path: string,
  fields: Record<string, string>,
  cookie?: string,
): Promise<Response> {
  const response = await fetch(`${origin}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: origin,
      "Sec-Fetch-Site": "same-origin",
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: new URLSearchParams(fields),
  });
  await response.arrayBuffer();
  return response;
}

/** Signs in through the real form (and the second step for staff); returns the cookie. */
export async function signIn(origin: string, email: string): Promise<string> {
  const response = await postForm(origin, "/inloggen", {
    email,
    password: DEMO_PASSWORD,
    redirectTo: "",
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("sessie=") && c.length > "sessie=".length);
  if (!cookie) throw new Error(`Sign-in as ${email} failed (HTTP ${response.status}).`);
  const next = response.headers.get("Location") ?? "";
  if (next.startsWith("/inloggen/tweede-stap")) {
    // Staff demo accounts: the code an authenticator app holding the demo key shows.
    const step = await postForm(
      origin,
      "/inloggen/tweede-stap",
      { intent: "totp", code: generateTOTP(DEMO_TOTP_KEY, 30, 6) },
      cookie,
    );
    if (step.status !== 302 && step.status !== 303) {
      throw new Error(`The second step for ${email} failed (HTTP ${step.status}).`);
    }
  } else if (next.startsWith("/account/tweestapsverificatie")) {
    throw new Error(`${email} must set up two-step verification first.`);
  }
  return cookie;
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = http.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

// ─── CPU accounting from /proc ────────────────────────────────────────────────────────────────

function processTicks(pid: number): { ppid: number; ticks: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

function cpuSnapshot(serverPid: number, postmasterPid: number) {
  // The postmaster and its children (backends, background workers).
  const postgres = new Map<number, number>([
    [postmasterPid, processTicks(postmasterPid)?.ticks ?? 0],
  ]);
  // The start script's primary process and its HTTP workers (decision 0034).
  const server = new Map<number, number>([[serverPid, processTicks(serverPid)?.ticks ?? 0]]);
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const info = processTicks(pid);
    if (info?.ppid === postmasterPid) postgres.set(pid, info.ticks);
    if (info?.ppid === serverPid) server.set(pid, info.ticks);
  }
  const [, ...cpu] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
  const all = cpu.map(Number);
  const idle = all[3]! + (all[4] ?? 0);
  const total = all.reduce((a, b) => a + b, 0);
  return { server, postgres, busy: total - idle, total };
}

/** CPU per request; a process that ended during the run is not counted (pools keep theirs). */
function cpuDelta(
  before: ReturnType<typeof cpuSnapshot>,
  after: ReturnType<typeof cpuSnapshot>,
  requests: number,
) {
  const spent = (was: Map<number, number>, now: Map<number, number>) => {
    let ticks = 0;
    for (const [pid, at] of now) ticks += at - (was.get(pid) ?? 0);
    return ticks;
  };
  const n = Math.max(1, requests);
  const postgres = spent(before.postgres, after.postgres);
  return {
    serverMs: (spent(before.server, after.server) * TICK_MS) / n,
    postgresMs: (postgres * TICK_MS) / n,
    machineBusyPct: (100 * (after.busy - before.busy)) / Math.max(1, after.total - before.total),
  };
}

// ─── Formatting ───────────────────────────────────────────────────────────────────────────────

export function percentile(values: number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

export function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of rows) console.log(line(row));
}

export function loadAverage() {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");
}

export function seconds(since: number) {
  return ((performance.now() - since) / 1000).toFixed(1);
}

export function fmt(n: number) {
  return n.toLocaleString("en-US");
}

export function kb(bytes: number) {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

/** A SQL array literal of text values, for generate_series data. */
export const sqlArray = (values: string[]) =>
  `ARRAY[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ")}]`;
