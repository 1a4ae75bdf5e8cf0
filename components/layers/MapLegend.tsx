"use client";
import type { ActiveLayer } from "@/components/workspace/viewState";
import { Legend } from "./Legend";
import type { CatalogLayer } from "./types";

/**
 * A compact legend of the evidence layers on the map, drawn in its top-left corner (the surface legend
 * takes the bottom right), so a first visit reads the grid-carbon colours without opening the Layers
 * tab. Top layer first; at most three.
 */
export function MapLegend({ catalog, active }: { catalog: CatalogLayer[]; active: ActiveLayer[] }) {
  const byId = new Map(catalog.map((l) => [l.id, l]));
  const shown = [...active].reverse().flatMap((a) => {
    const layer = byId.get(a.id);
    return layer ? [layer] : [];
  }).slice(0, 3);
  if (!shown.length) return null;
  return (
    <aside className="map-legend" aria-label="Legend of the layers on the map" data-testid="map-legend">
      {shown.map((layer) => (
        <div key={layer.id} className="map-legend-item">
          <div className="map-legend-title">{layer.title} <span className={`badge q-${layer.quality}`}>{layer.quality}</span></div>
          <Legend legend={layer.legend} title={layer.title} />
        </div>
      ))}
    </aside>
  );
}
