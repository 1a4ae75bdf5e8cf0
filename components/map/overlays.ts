/**
 * Map overlays as typed data plus pure style functions (the Protomaps `base_layers` idea): one
 * function per layer kind says which sources and style layers draw it.
 * - gridded, model and distance layers: raster tiles of the analysis grid, nearest resampling (crisp cells);
 * - polygon layers: the country or zone geometry uploaded once, filled by feature-state colour;
 * - point sets (cloud regions, IX, cable landings): circles on top of their distance raster.
 */
import type { CircleLayerSpecification, FillLayerSpecification, RasterLayerSpecification, RasterSourceSpecification } from "maplibre-gl";
import type { CatalogLayer } from "@/components/layers/types";
import { PLANT_POINT_SET, plantPaint } from "./plantStyle";

export const OVERLAY_PREFIX = "overlay:";

export function overlayLayerIds(layer: Pick<CatalogLayer, "id" | "kind">): string[] {
  const base = `${OVERLAY_PREFIX}${layer.id}`;
  if (layer.kind === "polygon") return [`${base}:fill`];
  if (layer.kind === "points") return [`${base}:raster`, `${base}:points`];
  return [`${base}:raster`];
}

export function rasterSource(layerId: string, dataVersion: string): RasterSourceSpecification {
  return {
    type: "raster",
    tiles: [`/api/tiles/${layerId}/{z}/{x}/{y}.png?v=${dataVersion}`],
    tileSize: 256,
    maxzoom: 9,
    attribution: "",
  };
}

export function rasterLayer(layerId: string, opacity: number): RasterLayerSpecification {
  return {
    id: `${OVERLAY_PREFIX}${layerId}:raster`,
    type: "raster",
    source: `${OVERLAY_PREFIX}${layerId}`,
    paint: { "raster-opacity": opacity, "raster-resampling": "nearest", "raster-fade-duration": 0 },
  };
}

/** A fill over the shared country or zone geometry, coloured by the feature-state key `layerId`. */
export function choroplethLayer(layerId: string, set: NonNullable<CatalogLayer["polygonSet"]>, opacity: number): FillLayerSpecification {
  return {
    id: `${OVERLAY_PREFIX}${layerId}:fill`,
    type: "fill",
    source: set,
    paint: {
      "fill-color": ["coalesce", ["feature-state", layerId], "rgba(0,0,0,0)"],
      "fill-opacity": opacity,
      "fill-outline-color": set === "zones" ? "rgba(60,60,60,0.35)" : "rgba(0,0,0,0)",
    },
  };
}

export function pointsLayer(layerId: string, source: string, pointSet: string): CircleLayerSpecification {
  if (pointSet === PLANT_POINT_SET) return { id: `${OVERLAY_PREFIX}${layerId}:points`, type: "circle", source, paint: plantPaint() };
  return {
    id: `${OVERLAY_PREFIX}${layerId}:points`,
    type: "circle",
    source,
    paint: {
      "circle-radius": ["interpolate", ["linear"], ["zoom"], 1, 2.5, 6, 5],
      "circle-color": "#111",
      "circle-stroke-color": "#fff",
      "circle-stroke-width": 1.2,
    },
  };
}

/** Converts a point set (`{ id, name, lat, lon, ...attributes }`) to GeoJSON for a map source; attributes become properties. */
export function pointsToGeoJson(points: { id: string; name: string; lat: number; lon: number; [k: string]: unknown }[]): GeoJSON.FeatureCollection<GeoJSON.Point> {
  return {
    type: "FeatureCollection",
    features: points.map(({ lat, lon, ...properties }) => ({ type: "Feature", properties, geometry: { type: "Point", coordinates: [lon, lat] } })),
  };
}

/** The paint property that carries a layer's opacity, per style layer type. */
export function opacityProperty(styleLayerId: string): "raster-opacity" | "fill-opacity" | "circle-opacity" {
  if (styleLayerId.endsWith(":raster")) return "raster-opacity";
  if (styleLayerId.endsWith(":fill")) return "fill-opacity";
  return "circle-opacity";
}
