// npm test: typecheck, lint, Vitest (unit + integration on embedded PostgreSQL), then the
// production build and Playwright end-to-end tests in Chromium. Ends with one line
// "N passed, N failed, N skipped" totalled over both runners (ARCHITECTURE.md §5).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const resultsDir = path.join(root, ".data", "test-results");
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
let stepFailed = false;

function run(
  label: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
): boolean {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  const ok = result.status === 0;
  if (!ok) {
    stepFailed = true;
    console.log(`✖ ${label} failed (exit ${result.status ?? result.signal})`);
  }
  return ok;
}

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null;
}

run("Typecheck", "npm", ["run", "--silent", "typecheck"]);
run("Lint", "npm", ["run", "--silent", "lint"]);

const vitestReport = path.join(resultsDir, "vitest.json");
run("Unit and integration tests (Vitest)", "npx", ["vitest", "run"], {
  VITEST_JSON_REPORT: vitestReport,
});
const vitest = readJson<{
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}>(vitestReport);
if (vitest) {
  total.passed += vitest.numPassedTests;
  total.failed += vitest.numFailedTests;
  total.skipped += vitest.numPendingTests + vitest.numTodoTests;
} else {
  total.failed += 1;
}

if (run("Production build", "npm", ["run", "--silent", "build"])) {
  // A fresh database for every end-to-end run.
  rmSync(path.join(root, ".data", "e2e"), { recursive: true, force: true });
  const playwrightReport = path.join(resultsDir, "playwright.json");
  run("End-to-end tests (Playwright, Chromium)", "npx", ["playwright", "test"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
  });
  const playwright = readJson<{
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  }>(playwrightReport);
  if (playwright) {
    total.passed += playwright.stats.expected + playwright.stats.flaky;
    total.failed += playwright.stats.unexpected;
    total.skipped += playwright.stats.skipped;
  } else {
    total.failed += 1;
  }
} else {
  total.failed += 1;
}

if (stepFailed && total.failed === 0) total.failed = 1;
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(stepFailed || total.failed > 0 ? 1 : 0);
