/**
 * Siting benchmarks (issues 5 and 14): ranking 5,000 and 10,000 sites with 12 criteria through the
 * API (sampling, engineering metrics, value functions, constraints, scoring, agreement with the
 * other methods), warm (the sites' weight-independent evaluation prepared by an earlier request, as
 * when a slider moves) and cold (a freshly loaded layer store and sites never seen: sampling and the
 * cooling model run for every site), and SMAA with 10,000 weight samples for 200 sites.
 * Target (issue 14): 10,000 sites with metrics in < 300 ms.
 */
import path from "node:path";
import { createCaller } from "@/server/trpc/root";
import { internalContext } from "@/server/trpc/context";
import { LayerStore } from "@/server/layers/store";
import type { Scenario } from "@/server/schemas/scenario";
import type { Site } from "@/server/schemas/site";
import { randomLandPoints } from "./layers.bench";
import { medianMs, type BenchRow } from "./types";

export const name = "siting";

function twelveCriteria(base: Scenario): Scenario {
  const extra: Scenario["criteria"] = [
    { id: "wue", source: "metric.wue_l_per_kwh", weight: 1, locked: false, valueFunction: { type: "linear", worst: 1.8, best: 0 }, constraints: [] },
    { id: "stress", source: "risk.water_stress", weight: 1, locked: false, valueFunction: { type: "linear", worst: 4, best: 0 }, constraints: [] },
    { id: "seismic", source: "risk.seismic", weight: 1, locked: false, valueFunction: { type: "linear", worst: 20, best: 0 }, constraints: [] },
    { id: "fcool", source: "cooling.free_cooling_hours", weight: 1, locked: false, valueFunction: { type: "linear", worst: 0, best: 8760 }, constraints: [] },
    { id: "cloud", source: "connectivity.nearest_cloud_region_km", weight: 1, locked: false, valueFunction: { type: "linear", worst: 2000, best: 0 }, constraints: [] },
    { id: "regime", source: "sovereignty.regime", weight: 1, locked: false, valueFunction: { type: "categorical", utilities: { eu_eea_gdpr: 1, eu_adequacy: 0.8, comprehensive: 0.6, partial_or_draft: 0.3, none: 0 } }, constraints: [] },
  ];
  return { ...base, criteria: [...base.criteria, ...extra].slice(0, 12) };
}

export async function run(): Promise<BenchRow[]> {
  process.env.LAYERS_DIR = path.resolve(__dirname, "../data/layers");
  const api = createCaller(internalContext("bench"));
  const store = LayerStore.load(process.env.LAYERS_DIR);
  const training = (await api.scoring.presets()).find((p) => p.id === "ai-training")!.scenario;
  const scenario = twelveCriteria(training);
  const toSites = (seed: number, count: number): Site[] => randomLandPoints(store, count, seed).map((p, i) => ({ id: `s${i}`, name: `Site ${i}`, lat: p.lat, lon: p.lon, overrides: {}, origin: "import" }));
  const sites10k = toSites(7, 10_000);
  const sites = sites10k.slice(0, 5000);

  // Cold: a fresh store (nothing sampled or modelled yet) and sites no request has prepared.
  const coldApi = createCaller(internalContext("bench-cold", { layers: LayerStore.load(process.env.LAYERS_DIR) }));
  const coldSites = toSites(11, 10_000);
  let t0 = performance.now();
  await coldApi.scoring.rank({ sites: coldSites, scenario });
  const coldMs = Math.round(performance.now() - t0);
  const coldAgain = toSites(12, 10_000);
  t0 = performance.now();
  await coldApi.scoring.rank({ sites: coldAgain, scenario });
  const newSitesMs = Math.round(performance.now() - t0);

  await api.scoring.rank({ sites: sites.slice(0, 50), scenario }); // load layers and model grids
  const rankMs = await medianMs(() => api.scoring.rank({ sites, scenario }), 3, 1);
  const rank10kMs = await medianMs(() => api.scoring.rank({ sites: sites10k, scenario }), 5, 1);
  const smaaMs = await medianMs(() => api.scoring.sensitivity({ sites: sites.slice(0, 200), scenario, samples: 10_000, seed: 1 }), 3, 1);
  const k = scenario.criteria.length;
  return [
    { figure: `scoring.rank: 5,000 sites × ${k} criteria (incl. metrics, method agreement), warm`, value: Math.round(rankMs), unit: "ms", target: "", pass: null },
    { figure: `scoring.rank: 10,000 sites × ${k} criteria, warm (a weight change)`, value: Math.round(rank10kMs), unit: "ms", target: "< 300 ms", pass: rank10kMs < 300 },
    { figure: `scoring.rank: 10,000 new sites × ${k} criteria (sampling + metrics for each)`, value: newSitesMs, unit: "ms", target: "", pass: null, note: "the cooling model runs for each new site" },
    { figure: `scoring.rank: 10,000 sites × ${k} criteria, cold (fresh layer store, first request)`, value: coldMs, unit: "ms", target: "", pass: null, note: "includes loading layer columns and model grids once" },
    { figure: "scoring.sensitivity: 200 sites, SMAA 10,000 samples + weight stability", value: Math.round(smaaMs), unit: "ms", target: "", pass: null },
  ];
}
