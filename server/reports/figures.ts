/**
 * Every figure of a report, computed once from its content as Scenes (server/documents/scene/scene.ts) that both the
 * web page and the PDF draw. Widths are in PDF points (A4 with 40 pt margins: 515 pt of text width);
 * the web page scales the same scenes with CSS.
 */
import type { FeatureCollection, Geometry } from "geojson";
import { contributionsChart, scoreBarsChart, siteContributionChart } from "./charts/bars";
import { climateChart } from "./charts/climate";
import { mapFigure, type MapRaster } from "@/server/documents/scene/baseMap";
import { smaaHeatmap, stabilityChart } from "./charts/robustness";
import type { Scene } from "@/server/documents/scene/scene";
import type { ReportContent } from "./types";

import { HALF_WIDTH_PT, TEXT_WIDTH_PT } from "@/server/documents/pdf/layout";

export interface FigureInputs {
  /** Country outlines for the map (the data build's Natural Earth admin-0 GeoJSON). */
  countries: FeatureCollection<Geometry>;
  /** Optional raster under the sites (e.g. the suitability surface). */
  raster?: MapRaster | null;
}

export interface ReportFigures {
  map: Scene;
  scores: Scene | null;
  contributions: Scene | null;
  stability: Scene | null;
  smaa: Scene | null;
  sites: Record<string, { climate: Scene | null; contribution: Scene }>;
}

export function reportFigures(content: ReportContent, inputs: FigureInputs): ReportFigures {
  const ranked = content.ranking.counts.ranked;
  const sites: ReportFigures["sites"] = {};
  for (const s of content.sites) {
    sites[s.id] = {
      climate: s.climate ? climateChart(s.climate, { width: HALF_WIDTH_PT, height: 160, name: s.name }) : null,
      contribution: siteContributionChart(s, content, { width: HALF_WIDTH_PT }),
    };
  }
  return {
    map: mapFigure({ sites: content.map.sites, countries: inputs.countries, raster: inputs.raster ?? null, width: TEXT_WIDTH_PT, height: 270 }),
    scores: ranked ? scoreBarsChart(content, { width: TEXT_WIDTH_PT, maxSites: 20 }) : null,
    contributions: ranked ? contributionsChart(content, { width: TEXT_WIDTH_PT, maxSites: 10 }) : null,
    stability: content.robustness.stability.length ? stabilityChart(content.robustness.stability, { width: TEXT_WIDTH_PT }) : null,
    smaa: content.robustness.smaa ? smaaHeatmap(content.robustness.smaa, { width: TEXT_WIDTH_PT, maxSites: 20, maxRanks: 10 }) : null,
    sites,
  };
}
