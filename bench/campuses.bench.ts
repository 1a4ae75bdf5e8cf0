/**
 * Real campuses against the land around them (issue 13): for each preset, the median percentile of
 * the 87 cited campuses of tests/fixtures/hyperscale-campuses.json among the land cells within ±5° in
 * their own country, and the shares above the 50th and 75th percentile. Targets from the issue for
 * the training preset: median ≥ 80, ≥ 75 % above the 50th. Presets whose constraints exclude most
 * campuses (a latency or jurisdiction market) also report the figures over the campuses they admit.
 */
import { LayerStore } from "@/server/layers/store";
import { presets } from "@/server/siting/presets";
import path from "node:path";
import { campusFigures, loadCampuses } from "../tests/helpers/campuses";
import type { BenchRow } from "./types";

export const name = "campuses";

export async function run(): Promise<BenchRow[]> {
  const store = LayerStore.load(path.resolve(__dirname, "../data/layers"), path.resolve(__dirname, "../.data/cache"));
  const campuses = loadCampuses();
  const countries = new Set(campuses.map((c) => c.country)).size;
  const rows: BenchRow[] = [];
  for (const p of presets(store)) {
    const f = await campusFigures(store, p.scenario, campuses);
    const training = p.id === "ai-training";
    rows.push({
      figure: `${p.title}: median percentile of ${f.n} campuses (${countries} countries) vs land within ±5° in their country`,
      value: f.median, unit: "percentile", target: training ? "≥ 80" : "", pass: training ? f.median >= 80 : null,
      note: f.excluded ? `${f.excluded} excluded by the preset's constraints; over the ${f.eligible.n} admitted: median ${f.eligible.median.toFixed(1)}, ${(100 * f.eligible.aboveHalf).toFixed(0)} % above the 50th` : undefined,
    });
    rows.push({ figure: `${p.title}: share of campuses above the 50th percentile`, value: 100 * f.aboveHalf, unit: "%", target: training ? "≥ 75 %" : "", pass: training ? f.aboveHalf >= 0.75 : null });
    rows.push({ figure: `${p.title}: share in the top quartile`, value: 100 * f.topQuartile, unit: "%", target: "", pass: null });
  }
  return rows;
}
