import { Suspense, lazy, useEffect, useState } from "react";
import type { FeatureCollection } from "geojson";
import type { BoundingBox } from "./geo";

// The map is an extra next to the list of buurten, never the only way in. Its code (MapLibre,
// ~200 KB gzip) is loaded only on pages that show a map, and only in the browser.
const MapCanvas = lazy(() => import("./map-canvas.client"));

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
  const [inBrowser, setInBrowser] = useState(false);
  useEffect(() => setInBrowser(true), []);
  return (
    <figure className="area-map">
      <div className="area-map__canvas">
        {inBrowser ? (
          <Suspense fallback={<p className="utrecht-paragraph">{props.loadingText}</p>}>
            <MapCanvas {...props} />
          </Suspense>
        ) : (
          <p className="utrecht-paragraph">{props.loadingText}</p>
        )}
      </div>
      <figcaption>{props.caption}</figcaption>
    </figure>
  );
}
