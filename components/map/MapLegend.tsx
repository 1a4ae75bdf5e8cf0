"use client";
import type { Map as MapLibreMap } from "maplibre-gl";
import { useEffect, useState, type ReactNode } from "react";
import { Legend } from "@/components/layers/Legend";
import type { CatalogLayer } from "@/components/layers/types";
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


/**
 * The one legend drawn on the map: the active data layers with their colour scales (top layer
 * first, at most three; all of them are in the Layers tab), then the base-map and site layers that
 * draw something in the current view (checked with queryRenderedFeatures whenever the map settles).
 */
export function MapLegend({ map, dataLayers }: { map: MapLibreMap | null; dataLayers: CatalogLayer[] }) {
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
  const shownLayers = [...dataLayers].reverse().slice(0, 3);
  if (!entries.length && !shownLayers.length) return null;
  return (
    <details open className="map-legend" data-testid="map-legend" aria-label="Map legend">
      <summary>Legend</summary>
      {shownLayers.map((layer) => (
        <div key={layer.id} className="map-legend-item" data-legend-layer={layer.id}>
          <div className="map-legend-title">{layer.title} <span className={`badge q-${layer.quality}`}>{layer.quality}</span></div>
          <Legend legend={layer.legend} title={layer.title} />
        </div>
      ))}
      <ul className="map-legend-base">
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
