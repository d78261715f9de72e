import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./tests/support/chromium";

// End-to-end tests against the production build, served by the same start script as `npm start`,
// on its own embedded PostgreSQL and a real SMTP server that captures the mail.
const appPort = Number(process.env.E2E_PORT ?? 3210);
const mailPort = Number(process.env.E2E_MAIL_PORT ?? 2526);
// E2E_DATA_DIR lets a second run (another worktree user) use its own database beside this one.
export const E2E_DATA_DIR = path.resolve(process.env.E2E_DATA_DIR ?? ".data/e2e");
export const E2E_MAIL_DIR = path.join(E2E_DATA_DIR, "captured-mail");

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${appPort}`,
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    trace: "off",
  },
  webServer: [
    {
      command: "node --import tsx tests/support/mail-catcher.ts",
      port: mailPort,
      env: { MAIL_CATCHER_PORT: String(mailPort), MAIL_CATCHER_DIR: E2E_MAIL_DIR },
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      command: "node --import tsx scripts/start.ts",
      url: `http://localhost:${appPort}/toegankelijkheid`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: {
        PORT: String(appPort),
        HOST: "127.0.0.1",
        DATA_DIR: E2E_DATA_DIR,
        DATABASE_URL: "",
        SMTP_URL: `smtp://127.0.0.1:${mailPort}`,
        MAIL_FROM: "Buurtagenda <noreply@buurtagenda.test>",
        // Tests write to the database directly and then look; the page cache has its own spec.
        PAGE_CACHE_SECONDS: "0",
      },
    },
  ],
});
