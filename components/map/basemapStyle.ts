/**
 * The regional base map (issue 16): how the vector tiles of /api/basemap draw from zoom 5. The tiles
 * (data/pipeline/basemap) hold admin-1 boundaries (`approximate` outside the US, Brazil, Canada and
 * Australia) and names, Natural Earth rivers and lakes, GeoNames + Natural Earth places by size
 * class, and WRI GPPD power plants. Tiles stop at z7; MapLibre overzooms them beyond.
 *
 * Label priority: MapLibre places the symbols of higher style layers first, so the order of
 * `basemapLabelLayers` (last = first placed) decides which name survives a collision.
 */
import type { ExpressionSpecification, LayerSpecification, VectorSourceSpecification } from "maplibre-gl";
import { plantPaint } from "./plantStyle";

const FONT = "Noto Sans Regular";
export const BASEMAP_SOURCE = "basemap";
export const BASEMAP_MIN_ZOOM = 5;
export const BASEMAP_TILE_MAX_ZOOM = 7;

export const WATER_COLOUR = "#a9c8e3";
export const RIVER_COLOUR = "#6f9fd0";
export const ADMIN1_COLOUR = "#8f7fa3";
export const PLACE_COLOUR = "#333333";

/** Style layer ids, for the legend and the tests. */
export const BASEMAP_LAYERS = {
  lakes: "basemap-lakes",
  rivers: "basemap-rivers",
  admin1: "basemap-admin1",
  admin1Approximate: "basemap-admin1-approximate",
  plants: "basemap-plants",
  placeDots: "basemap-place-dots",
  riverLabels: "basemap-river-labels",
  admin1Labels: "basemap-admin1-labels",
  placeLabels: "basemap-place-labels",
} as const;

export function basemapSource(): VectorSourceSpecification {
  return {
    type: "vector",
    tiles: ["/api/basemap/{z}/{x}/{y}.pbf"],
    minzoom: BASEMAP_MIN_ZOOM,
    maxzoom: BASEMAP_TILE_MAX_ZOOM,
    attribution: "Natural Earth; GeoNames (CC BY 4.0); WRI GPPD (CC BY 4.0)",
  };
}

/** Lakes, drawn under the data overlays like the land. */
export function basemapWaterLayers(): LayerSpecification[] {
  return [
    { id: BASEMAP_LAYERS.lakes, type: "fill", source: BASEMAP_SOURCE, "source-layer": "lakes", minzoom: BASEMAP_MIN_ZOOM, paint: { "fill-color": WATER_COLOUR, "fill-outline-color": RIVER_COLOUR } },
  ];
}

const zoomWidth = (at5: number, at10: number): ExpressionSpecification => ["interpolate", ["linear"], ["zoom"], 5, at5, 10, at10];

/** Rivers, admin-1 lines, plants and place dots: above the data overlays, under the labels. */
export function basemapLineLayers(): LayerSpecification[] {
  return [
    {
      id: BASEMAP_LAYERS.rivers, type: "line", source: BASEMAP_SOURCE, "source-layer": "rivers", minzoom: BASEMAP_MIN_ZOOM,
      layout: { "line-cap": "round", "line-join": "round" },
      // Major rivers (low Natural Earth scalerank) draw wider.
      paint: { "line-color": RIVER_COLOUR, "line-width": ["interpolate", ["linear"], ["zoom"], 5, ["case", ["<=", ["get", "scalerank"], 4], 1.2, 0.6], 10, ["case", ["<=", ["get", "scalerank"], 4], 2.6, 1.4]] },
    },
    {
      id: BASEMAP_LAYERS.admin1, type: "line", source: BASEMAP_SOURCE, "source-layer": "admin1", minzoom: BASEMAP_MIN_ZOOM,
      filter: ["!=", ["get", "approximate"], true],
      paint: { "line-color": ADMIN1_COLOUR, "line-width": zoomWidth(0.7, 1.6), "line-dasharray": [4, 2] },
    },
    {
      id: BASEMAP_LAYERS.admin1Approximate, type: "line", source: BASEMAP_SOURCE, "source-layer": "admin1", minzoom: BASEMAP_MIN_ZOOM,
      filter: ["==", ["get", "approximate"], true],
      paint: { "line-color": ADMIN1_COLOUR, "line-opacity": 0.75, "line-width": zoomWidth(0.6, 1.2), "line-dasharray": [1, 2] },
    },
    { id: BASEMAP_LAYERS.plants, type: "circle", source: BASEMAP_SOURCE, "source-layer": "plants", minzoom: BASEMAP_MIN_ZOOM, paint: plantPaint() },
    {
      id: BASEMAP_LAYERS.placeDots, type: "circle", source: BASEMAP_SOURCE, "source-layer": "places", minzoom: BASEMAP_MIN_ZOOM,
      paint: { "circle-radius": ["+", 1.8, ["*", 0.7, ["get", "size"]]], "circle-color": PLACE_COLOUR, "circle-stroke-color": "#fff", "circle-stroke-width": 1 },
    },
  ];
}

/** River names, then admin-1 names, then place names (placed first, so towns win collisions). */
export function basemapLabelLayers(): LayerSpecification[] {
  return [
    {
      id: BASEMAP_LAYERS.riverLabels, type: "symbol", source: BASEMAP_SOURCE, "source-layer": "rivers", minzoom: 6,
      filter: ["!=", ["get", "name"], ""],
      layout: { "symbol-placement": "line", "text-field": ["get", "name"], "text-font": [FONT], "text-size": 10.5, "text-letter-spacing": 0.05, "symbol-spacing": 400 },
      paint: { "text-color": "#2f64a0", "text-halo-color": "rgba(255,255,255,0.85)", "text-halo-width": 1.2 },
    },
    {
      id: BASEMAP_LAYERS.admin1Labels, type: "symbol", source: BASEMAP_SOURCE, "source-layer": "admin1_labels", minzoom: BASEMAP_MIN_ZOOM,
      filter: ["<=", ["get", "scalerank"], ["step", ["zoom"], 4, 6, 8, 7, 11]],
      layout: {
        "text-field": ["get", "name"], "text-font": [FONT], "text-size": zoomWidth(10, 12.5), "text-transform": "uppercase",
        "text-letter-spacing": 0.08, "text-max-width": 8, "symbol-sort-key": ["get", "scalerank"], "text-padding": 4,
      },
      paint: { "text-color": "#6d5f80", "text-halo-color": "rgba(255,255,255,0.85)", "text-halo-width": 1.4 },
    },
    {
      id: BASEMAP_LAYERS.placeLabels, type: "symbol", source: BASEMAP_SOURCE, "source-layer": "places", minzoom: BASEMAP_MIN_ZOOM,
      layout: {
        "text-field": ["get", "name"], "text-font": [FONT], "text-size": ["+", 10, ["*", 1, ["get", "size"]]],
        "text-anchor": "top", "text-offset": [0, 0.45], "text-max-width": 8, "symbol-sort-key": ["-", 10, ["get", "size"]],
      },
      paint: { "text-color": "#1f1f1f", "text-halo-color": "#fff", "text-halo-width": 1.4 },
    },
  ];
}
