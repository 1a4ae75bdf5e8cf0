/**
 * The fully local base map style: sea background, Natural Earth country fills and borders served by
 * our own /api/geo route, and country labels drawn from a locally served font through the style's
 * `font-faces` (maplibre-gl 6) — no tile server, no glyph server, no request off our origin.
 */
import type { StyleSpecification } from "maplibre-gl";

export const FONT = "Noto Sans Regular";

export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    "font-faces": {
      [FONT]: [
        { url: "/vendor/fonts/noto-sans-latin-400-normal.woff2", "unicode-range": ["U+0000-00FF"] },
        { url: "/vendor/fonts/noto-sans-latin-ext-400-normal.woff2", "unicode-range": ["U+0100-024F", "U+1E00-1EFF"] },
      ],
    },
    sources: {
      countries: { type: "geojson", data: "/api/geo/countries", promoteId: "key" },
    },
    layers: [
      { id: "sea", type: "background", paint: { "background-color": "#dfe9f2" } },
      { id: "land", type: "fill", source: "countries", paint: { "fill-color": "#f4f1ea" } },
      { id: "borders", type: "line", source: "countries", paint: { "line-color": "#8a8f98", "line-width": 0.6 } },
    ],
  } as StyleSpecification;
}
