"use client";
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from "maplibre-gl";
import { useEffect } from "react";

/**
 * A GeoJSON overlay drawn above every layer (e.g. a strategy region outline, zones, or
 * demand-to-supply links), updated in place when its data changes. `layers` read source `id`.
 */
export function useGeoJsonOverlay(map: MapLibreMap | null, id: string, data: GeoJSON.FeatureCollection | null, layers: LayerSpecification[]) {
  useEffect(() => {
    if (!map) return;
    if (!map.getSource(id)) {
      map.addSource(id, { type: "geojson", data: { type: "FeatureCollection", features: [] } });
      for (const l of layers) map.addLayer(l);
    }
    (map.getSource(id) as GeoJSONSource).setData(data ?? { type: "FeatureCollection", features: [] });
    for (const l of layers) if (map.getLayer(l.id)) map.moveLayer(l.id);
    // Layer specs are static per overlay id.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, id, data]);
}
