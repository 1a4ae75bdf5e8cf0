/**
 * The fully local base map: sea, Natural Earth country fills, coastline and borders, country and
 * major-city labels — all from our own /api/geo route, with glyphs drawn from a locally served font
 * through the style's `font-faces` (maplibre-gl 6). No glyph or sprite server.
 * From zoom 5 the regional layers of basemapStyle.ts (admin-1, rivers, lakes, places, plants; vector
 * tiles from our own /api/basemap) take over from the world-scale city labels.
 * Overlays are inserted below `OVERLAY_ANCHOR` so outlines and labels stay on top.
 */
import type { LayerSpecification, StyleSpecification } from "maplibre-gl";
import { BASEMAP_MIN_ZOOM, basemapLabelLayers, basemapLineLayers, basemapSource, basemapWaterLayers } from "./basemapStyle";

export const FONT = "Noto Sans Regular";
export const OVERLAY_ANCHOR = "borders";
export const LAND_COLOR = "#f4f1ea";

export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    "font-faces": {
      [FONT]: [
        { url: "/vendor/fonts/noto-sans-latin-400-normal.woff2", "unicode-range": ["U+0000-00FF"] },
        { url: "/vendor/fonts/noto-sans-latin-ext-400-normal.woff2", "unicode-range": ["U+0100-024F", "U+1E00-1EFF"] },
        // Place names in Greek and Cyrillic script (loaded only when such a name is drawn).
        { url: "/vendor/fonts/noto-sans-greek-400-normal.woff2", "unicode-range": ["U+0370-03FF"] },
        { url: "/vendor/fonts/noto-sans-cyrillic-400-normal.woff2", "unicode-range": ["U+0400-045F", "U+0490-0491", "U+04B0-04B1"] },
      ],
    },
    sources: {
      countries: { type: "geojson", data: "/api/geo/countries", promoteId: "key" },
      "country-labels": { type: "geojson", data: "/api/geo/country-labels" },
      "city-labels": { type: "geojson", data: "/api/geo/city-labels" },
      basemap: basemapSource(),
    },
    layers: [
      { id: "sea", type: "background", paint: { "background-color": "#dfe9f2" } },
      { id: "land", type: "fill", source: "countries", paint: { "fill-color": LAND_COLOR } },
      ...basemapWaterLayers(),
      { id: "borders", type: "line", source: "countries", paint: { "line-color": "#5f6670", "line-width": ["interpolate", ["linear"], ["zoom"], 1, 0.4, 6, 1.2] } },
      ...basemapLineLayers(),
      {
        id: "city-dots", type: "circle", source: "city-labels", maxzoom: BASEMAP_MIN_ZOOM,
        filter: ["<", ["get", "rank"], ["interpolate", ["linear"], ["zoom"], 2, 30, 4, 150, 6, 400]],
        paint: { "circle-radius": 2.5, "circle-color": "#333", "circle-stroke-color": "#fff", "circle-stroke-width": 1 },
      },
      {
        id: "city-labels", type: "symbol", source: "city-labels", maxzoom: BASEMAP_MIN_ZOOM,
        filter: ["<", ["get", "rank"], ["interpolate", ["linear"], ["zoom"], 2, 30, 4, 150, 6, 400]],
        layout: { "text-field": ["get", "name"], "text-font": [FONT], "text-size": 11, "text-offset": [0, 0.7], "text-anchor": "top", "symbol-sort-key": ["get", "rank"] },
        paint: { "text-color": "#222", "text-halo-color": "#fff", "text-halo-width": 1.4 },
      },
      {
        id: "country-labels", type: "symbol", source: "country-labels",
        filter: [">=", ["zoom"], ["get", "minzoom"]],
        layout: { "text-field": ["get", "name"], "text-font": [FONT], "text-size": ["interpolate", ["linear"], ["zoom"], 1, 10, 5, 14], "text-transform": "uppercase", "text-letter-spacing": 0.05, "text-max-width": 7 },
        paint: { "text-color": "#4a4f57", "text-halo-color": "rgba(255,255,255,0.85)", "text-halo-width": 1.5 },
      },
      ...basemapLabelLayers(),
    ] satisfies LayerSpecification[],
  } as StyleSpecification;
}
