import { defineConfig } from "vitest/config";

// Unit tests sit beside the code; integration tests (tests/integration) each get their own
// database cloned from a migrated template on one embedded PostgreSQL (tests/support).
export default defineConfig({
  test: {
    include: ["app/**/*.test.{ts,tsx}", "tests/integration/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    reporters: process.env.VITEST_JSON_REPORT
      ? ["default", ["json", { outputFile: process.env.VITEST_JSON_REPORT }]]
      : ["default"],
  },
});
