/**
 * Every figure of a strategy brief, computed once from its content as Scenes that both the web page
 * and the PDF draw (widths in PDF points, A4 text width 515 pt, as the siting report's figures).
 */
import type { FeatureCollection, Geometry } from "geojson";
import type { StrategyBriefContent } from "@/server/strategy/brief/content";
import type { Scene } from "@/server/documents/scene/scene";
import { TEXT_WIDTH_PT } from "@/server/documents/pdf/layout";
import { comparisonChart, histogramChart, planTotalsChart } from "@/server/strategy/brief/charts";
import { allocationMapFigure, regionMapFigure } from "@/server/strategy/brief/maps";

export interface BriefFigures {
  regionMap: Scene;
  histogram: Scene;
  comparison: Scene | null;
  planTotals: Scene | null;
  allocationMap: Scene | null;
}

export function briefFigures(content: StrategyBriefContent, inputs: { countries: FeatureCollection<Geometry> }): BriefFigures {
  const { profile, comparison, plan } = content;
  return {
    regionMap: regionMapFigure(profile, { countries: inputs.countries, width: TEXT_WIDTH_PT, height: 300 }),
    histogram: histogramChart(profile, { width: TEXT_WIDTH_PT, height: 165 }),
    comparison: comparison && comparison.rows.length ? comparisonChart(comparison, { width: TEXT_WIDTH_PT }) : null,
    planTotals: plan ? planTotalsChart(plan, { width: TEXT_WIDTH_PT }) : null,
    allocationMap: plan ? allocationMapFigure(plan, { countries: inputs.countries, width: TEXT_WIDTH_PT, height: 320 }) : null,
  };
}
