import { Suspense, lazy, useEffect, useState } from "react";
import type { FeatureCollection } from "geojson";
import { useText } from "../../shared/i18n/i18n";
import type { BoundingBox } from "./geo";
import { territoryMessages } from "./territory.messages";

// The map is an extra next to the list of buurten, never the only way in. Its code (MapLibre,
// ~200 KB gzip) is loaded only on pages that show a map and only in the browser. On a wide screen
// it starts at once; on a phone it starts when the resident asks for it (decision 0032): starting
// it there costs about a second of main-thread work (Lighthouse, 4× CPU slowdown: 1.1–1.6 s of
// blocking time on the map pages) and its code, data and tiles on a slow connection.
const MapCanvas = lazy(() => import("./map-canvas.client"));
export const MAP_STARTS_AT_ONCE = "(min-width: 48em)";

export interface AreaMapProps {
  areas: FeatureCollection;
  bbox: BoundingBox;
  label: string;
  caption: string;
  unavailableText: string;
  loadingText: string;
  /** Optional base map style URL (env MAP_STYLE_URL); by default only our own polygons are drawn. */
  baseStyleUrl?: string | null;
  /** Fill each area with the `colour` property of its feature (a choropleth). */
  coloured?: boolean;
  /**
   * Points to mark on top of the areas (stories, initiatives), clustered where they crowd. Each has
   * a `title` property, optionally an `id` and an `href` for the popup's link.
   */
  points?: FeatureCollection;
  /** Where the map fetches its points (GeoJSON) instead of `points`: keeps large sets off the page. */
  pointsUrl?: string;
  /** Texts for the pins: `cluster` with {count}, `open` for the popup's link. */
  pointLabels?: { cluster: string; open: string };
  /** Clicking the map writes the point into these inputs (the inputs remain usable without it). */
  pick?: { lonInputId: string; latInputId: string };
}

export function AreaMap(props: AreaMapProps) {
  const t = useText(territoryMessages);
  const [started, setStarted] = useState(false);
  useEffect(() => {
    if (typeof window.matchMedia !== "function" || window.matchMedia(MAP_STARTS_AT_ONCE).matches) {
      setStarted(true);
    }
  }, []);
  // Before it starts, CSS shows the "loading" line on a wide screen and the button on a small
  // one, already in the server's HTML: nothing moves when the page hydrates (no layout shift).
  return (
    <figure className="area-map">
      <div className={`area-map__canvas${started ? " area-map__canvas--started" : ""}`}>
        {started ? (
          <Suspense fallback={<p className="utrecht-paragraph">{props.loadingText}</p>}>
            <MapCanvas {...props} />
          </Suspense>
        ) : (
          <>
            <p className="utrecht-paragraph area-map__loading">{props.loadingText}</p>
            <div className="area-map__ask stack">
              <button
                type="button"
                className="utrecht-button utrecht-button--secondary-action"
                onClick={() => setStarted(true)}
              >
                {t("mapShow")}
              </button>
              <p className="utrecht-paragraph">{t("mapShowHint")}</p>
            </div>
          </>
        )}
      </div>
      <figcaption>{props.caption}</figcaption>
    </figure>
  );
}
