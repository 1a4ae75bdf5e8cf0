"use client";
import type { LayerSpecification } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import { useEffect, useRef } from "react";
import type { CatalogLayer } from "@/components/layers/types";
import { boundsOf, type Bounds } from "@/components/surface/bounds";
import { SurfaceOverlay } from "@/components/surface/SurfaceOverlay";
import type { Scenario } from "@/server/schemas/scenario";
import type { ActiveLayer } from "@/components/workspace/viewState";
import { useHoverValue } from "./useHoverValue";
import { useMapInstance } from "./useMapInstance";
import { useOverlays } from "./useOverlays";
import { useGeoJsonOverlay } from "./useGeoJsonOverlay";
import { MapLegend } from "./MapLegend";
import { useSiteMarkers, type SiteMarker } from "./useSiteMarkers";

interface Props {
  initialView: { lat: number; lon: number; zoom: number };
  catalog: CatalogLayer[] | undefined;
  active: ActiveLayer[];
  dataVersion: string;
  onPick: (p: { lat: number; lon: number }) => void;
  onViewChange: (v: { lat: number; lon: number; zoom: number }) => void;
  sites: SiteMarker[];
  onSelectSite: (id: string) => void;
  /** Fly here when it changes (e.g. a site picked in a list). */
  focus?: { lat: number; lon: number; key: number } | null;
  /** The suitability surface of the current scenario (rescored in a Web Worker as weights change). */
  surface?: { scenario: Scenario | null; visible: boolean; opacity: number };
  onBoundsChange?: (b: Bounds) => void;
  /** Strategy overlay: region outlines (Polygon), zones (Point with `label`) and links (LineString with `mw`). */
  strategy?: GeoJSON.FeatureCollection | null;
}

const STRATEGY_LAYERS: LayerSpecification[] = [
  { id: "strategy-area", type: "fill", source: "strategy", filter: ["==", ["geometry-type"], "Polygon"], paint: { "fill-color": "#cc79a7", "fill-opacity": 0.12 } },
  { id: "strategy-outline", type: "line", source: "strategy", filter: ["==", ["geometry-type"], "Polygon"], paint: { "line-color": "#cc79a7", "line-width": 2, "line-dasharray": [2, 1] } },
  { id: "strategy-links", type: "line", source: "strategy", filter: ["==", ["geometry-type"], "LineString"], paint: { "line-color": "#d55e00", "line-opacity": 0.8, "line-width": ["interpolate", ["linear"], ["get", "mw"], 0, 1, 500, 8] } },
  { id: "strategy-points", type: "circle", source: "strategy", filter: ["==", ["geometry-type"], "Point"], paint: { "circle-radius": 6, "circle-color": ["match", ["get", "role"], "market", "#d55e00", "#0072b2"], "circle-stroke-color": "#fff", "circle-stroke-width": 1.5 } },
  { id: "strategy-labels", type: "symbol", source: "strategy", filter: ["==", ["geometry-type"], "Point"], layout: { "text-field": ["get", "label"], "text-font": ["Noto Sans Regular"], "text-size": 11, "text-offset": [0, 1.1], "text-anchor": "top" }, paint: { "text-color": "#111", "text-halo-color": "#fff", "text-halo-width": 1.5 } },
]

/** The map: base style, overlays for the active layers, hover readout, click to inspect. */
export function MapView({ initialView, catalog, active, dataVersion, onPick, onViewChange, sites, onSelectSite, focus, surface, onBoundsChange, strategy = null }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const { map, status } = useMapInstance(container, initialView);
  useOverlays(map, catalog, active, dataVersion);
  const focusLayer = catalog?.find((l) => l.id === active[active.length - 1]?.id);
  const hover = useHoverValue(map, focusLayer);
  const dataLayers = active.map((a) => catalog?.find((l) => l.id === a.id)).filter((l): l is CatalogLayer => Boolean(l) && l!.quality !== "missing");
  useSiteMarkers(map, sites, onSelectSite);
  useGeoJsonOverlay(map, "strategy", strategy, STRATEGY_LAYERS);
  useEffect(() => {
    if (map && focus) map.flyTo({ center: [focus.lon, focus.lat], zoom: Math.max(map.getZoom(), 6) });
  }, [map, focus]);

  const callbacks = useRef({ onPick, onViewChange, onBoundsChange });
  useEffect(() => {
    callbacks.current = { onPick, onViewChange, onBoundsChange };
  });
  useEffect(() => {
    if (!map) return;
    const click = (e: { point: { x: number; y: number }; lngLat: { lat: number; wrap(): { lng: number } } }) => {
      // A click on a site marker selects the site instead (useSiteMarkers).
      if (map.getLayer("site-circles") && map.queryRenderedFeatures([e.point.x, e.point.y], { layers: ["site-circles"] }).length) return;
      callbacks.current.onPick({ lat: e.lngLat.lat, lon: e.lngLat.wrap().lng });
    };
    const moved = () => {
      const c = map.getCenter().wrap();
      callbacks.current.onViewChange({ lat: c.lat, lon: c.lng, zoom: map.getZoom() });
      callbacks.current.onBoundsChange?.(boundsOf(map));
    };
    callbacks.current.onBoundsChange?.(boundsOf(map));
    map.on("click", click);
    map.on("moveend", moved);
    return () => {
      map.off("click", click);
      map.off("moveend", moved);
    };
  }, [map]);

  return (
    <div className="map-wrap">
      <div ref={container} className="map" role="application" aria-label="Map. Drag or use arrow keys to pan, plus and minus to zoom; click to inspect all layers at a point." />
      {surface && <SurfaceOverlay map={map} scenario={surface.scenario} visible={surface.visible} opacity={surface.opacity} />}
      {hover && !(surface?.visible) && (
        <div className="map-tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }} role="status">{hover.text}</div>
      )}
      <MapLegend map={map} dataLayers={dataLayers} />
      <span data-testid="map-status" hidden>{status}</span>
    </div>
  );
}
