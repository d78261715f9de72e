import { useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import * as maplibregl from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import type { StyleSpecification } from "maplibre-gl";
import type { FeatureCollection } from "geojson";
import type { AreaMapProps } from "./area-map";

// MapLibre 6 runs its tile work in a separate worker file that the bundler must serve.
maplibregl.setWorkerUrl(workerUrl);

const AREA_FILL = "#0b5394";
const AREA_LINE = "#08355f";

/** Works offline: our own buurt polygons on a plain background, no tiles, no token. */
function offlineStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: "background", type: "background", paint: { "background-color": "#f3f3f3" } }],
  };
}

const POINT_COLOUR = "#a34700";

/**
 * Pins as buttons (HTML markers), so a keyboard and a screen reader reach them, with their counts
 * when they cluster: the offline style has no glyphs to draw text in the canvas. A popup shows the
 * title as text (textContent, never HTML: it is what a resident typed).
 */
function showPoints(
  map: maplibregl.Map,
  points: FeatureCollection,
  clusterLabel: string,
  openLabel: string,
) {
  map.addSource("points", {
    type: "geojson",
    data: points,
    cluster: true,
    clusterRadius: 44,
    clusterMaxZoom: 17,
  });
  // Invisible: it only keeps the source's (clustered) features queryable for the markers.
  map.addLayer({
    id: "points-source",
    type: "circle",
    source: "points",
    paint: { "circle-radius": 1, "circle-opacity": 0 },
  });
  const markers = new Map<string, maplibregl.Marker>();
  const popup = new maplibregl.Popup({ closeButton: true, offset: 14, maxWidth: "260px" });

  const clusterMarker = (clusterId: number, count: number, at: [number, number]) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "map-cluster";
    button.textContent = String(count);
    button.setAttribute("aria-label", clusterLabel.replace("{count}", String(count)));
    button.addEventListener("click", (event) => {
      event.stopPropagation();
      const source = map.getSource("points") as maplibregl.GeoJSONSource;
      void source
        .getClusterExpansionZoom(clusterId)
        .then((zoom) => map.easeTo({ center: at, zoom }));
    });
    return new maplibregl.Marker({ element: button }).setLngLat(at);
  };

  const pinMarker = (properties: Record<string, unknown>, at: [number, number]) => {
    const title = typeof properties.title === "string" ? properties.title : "";
    // A story listed on this page gets a link to it; the others show only their title.
    const anchor = typeof properties.id === "string" ? `verhaal-${properties.id}` : "";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "map-pin";
    button.setAttribute("aria-label", title);
    button.addEventListener("click", (event) => {
      event.stopPropagation();
      const content = document.createElement("div");
      content.className = "map-popup";
      const heading = document.createElement("p");
      heading.className = "map-popup__title";
      heading.textContent = title;
      content.append(heading);
      if (anchor && openLabel && document.getElementById(anchor)) {
        const link = document.createElement("a");
        link.href = `#${anchor}`;
        link.textContent = openLabel;
        content.append(link);
      }
      popup.setLngLat(at).setDOMContent(content).addTo(map);
    });
    return new maplibregl.Marker({ element: button }).setLngLat(at);
  };

  const sync = () => {
    const seen = new Set<string>();
    for (const feature of map.querySourceFeatures("points")) {
      const properties = (feature.properties ?? {}) as Record<string, unknown>;
      const at = (feature.geometry as unknown as { coordinates: [number, number] }).coordinates;
      const clustered = typeof properties.cluster_id === "number";
      const key = clustered
        ? `cluster-${String(properties.cluster_id)}`
        : `pin-${String(properties.id ?? at.join(","))}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (markers.has(key)) continue;
      const marker = clustered
        ? clusterMarker(properties.cluster_id as number, Number(properties.point_count), at)
        : pinMarker(properties, at);
      markers.set(key, marker.addTo(map));
    }
    for (const [key, marker] of markers) {
      if (!seen.has(key)) {
        marker.remove();
        markers.delete(key);
      }
    }
  };
  map.on("sourcedata", (event) => {
    if (event.sourceId === "points" && map.isSourceLoaded("points")) sync();
  });
  map.on("moveend", sync);
}

export default function MapCanvas({
  areas,
  bbox,
  label,
  unavailableText,
  baseStyleUrl,
  points,
  pointsUrl,
  pointLabels,
  pick,
  coloured,
}: AreaMapProps) {
  const clusterLabel = pointLabels?.cluster ?? "{count}";
  const openLabel = pointLabels?.open ?? "";
  const container = useRef<HTMLDivElement>(null);
  // Primitive ids, so that a new `pick` object on each render does not rebuild the map.
  const lonInputId = pick?.lonInputId;
  const latInputId = pick?.latInputId;
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!container.current) return;
    let map: maplibregl.Map;
    let cancelled = false;
    try {
      map = new maplibregl.Map({
        container: container.current,
        style: baseStyleUrl ?? offlineStyle(),
        bounds: [bbox.west, bbox.south, bbox.east, bbox.north],
        fitBoundsOptions: { padding: 24 },
        attributionControl: false,
        cooperativeGestures: true,
      });
    } catch {
      // No WebGL (old device, some privacy settings): the list on the page still works.
      setFailed(true);
      return;
    }
    map.getCanvas().setAttribute("aria-label", label);
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }));
    map.on("load", () => {
      map.addSource("areas", { type: "geojson", data: areas });
      map.addLayer({
        id: "areas-fill",
        type: "fill",
        source: "areas",
        paint: coloured
          ? { "fill-color": ["coalesce", ["get", "colour"], AREA_FILL], "fill-opacity": 0.85 }
          : { "fill-color": AREA_FILL, "fill-opacity": 0.25 },
      });
      map.addLayer({
        id: "areas-line",
        type: "line",
        source: "areas",
        paint: { "line-color": AREA_LINE, "line-width": 1.5 },
      });
      if (points) showPoints(map, points, clusterLabel, openLabel);
      if (pointsUrl) {
        // The pins come after the areas; a failed fetch leaves the map (and the list) as it is.
        void fetch(pointsUrl, { headers: { Accept: "application/json" } })
          .then((response) =>
            response.ok ? (response.json() as Promise<FeatureCollection>) : null,
          )
          .then((fetched) => {
            if (fetched && !cancelled) showPoints(map, fetched, clusterLabel, openLabel);
          })
          .catch(() => {});
      }
      // Lets tests (and assistive tooling) see that the polygons are drawn, not just the canvas.
      map.once("idle", () => container.current?.setAttribute("data-state", "ready"));
    });
    const picking = Boolean(lonInputId && latInputId);
    const linksToBuurten = !picking && areas.features.length > 1;
    if (lonInputId && latInputId) {
      const marker = new maplibregl.Marker({ color: POINT_COLOUR });
      map.on("click", (event: maplibregl.MapMouseEvent) => {
        marker.setLngLat(event.lngLat).addTo(map);
        const write = (id: string, value: number) => {
          const input = document.getElementById(id);
          if (input instanceof HTMLInputElement) input.value = value.toFixed(6);
        };
        write(lonInputId, event.lngLat.lng);
        write(latInputId, event.lngLat.lat);
      });
      map.getCanvas().style.cursor = "crosshair";
    }
    map.on("click", "areas-fill", (event: maplibregl.MapLayerMouseEvent) => {
      const code = event.features?.[0]?.properties?.code;
      if (typeof code === "string" && linksToBuurten) void navigate(`/buurt/${code}`);
    });
    map.on("mouseenter", "areas-fill", () => {
      if (linksToBuurten) map.getCanvas().style.cursor = "pointer";
    });
    map.on("mouseleave", "areas-fill", () => {
      map.getCanvas().style.cursor = picking ? "crosshair" : "";
    });
    return () => {
      cancelled = true;
      map.remove();
    };
  }, [
    areas,
    bbox,
    label,
    baseStyleUrl,
    navigate,
    points,
    pointsUrl,
    clusterLabel,
    openLabel,
    lonInputId,
    latInputId,
    coloured,
  ]);

  if (failed) return <p className="utrecht-paragraph">{unavailableText}</p>;
  return <div ref={container} style={{ width: "100%", height: "100%" }} data-testid="area-map" />;
}
