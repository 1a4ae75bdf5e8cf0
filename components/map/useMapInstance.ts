"use client";
import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from "maplibre-gl";
import { useEffect, useState, type RefObject } from "react";
import { baseStyle } from "./baseStyle";

let workerConfigured = false;

/** Creates the MapLibre map once for the container; returns it when its style has loaded. */
export function useMapInstance(container: RefObject<HTMLDivElement | null>, initial: { lat: number; lon: number; zoom: number }) {
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [status, setStatus] = useState<"loading" | "idle" | "error">("loading");
  useEffect(() => {
    if (!container.current) return;
    if (!workerConfigured) {
      // maplibre 6 resolves its worker relative to import.meta.url, which breaks once bundled.
      setWorkerUrl("/vendor/maplibre-gl-worker.mjs");
      workerConfigured = true;
    }
    const m = new MapLibreMap({
      container: container.current,
      style: baseStyle(),
      center: [initial.lon, initial.lat],
      zoom: initial.zoom,
      attributionControl: { compact: true, customAttribution: "Natural Earth; see Sources & licences" },
      canvasContextAttributes: { preserveDrawingBuffer: true },
      dragRotate: false,
    });
    m.addControl(new NavigationControl({ showCompass: false }), "top-right");
    m.addControl(new ScaleControl({ unit: "metric" }), "bottom-left");
    m.touchZoomRotate.disableRotation();
    m.once("load", () => setMap(m));
    // The browser tests read rendered features (queryRenderedFeatures) through this handle.
    (window as unknown as { __sitingMap?: MapLibreMap }).__sitingMap = m;
    m.on("idle", () => setStatus("idle"));
    m.on("dataloading", () => setStatus((s) => (s === "error" ? s : "loading")));
    m.on("error", (e) => {
      console.error("map error", e.error);
      setStatus("error");
    });
    return () => {
      setMap(null);
      m.remove();
    };
    // The map is created once; later view changes come from the map itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return { map, status };
}
