"use client";
import { Map as MapLibreMap, setWorkerUrl, type MapMouseEvent } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import { useEffect, useRef, useState } from "react";
import { baseStyle } from "./baseStyle";

let workerConfigured = false;

/** The map canvas. Reports clicks; exposes its load state for tests as `data-testid="map-status"`. */
export function MapCanvas({ onPick }: { onPick: (p: { lat: number; lon: number }) => void }) {
  const container = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<"loading" | "idle" | "error">("loading");
  const onPickRef = useRef(onPick);
  onPickRef.current = onPick;

  useEffect(() => {
    if (!container.current) return;
    if (!workerConfigured) {
      // maplibre 6 resolves its worker relative to import.meta.url, which breaks once bundled.
      setWorkerUrl("/vendor/maplibre-gl-worker.mjs");
      workerConfigured = true;
    }
    const map = new MapLibreMap({
      container: container.current,
      style: baseStyle(),
      center: [10, 30],
      zoom: 1.3,
      attributionControl: { compact: true, customAttribution: "Natural Earth" },
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    map.once("idle", () => setStatus("idle"));
    map.on("error", () => setStatus((s) => (s === "loading" ? "error" : s)));
    map.on("click", (e: MapMouseEvent) => onPickRef.current({ lat: e.lngLat.lat, lon: e.lngLat.wrap().lng }));
    return () => map.remove();
  }, []);

  return (
    <div style={{ position: "relative", flex: 1, minHeight: 400 }}>
      <div ref={container} style={{ position: "absolute", inset: 0 }} aria-label="Map: click to inspect the layers at a point" role="region" />
      <span data-testid="map-status" hidden>{status}</span>
    </div>
  );
}
