import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/**
 * Playwright cannot download its own browsers on closed build networks, so we use Debian's
 * Chromium (ARCHITECTURE.md §5): an explicit env var first, then /usr/bin/chromium, then
 * Playwright's own build if one happens to be installed.
 */
export function findChromium(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    safe(() => chromium.executablePath()),
  ].filter((c): c is string => Boolean(c));
  const found = candidates.find((c) => existsSync(c));
  if (!found) {
    throw new Error(
      "No Chromium found for the end-to-end tests. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.",
    );
  }
  return found;
}

function safe(get: () => string): string | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  // Software WebGL, so MapLibre can draw without a GPU.
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
];
