/**
 * A demonstration project for the sample report (scripts/sample-report.ts) and the tests: ten
 * candidate sites in the Nordic, US, Gulf and Asian markets, ranked under the "AI training campus"
 * preset.
 */
import type { LayerStore } from "@/server/layers/store";
import { DEMO_PRESET, DEMO_PROJECT_NAME, DEMO_SITES } from "@/server/schemas/demoProject";
import type { Site } from "@/server/schemas/site";
import { presets } from "@/server/siting/presets";
import { assembleReport } from "./assemble";
import { gatherReportInputs } from "./gather";
import type { ReportContent } from "./types";

export { DEMO_PRESET, DEMO_SITES };

/** The demonstration report's content (pure apart from reading the layer store). */
export function demoReport(store: LayerStore, opts: { generatedAt: string; app: { name: string; version: string }; sites?: readonly Site[]; samples?: number }): ReportContent {
  const preset = presets(store).find((p) => p.id === DEMO_PRESET)!;
  const inputs = gatherReportInputs(store, {
    project: { id: "demo", name: DEMO_PROJECT_NAME },
    scenario: preset.scenario,
    sites: [...(opts.sites ?? DEMO_SITES)],
    app: opts.app,
    generatedAt: opts.generatedAt,
    ...(opts.samples ? { samples: opts.samples } : {}),
  });
  return assembleReport(inputs);
}
