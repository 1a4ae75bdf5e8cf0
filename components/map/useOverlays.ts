"use client";
import { useQueries } from "@tanstack/react-query";
import type { GeoJSONSource, Map as MapLibreMap } from "maplibre-gl";
import { useEffect } from "react";
import type { CatalogLayer } from "@/components/layers/types";
import { useTRPC } from "@/components/trpc/client";
import type { ActiveLayer } from "@/components/workspace/viewState";
import { fromPointTable, type PointTable } from "@/data/lib/pointTable";
import { OVERLAY_ANCHOR } from "./baseStyle";
import { BASEMAP_LAYERS } from "./basemapStyle";
import { PLANT_POINT_SET } from "./plantStyle";
import { choroplethLayer, OVERLAY_PREFIX, opacityProperty, overlayLayerIds, pointsLayer, pointsToGeoJson, rasterLayer, rasterSource } from "./overlays";

/**
 * Keeps the map's overlays in step with the active layers: adds what was switched on, removes what
 * was switched off, applies opacity, and stacks them in panel order (last = on top) below the
 * outlines and labels. Polygon layers recolour the shared geometry through feature-state.
 */
export function useOverlays(map: MapLibreMap | null, catalog: CatalogLayer[] | undefined, active: ActiveLayer[], dataVersion: string) {
  const trpc = useTRPC();
  const byId = new Map((catalog ?? []).map((l) => [l.id, l]));
  const activePolygon = active.map((a) => byId.get(a.id)).filter((l): l is CatalogLayer => l?.kind === "polygon");
  const choropleths = useQueries({
    queries: activePolygon.map((l) => ({ ...trpc.layers.choropleth.queryOptions({ layer: l.id }), staleTime: Infinity })),
  });
  const choroplethKey = choropleths.map((q) => (q.data ? q.dataUpdatedAt : 0)).join(",");

  useEffect(() => {
    if (!map || !catalog) return;
    const lookup = new Map(catalog.map((l) => [l.id, l]));
    const wanted = new Set<string>();
    for (const a of active) {
      const layer = lookup.get(a.id);
      if (!layer || layer.quality === "missing") continue;
      for (const styleId of overlayLayerIds(layer)) wanted.add(styleId);
      ensureOverlay(map, layer, a.opacity, dataVersion);
    }
    for (const styleLayer of map.getStyle().layers) {
      if (styleLayer.id.startsWith(OVERLAY_PREFIX) && !wanted.has(styleLayer.id)) map.removeLayer(styleLayer.id);
    }
    for (const [id, source] of Object.entries(map.getStyle().sources)) {
      if (id.startsWith(OVERLAY_PREFIX) && source.type === "raster" && !map.getStyle().layers.some((l) => "source" in l && l.source === id)) map.removeSource(id);
    }
    for (const a of active) {
      const layer = lookup.get(a.id);
      if (!layer) continue;
      for (const styleId of overlayLayerIds(layer)) {
        if (!map.getLayer(styleId)) continue;
        map.setPaintProperty(styleId, opacityProperty(styleId), styleId.endsWith(":points") ? 1 : a.opacity);
        map.moveLayer(styleId, OVERLAY_ANCHOR);
      }
    }
    // A power layer draws every plant itself; the base map's plants would double them.
    const plantsOverlaid = active.some((a) => lookup.get(a.id)?.pointSet === PLANT_POINT_SET && !lookup.get(a.id)?.pointFilter);
    if (map.getLayer(BASEMAP_LAYERS.plants)) map.setLayoutProperty(BASEMAP_LAYERS.plants, "visibility", plantsOverlaid ? "none" : "visible");
  }, [map, catalog, active, dataVersion]);

  // Recolour the shared geometry once each polygon layer's colours arrive.
  useEffect(() => {
    if (!map) return;
    choropleths.forEach((q, i) => {
      const layer = activePolygon[i];
      if (!q.data || !layer) return;
      if (!map.getSource(q.data.set)) return;
      for (const f of q.data.features) map.setFeatureState({ source: q.data.set, id: f.key }, { [layer.id]: f.color });
    });
    // choroplethKey changes exactly when new colours arrive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, choroplethKey]);
}

function ensureOverlay(map: MapLibreMap, layer: CatalogLayer, opacity: number, dataVersion: string) {
  if (layer.kind === "polygon") {
    const set = layer.polygonSet!;
    if (!map.getSource(set)) map.addSource(set, { type: "geojson", data: `/api/geo/${set}`, promoteId: "key" });
    const spec = choroplethLayer(layer.id, set, opacity);
    if (!map.getLayer(spec.id)) map.addLayer(spec, OVERLAY_ANCHOR);
    return;
  }
  const sourceId = `${OVERLAY_PREFIX}${layer.id}`;
  if (!map.getSource(sourceId)) map.addSource(sourceId, rasterSource(layer.id, dataVersion));
  const raster = rasterLayer(layer.id, opacity);
  if (!map.getLayer(raster.id)) map.addLayer(raster, OVERLAY_ANCHOR);
  if (layer.kind === "points" && layer.pointSet) {
    const pointSource = `points:${layer.pointSet}${layer.pointFilter ? `:${layer.pointFilter.field}>=${layer.pointFilter.atLeast}` : ""}`;
    if (!map.getSource(pointSource)) {
      map.addSource(pointSource, { type: "geojson", data: { type: "FeatureCollection", features: [] } });
      void fetch(`/api/geo/${layer.pointSet}`)
        .then((r) => r.json())
        .then((table: PointTable) => {
          const where = layer.pointFilter;
          const points = fromPointTable(table).filter((p) => !where || (typeof p[where.field] === "number" && (p[where.field] as number) >= where.atLeast));
          (map.getSource(pointSource) as GeoJSONSource | undefined)?.setData(pointsToGeoJson(points));
        });
    }
    const symbols = pointsLayer(layer.id, pointSource, layer.pointSet);
    if (!map.getLayer(symbols.id)) map.addLayer(symbols, OVERLAY_ANCHOR);
  }
}
