"use client";
import type { GeoJSONSource, Map as MapLibreMap } from "maplibre-gl";
import { useEffect } from "react";
import { FONT } from "./baseStyle";

export interface SiteMarker { id: string; name: string; lat: number; lon: number; rank: number | null; score: number | null; excluded: boolean }

/**
 * Candidate sites on the map, above every layer: circles coloured by score (viridis; excluded sites
 * hollow grey), labelled with rank and name at higher zooms. Clicking one calls onSelect.
 */
export function useSiteMarkers(map: MapLibreMap | null, sites: SiteMarker[], onSelect: (id: string) => void) {
  useEffect(() => {
    if (!map) return;
    if (!map.getSource("sites")) {
      map.addSource("sites", { type: "geojson", data: { type: "FeatureCollection", features: [] }, promoteId: "id" });
      map.addLayer({
        id: "site-circles", type: "circle", source: "sites",
        paint: {
          "circle-radius": ["interpolate", ["linear"], ["zoom"], 1, 4, 6, 7],
          "circle-color": ["case", ["get", "excluded"], "rgba(255,255,255,0.9)",
            ["interpolate", ["linear"], ["coalesce", ["get", "score"], 0], 0, "#440154", 50, "#21918c", 100, "#fde725"]],
          "circle-stroke-color": ["case", ["get", "excluded"], "#777", "#111"],
          "circle-stroke-width": 1.5,
        },
      });
      map.addLayer({
        id: "site-labels", type: "symbol", source: "sites", minzoom: 3,
        layout: { "text-field": ["case", ["==", ["get", "rank"], null], ["get", "name"], ["concat", "#", ["to-string", ["get", "rank"]], " ", ["get", "name"]]], "text-font": [FONT], "text-size": 11, "text-offset": [0, 1.1], "text-anchor": "top" },
        paint: { "text-color": "#111", "text-halo-color": "#fff", "text-halo-width": 1.5 },
      });
    }
    const click = (e: { features?: { properties?: Record<string, unknown> }[] }) => {
      const id = e.features?.[0]?.properties?.id;
      if (typeof id === "string") onSelect(id);
    };
    map.on("click", "site-circles", click);
    return () => {
      map.off("click", "site-circles", click);
    };
  }, [map, onSelect]);

  useEffect(() => {
    const source = map?.getSource("sites") as GeoJSONSource | undefined;
    source?.setData({
      type: "FeatureCollection",
      features: sites.map((s) => ({ type: "Feature", properties: { id: s.id, name: s.name, rank: s.rank, score: s.score, excluded: s.excluded }, geometry: { type: "Point", coordinates: [s.lon, s.lat] } })),
    });
    // Keep the sites on top of any overlay added later.
    if (map?.getLayer("site-circles")) {
      map.moveLayer("site-circles");
      map.moveLayer("site-labels");
    }
  }, [map, sites]);
}
