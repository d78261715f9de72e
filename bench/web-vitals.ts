// Core Web Vitals of the resident pages (ARCHITECTURE.md §7, issue 10): Lighthouse from npm
// against Debian's Chromium, with Lighthouse's default mobile emulation (a mid-range phone's
// screen, 4× slower CPU, simulated slow 4G). Budget: LCP ≤ 2.5 s, CLS ≤ 0.1, TBT ≤ 200 ms and an
// accessibility score of 100; each page's figures from the median of VITALS_RUNS runs. Run by
// npm run bench after the load, against the same server and data; `npm run bench:vitals` runs
// only this part.
import http from "node:http";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Result } from "lighthouse";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";
import { CHROMIUM_ARGS, findChromium } from "../tests/support/chromium";
import { printTable } from "./support";

export const WEB_VITALS_BUDGET = { lcpMs: 2500, cls: 0.1, tbtMs: 200, accessibility: 100 };

/**
 * Lighthouse runs per page; the page's figures are those of the median run, chosen the way
 * Lighthouse's own tooling does (computeMedianRun: nearest the median FCP and time to
 * interactive). One run varies by about ±0.1 s of LCP on this machine.
 */
export const VITALS_RUNS = Number(process.env.BENCH_VITALS_RUNS ?? 3);

export interface ResidentPage {
  name: string;
  path: string;
}

export interface WebVitals {
  page: ResidentPage;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  fcpMs: number;
  /** The document's time to first byte as Lighthouse observed it: Lantern builds LCP on it. */
  ttfbMs: number;
  /** 0–100, as Lighthouse shows it. */
  accessibility: number;
  performance: number;
  /** Accessibility audits that failed, by id: what to fix when the score is below 100. */
  failedAccessibility: string[];
  lighthouseVersion: string;
  /** LCP of the fastest and the slowest run. */
  lcpRangeMs: [number, number];
}

/**
 * Lighthouse on each page, one after another, each in a fresh Chromium: a reused browser
 * sometimes loses the trace of the next page (NO_NAVSTART). A run that fails that way is repeated
 * once; a second failure is an error.
 */
export async function measureWebVitals(
  origin: string,
  pages: ResidentPage[],
): Promise<WebVitals[]> {
  const results: WebVitals[] = [];
  for (const page of pages) {
    await warmUp(origin + page.path);
    const runs: Result[] = [];
    for (let run = 0; run < VITALS_RUNS; run++) {
      try {
        runs.push(await lighthouseOn(origin, page));
      } catch (error) {
        console.log(`  Lighthouse again on ${page.path}: ${(error as Error).message}`);
        runs.push(await lighthouseOn(origin, page));
      }
    }
    const lcps = runs.map((lhr) => lhr.audits["largest-contentful-paint"]!.numericValue!);
    results.push({
      ...vitalsOf(page, computeMedianRun(runs)),
      lcpRangeMs: [Math.min(...lcps), Math.max(...lcps)],
    });
  }
  return results;
}

/**
 * Renders the page a few times on every HTTP worker first (a cookie keeps the renders out of the
 * page cache, so Lighthouse's own visit still renders it): a worker's first render of a route
 * loads and compiles its code, and Lantern adds that observed wait to LCP. A server that has run
 * for a while has done this; the number would otherwise measure the start of the process.
 */
async function warmUp(url: string): Promise<void> {
  for (let i = 0; i < 8; i++) {
    await new Promise<void>((resolve, reject) => {
      // A connection of its own each time: the primary hands the next one to the next worker.
      http
        .get(url, { agent: false, headers: { Cookie: "bench=warm-up" } }, (response) => {
          response.resume();
          response.on("end", resolve);
        })
        .on("error", reject);
    });
  }
}

async function lighthouseOn(origin: string, page: ResidentPage): Promise<Result> {
  const chrome = await chromeLauncher.launch({
    chromePath: findChromium(),
    // Lighthouse's own headless mode; the flags keep Chromium off the closed network (§5).
    chromeFlags: ["--headless=new", ...CHROMIUM_ARGS],
    logLevel: "silent",
  });
  try {
    const runner = await lighthouse(origin + page.path, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility"],
    });
    if (!runner) throw new Error(`Lighthouse returned nothing for ${page.path}.`);
    const { lhr } = runner;
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    for (const id of [
      "largest-contentful-paint",
      "cumulative-layout-shift",
      "total-blocking-time",
      "first-contentful-paint",
      "server-response-time",
      "interactive",
    ]) {
      if (lhr.audits[id]?.numericValue === undefined) throw new Error(`No ${id} for ${page.path}.`);
    }
    return lhr;
  } finally {
    chrome.kill();
  }
}

function vitalsOf(page: ResidentPage, lhr: Result): Omit<WebVitals, "lcpRangeMs"> {
  const value = (id: string) => lhr.audits[id]!.numericValue!;
  const accessibility = lhr.categories.accessibility!;
  return {
    page,
    lcpMs: value("largest-contentful-paint"),
    cls: value("cumulative-layout-shift"),
    tbtMs: value("total-blocking-time"),
    fcpMs: value("first-contentful-paint"),
    ttfbMs: value("server-response-time"),
    accessibility: Math.round((accessibility.score ?? 0) * 100),
    performance: Math.round((lhr.categories.performance!.score ?? 0) * 100),
    failedAccessibility: accessibility.auditRefs
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score === 0)
      .map((ref) => ref.id),
    lighthouseVersion: lhr.lighthouseVersion,
  };
}

export function withinBudget(v: WebVitals): boolean {
  const b = WEB_VITALS_BUDGET;
  return (
    v.lcpMs <= b.lcpMs && v.cls <= b.cls && v.tbtMs <= b.tbtMs && v.accessibility >= b.accessibility
  );
}

/** Prints the table; true when every page is within the budget. */
export function reportWebVitals(results: WebVitals[]): boolean {
  const b = WEB_VITALS_BUDGET;
  console.log(
    `\nCore Web Vitals per resident page (Lighthouse ${results[0]?.lighthouseVersion ?? ""}, mobile emulation with simulated slow 4G and 4× CPU slowdown, signed out, median of ${VITALS_RUNS} runs; budget LCP ≤ ${b.lcpMs / 1000} s, CLS ≤ ${b.cls}, TBT ≤ ${b.tbtMs} ms, accessibility ${b.accessibility}):\n`,
  );
  printTable(
    [
      "page",
      "LCP",
      "LCP of the runs",
      "FCP",
      "TTFB",
      "CLS",
      "TBT",
      "accessibility",
      "performance score",
      "budget",
    ],
    results.map((v) => [
      `${v.page.name} (${v.page.path.length > 40 ? `${v.page.path.slice(0, 38)}…` : v.page.path})`,
      `${(v.lcpMs / 1000).toFixed(2)} s`,
      `${(v.lcpRangeMs[0] / 1000).toFixed(2)}–${(v.lcpRangeMs[1] / 1000).toFixed(2)} s`,
      `${(v.fcpMs / 1000).toFixed(2)} s`,
      `${Math.round(v.ttfbMs)} ms`,
      v.cls.toFixed(3),
      `${Math.round(v.tbtMs)} ms`,
      String(v.accessibility),
      String(v.performance),
      withinBudget(v) ? "ok" : "MISS",
    ]),
  );
  for (const v of results) {
    if (v.failedAccessibility.length) {
      console.log(
        `  ${v.page.name}: accessibility audits failed: ${v.failedAccessibility.join(", ")}`,
      );
    }
  }
  return results.every(withinBudget);
}
