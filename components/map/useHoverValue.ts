"use client";
import type { Map as MapLibreMap, MapMouseEvent } from "maplibre-gl";
import { useEffect, useRef, useState } from "react";
import { formatValue, type CatalogLayer } from "@/components/layers/types";
import { useTRPCClient } from "@/components/trpc/client";
import { BASEMAP_LAYERS } from "./basemapStyle";
import { OVERLAY_PREFIX } from "./overlays";
import { plantHoverText } from "./plantStyle";

export interface HoverInfo { x: number; y: number; text: string }

/**
 * The value of the focused layer under the pointer: sampled from the server once the pointer rests
 * (150 ms), so any layer kind — grid, model, polygon, distance — reads the same as the inspector.
 */
export function useHoverValue(map: MapLibreMap | null, layer: CatalogLayer | undefined): HoverInfo | null {
  const client = useTRPCClient();
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const request = useRef(0);

  useEffect(() => {
    if (!map) {
      setHover(null);
      return;
    }
    const onMove = (e: MapMouseEvent) => {
      if (timer.current) clearTimeout(timer.current);
      const { x, y } = e.point;
      // A plant symbol under the pointer (a power layer's or the base map's): its own attributes, no request needed.
      const symbolLayers = map.getStyle().layers
        .filter((l) => (l.id.startsWith(OVERLAY_PREFIX) && l.id.endsWith(":points") && l.type === "circle") || l.id === BASEMAP_LAYERS.plants)
        .map((l) => l.id);
      const plant = symbolLayers.length ? map.queryRenderedFeatures(e.point, { layers: symbolLayers }).find((f) => f.properties && "capacity_mw" in f.properties) : undefined;
      if (plant) {
        request.current++;
        setHover({ x, y, text: plantHoverText(plant.properties as Record<string, unknown>) });
        return;
      }
      if (!layer) {
        request.current++;
        setHover(null);
        return;
      }
      const point = { lat: e.lngLat.lat, lon: e.lngLat.wrap().lng };
      timer.current = setTimeout(async () => {
        const id = ++request.current;
        try {
          const res = await client.layers.sample.query({ points: [point], layers: [layer.id] });
          const v = res.results[0]!.values[0]!;
          if (id === request.current) setHover({ x, y, text: `${layer.title}: ${v.value === null ? (v.reason ?? "no value") : formatValue(v, layer.unit)}` });
        } catch {
          if (id === request.current) setHover(null);
        }
      }, 150);
    };
    const onOut = () => {
      if (timer.current) clearTimeout(timer.current);
      request.current++;
      setHover(null);
    };
    map.on("mousemove", onMove);
    map.on("mouseout", onOut);
    return () => {
      map.off("mousemove", onMove);
      map.off("mouseout", onOut);
      onOut();
    };
  }, [map, layer, client]);
  return hover;
}
