"use client";
import type { Map as MapLibreMap } from "maplibre-gl";
import type { Scenario } from "@/server/schemas/scenario";
import { SurfaceLegend } from "./SurfaceLegend";
import { useSurface, type UseSurfaceOptions } from "./useSurface";

const pct = (u: number) => `${Math.round(100 * u)}`;

/**
 * The suitability surface as one drop-in for the map component: the layer (useSurface), its legend in
 * the map's corner, and a readout of the cell under the pointer (score, each criterion's utility,
 * the constraints that exclude it). Render it inside the map's positioned wrapper.
 */
export function SurfaceOverlay({ map, scenario, weights, visible, opacity, ramp }: { map: MapLibreMap | null; scenario: Scenario | null } & Omit<UseSurfaceOptions, "scenario">) {
  const surface = useSurface(map, { scenario, visible, opacity, ...(weights ? { weights } : {}), ...(ramp ? { ramp } : {}) });
  const h = surface.hover;
  return (
    <>
      {surface.status !== "off" && (
        <div className="on-map" style={{ position: "absolute", right: 8, bottom: 28, maxWidth: 320, padding: "6px 8px", border: "1px solid var(--border)", borderRadius: 4, fontSize: 12, zIndex: 2 }}>
          <SurfaceLegend surface={surface} scenario={scenario} />
        </div>
      )}
      {h && h.cell >= 0 && visible && (
        <div className="map-tooltip" style={{ left: h.x + 12, top: h.y + 12 }} role="status">
          <strong>Suitability {h.score !== null ? h.score.toFixed(1) : h.excluded ? "— excluded" : "— no score"}</strong>
          {h.excluded && <div>Excluded by: {h.excludedBy.join(", ")}</div>}
          {h.utilities.map((u) => <div key={u.id}>{u.title}: {u.utility === null ? "no value" : pct(u.utility)}</div>)}
        </div>
      )}
    </>
  );
}
