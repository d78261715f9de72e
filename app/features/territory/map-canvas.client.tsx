import { useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import * as maplibregl from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import type { StyleSpecification } from "maplibre-gl";
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

export default function MapCanvas({
  areas,
  bbox,
  label,
  unavailableText,
  baseStyleUrl,
  points,
  pick,
  coloured,
}: AreaMapProps) {
  const container = useRef<HTMLDivElement>(null);
  // Primitive ids, so that a new `pick` object on each render does not rebuild the map.
  const lonInputId = pick?.lonInputId;
  const latInputId = pick?.latInputId;
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!container.current) return;
    let map: maplibregl.Map;
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
      if (points) {
        map.addSource("points", { type: "geojson", data: points });
        map.addLayer({
          id: "points-circle",
          type: "circle",
          source: "points",
          paint: {
            "circle-radius": 7,
            "circle-color": POINT_COLOUR,
            "circle-stroke-color": "#ffffff",
            "circle-stroke-width": 2,
          },
        });
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
    return () => map.remove();
  }, [areas, bbox, label, baseStyleUrl, navigate, points, lonInputId, latInputId, coloured]);

  if (failed) return <p className="utrecht-paragraph">{unavailableText}</p>;
  return <div ref={container} style={{ width: "100%", height: "100%" }} data-testid="area-map" />;
}
