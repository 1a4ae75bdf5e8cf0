/**
 * A demonstration project for the sample report (scripts/sample-report.ts) and the tests: ten
 * candidate sites in the Nordic, US, Gulf and Asian markets, ranked under the "AI training campus"
 * preset.
 */
import type { LayerStore } from "@/server/layers/store";
import type { Site } from "@/server/schemas/site";
import { presets } from "@/server/siting/presets";
import { assembleReport } from "./assemble";
import { gatherReportInputs } from "./gather";
import type { ReportContent } from "./types";

const site = (id: string, name: string, lat: number, lon: number): Site => ({ id, name, lat, lon, overrides: {}, origin: "coordinates" });

export const DEMO_SITES: readonly Site[] = Object.freeze([
  site("lulea", "Luleå, Sweden", 65.58, 22.15),
  site("stavanger", "Stavanger, Norway", 58.97, 5.73),
  site("ashburn", "Ashburn, Virginia", 39.04, -77.49),
  site("quincy", "Quincy, Washington", 47.23, -119.85),
  site("dfw", "Dallas–Fort Worth, Texas", 32.9, -97.04),
  site("doha", "Doha, Qatar", 25.29, 51.53),
  site("abudhabi", "Abu Dhabi, UAE", 24.45, 54.38),
  site("singapore", "Singapore", 1.35, 103.82),
  site("johor", "Johor Bahru, Malaysia", 1.49, 103.74),
  site("inzai", "Inzai (Tokyo), Japan", 35.83, 140.15),
]);

export const DEMO_PRESET = "ai-training";

/** The demonstration report's content (pure apart from reading the layer store). */
export function demoReport(store: LayerStore, opts: { generatedAt: string; app: { name: string; version: string }; sites?: readonly Site[]; samples?: number }): ReportContent {
  const preset = presets(store).find((p) => p.id === DEMO_PRESET)!;
  const inputs = gatherReportInputs(store, {
    project: { id: "demo", name: "Demonstration: AI training campus, ten markets" },
    scenario: preset.scenario,
    sites: [...(opts.sites ?? DEMO_SITES)],
    app: opts.app,
    generatedAt: opts.generatedAt,
    ...(opts.samples ? { samples: opts.samples } : {}),
  });
  return assembleReport(inputs);
}
