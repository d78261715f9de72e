// The JavaScript a resident page makes the browser download before it works (ARCHITECTURE.md §7:
// < 150 KB gzip; the map's code only where a map is shown): from the production build's route
// manifest, the entry, the root route and the page's route module with their static imports,
// each file gzipped at the level the server compresses with (zlib's default). Dynamic imports
// (the MapLibre library) load later, only where a map is shown, and are reported apart.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { PROJECT_ROOT } from "../app/shared/database/schema-engine.server";
import { printTable } from "./support";

export const FIRST_LOAD_BUDGET_BYTES = 150 * 1024;

/** The pages residents open (DOMAIN.md §3): held to the budget by npm run bench and site.spec.ts. */
export const RESIDENT_PAGES = [
  "routes/home",
  "routes/gemeente",
  "routes/buurt",
  "routes/buurt-vertellen",
  "routes/buurtagenda",
  "routes/buurtagenda-versie",
  "routes/mijn-verhalen",
  "routes/mijn-verhaal-bewerken",
  "routes/goede-voorbeelden",
  "routes/account",
  "routes/registreren",
  "routes/inloggen",
];

interface ManifestEntry {
  module: string;
  imports?: string[];
}
interface Manifest {
  entry: ManifestEntry;
  routes: Record<string, ManifestEntry & { parentId?: string }>;
}

const CLIENT_DIR = path.join(PROJECT_ROOT, "build/client");

function readManifest(): Manifest {
  const assets = path.join(CLIENT_DIR, "assets");
  const file = readdirSync(assets).find((name) => /^manifest-.*\.js$/.test(name));
  if (!file) throw new Error("No route manifest in build/client/assets: run npm run build first.");
  const text = readFileSync(path.join(assets, file), "utf8");
  return JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as Manifest;
}

const gzipped = new Map<string, number>();
function gzipBytes(url: string): number {
  let size = gzipped.get(url);
  if (size === undefined) {
    size = zlib.gzipSync(readFileSync(path.join(CLIENT_DIR, url))).length;
    gzipped.set(url, size);
  }
  return size;
}

export interface FirstLoad {
  route: string;
  files: number;
  gzip: number;
  mapOnFirstLoad: boolean;
}

export function firstLoad(routeIds: string[]): FirstLoad[] {
  const manifest = readManifest();
  return routeIds.map((id) => {
    const chain: ManifestEntry[] = [manifest.entry];
    for (let route = manifest.routes[id]; route; route = manifest.routes[route.parentId ?? ""]) {
      chain.push(route);
      if (!route.parentId) break;
    }
    if (chain.length === 1) throw new Error(`No route ${id} in the build's manifest.`);
    const files = new Set(chain.flatMap((e) => [e.module, ...(e.imports ?? [])]));
    return {
      route: id,
      files: files.size,
      gzip: [...files].reduce((sum, url) => sum + gzipBytes(url), 0),
      mapOnFirstLoad: [...files].some((url) => /maplibre|map-canvas/i.test(url)),
    };
  });
}

/** Prints the table; true when every page is within the budget and loads no map code up front. */
export function reportFirstLoad(routeIds: string[] = RESIDENT_PAGES): boolean {
  const loads = firstLoad(routeIds);
  console.log(
    `\nJavaScript on first load per resident page (gzip, from the build's manifest; budget < ${FIRST_LOAD_BUDGET_BYTES / 1024} KB, no map library up front):\n`,
  );
  let ok = true;
  printTable(
    ["route", "files", "gzip", "map library", "budget"],
    loads.map((load) => {
      const within = load.gzip < FIRST_LOAD_BUDGET_BYTES && !load.mapOnFirstLoad;
      ok &&= within;
      return [
        load.route,
        String(load.files),
        `${(load.gzip / 1024).toFixed(1)} KB`,
        load.mapOnFirstLoad ? "on first load" : "later, if a map is shown",
        within ? "ok" : "MISS",
      ];
    }),
  );
  return ok;
}
