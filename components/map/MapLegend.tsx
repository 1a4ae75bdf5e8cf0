"use client";
import type { Map as MapLibreMap } from "maplibre-gl";
import { useEffect, useState, type CSSProperties, type ReactNode } from "react";
import { ADMIN1_COLOUR, BASEMAP_LAYERS, PLACE_COLOUR, RIVER_COLOUR, WATER_COLOUR } from "./basemapStyle";
import { FUEL_LEGEND } from "./plantStyle";

interface Entry { id: string; styleLayers: string[]; swatch: ReactNode; label: string }

const line = (colour: string, dash: string): ReactNode => (
  <svg width="22" height="8" aria-hidden="true"><line x1="1" y1="4" x2="21" y2="4" stroke={colour} strokeWidth="2" strokeDasharray={dash} /></svg>
);
const dots = (): ReactNode => (
  <svg width="22" height="10" aria-hidden="true">{[2, 3, 4.5].map((r, i) => <circle key={r} cx={3 + i * 7} cy="5" r={r} fill={PLACE_COLOUR} />)}</svg>
);
const box = (colour: string): ReactNode => <span aria-hidden="true" style={{ display: "inline-block", width: 20, height: 9, background: colour, border: `1px solid ${RIVER_COLOUR}` }} />;
const fuels = (): ReactNode => (
  <span aria-hidden="true" style={{ display: "inline-flex", gap: 1 }}>{FUEL_LEGEND.slice(0, 7).map((f) => <span key={f.label} style={{ width: 5, height: 9, background: f.colour }} />)}</span>
);

/** The map's own legend entries, each shown only while its style layers draw something in view. */
const ENTRIES: Entry[] = [
  { id: "sites", styleLayers: ["site-circles"], swatch: <span aria-hidden="true" style={{ fontWeight: 600 }}>#1</span>, label: "Candidate sites: rank, name; colour = score" },
  { id: "places", styleLayers: [BASEMAP_LAYERS.placeDots], swatch: dots(), label: "Places by population (GeoNames, Natural Earth)" },
  { id: "plants", styleLayers: [BASEMAP_LAYERS.plants], swatch: fuels(), label: "Power plants: area ∝ MW, colour = fuel (GPPD)" },
  { id: "rivers", styleLayers: [BASEMAP_LAYERS.rivers], swatch: line(RIVER_COLOUR, "0"), label: "Major rivers (Natural Earth)" },
  { id: "lakes", styleLayers: [BASEMAP_LAYERS.lakes], swatch: box(WATER_COLOUR), label: "Lakes and reservoirs (Natural Earth)" },
  { id: "admin1", styleLayers: [BASEMAP_LAYERS.admin1], swatch: line(ADMIN1_COLOUR, "4 2"), label: "States, provinces (Natural Earth)" },
  { id: "admin1-approximate", styleLayers: [BASEMAP_LAYERS.admin1Approximate], swatch: line(ADMIN1_COLOUR, "1 2"), label: "Admin-1 lines, approximate (halfway between region labels)" },
];

const panel: CSSProperties = {
  position: "absolute", right: 10, bottom: 34, zIndex: 2, maxWidth: 250, background: "rgba(255,255,255,0.92)",
  border: "1px solid #c9c9c9", borderRadius: 4, padding: "3px 7px", font: "10.5px/1.3 system-ui, sans-serif", color: "#222",
};

/**
 * A compact legend drawn on the map: the base-map and site layers that draw something in the current
 * view (checked with queryRenderedFeatures whenever the map settles), plus the active data layers
 * by title (their colour scales are in the side panel).
 */
export function MapLegend({ map, activeTitles }: { map: MapLibreMap | null; activeTitles: string[] }) {
  const [visible, setVisible] = useState<string[]>([]);
  useEffect(() => {
    if (!map) return;
    const update = () => {
      const shown = ENTRIES.filter((e) => {
        const layers = e.styleLayers.filter((id) => map.getLayer(id));
        return layers.length > 0 && map.queryRenderedFeatures({ layers }).length > 0;
      }).map((e) => e.id);
      setVisible((before) => (before.join() === shown.join() ? before : shown));
    };
    update();
    map.on("idle", update);
    return () => {
      map.off("idle", update);
    };
  }, [map]);

  const entries = ENTRIES.filter((e) => visible.includes(e.id));
  if (!entries.length && !activeTitles.length) return null;
  return (
    <details open style={panel} data-testid="map-legend" aria-label="Map legend">
      <summary style={{ cursor: "pointer", fontWeight: 600 }}>Legend</summary>
      <ul style={{ listStyle: "none", margin: "2px 0 0", padding: 0 }}>
        {activeTitles.map((t) => <li key={`layer:${t}`} data-legend="layer">▦ {t}</li>)}
        {entries.map((e) => (
          <li key={e.id} data-legend={e.id} style={{ display: "flex", alignItems: "center", gap: 6 }}>
            <span style={{ width: 36, display: "inline-flex", justifyContent: "center" }}>{e.swatch}</span>
            <span>{e.label}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
