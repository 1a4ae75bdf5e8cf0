/**
 * Strategy benchmarks (issue 7), with the "AI training campus" preset (6 criteria incl. the PUE and
 * latency metrics, over all ~257,000 land cells):
 *   - a region profile of Russia, the largest country (17 M km²): cold with nothing cached (fresh layer
 *     store, cooling model on every cell), cold after a restart (cooling grid on disk), and warm (the
 *     surface cached, as the strategy page finds it after the first profile) through `strategy.profile`;
 *     and the profile's own work (region cells, histogram, layer spreads, candidate areas) on a scored surface;
 *   - a capacity plan over 500 candidate areas of the USA (`candidate areas` count 500, 40 km apart, 200 km²)
 *     for 20 US metro markets from the gazetteer (demand
 *     share = population), 10 GW, 60 % training anywhere and 40 % inference within 20 ms, at most
 *     100 MW per candidate area: the HiGHS solve and the whole `strategy.plan` (candidate areas, per-MW engineering
 *     metrics of 500 candidates, data rule, LP, baseline); and the same with a 50 MW minimum build (a
 *     mixed-integer programme with 500 binaries);
 *   - the strategy brief of both as a PDF (recomputed from the request, figures, react-pdf).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { LayerStore } from "../server/layers/store";
import type { Scenario } from "../server/schemas/scenario";
import { scoreSurface } from "../server/scoring/surfaceScore";
import { computeSurface } from "../server/siting/surface";
import { BriefRequest } from "@/server/strategy/brief/request";
import { briefFiguresFor, buildBrief } from "@/server/strategy/brief/storedBriefs";
import { profileRegion } from "../server/strategy/profile";
import { resolveRegion } from "../server/strategy/regions";
import { createCaller } from "../server/trpc/root";
import { internalContext } from "../server/trpc/context";
import { medianMs, type BenchRow } from "./types";

export const name = "strategy";

const ROOT = path.resolve(__dirname, "..");
const LAYERS = path.join(ROOT, "data/layers");

/** The 20 largest US metros by core city, looked up in the gazetteer (population = demand share). */
const US_MARKETS = [
  "New York City", "Los Angeles", "Chicago", "Houston", "Phoenix", "Philadelphia", "San Antonio", "San Diego", "Dallas", "San Jose",
  "Austin", "Jacksonville", "Columbus", "Charlotte", "Indianapolis", "Seattle", "Denver", "Washington", "Boston", "Atlanta",
];

const r1 = (x: number) => Math.round(x * 10) / 10;

export async function run(): Promise<BenchRow[]> {
  process.env.LAYERS_DIR = LAYERS;
  const api = createCaller(internalContext("bench"));
  const scenario: Scenario = (await api.scoring.presets()).find((p) => p.id === "ai-training")!.scenario;
  const region = { kind: "country" as const, key: "RUS" };
  const candidateAreas = { count: 10, minDistanceKm: 150, minAreaKm2: 2000, topShare: 0.1 };
  const rows: BenchRow[] = [];
  const tmp = mkdtempSync(path.join(os.tmpdir(), "strategy-bench-"));
  try {
    // Cold: the profile's steps (strategy/regionalPlanning.ts regionProfile) on a fresh store with its own caches.
    const profileCold = async (cacheDir: string) => {
      const store = LayerStore.load(LAYERS, cacheDir);
      const t0 = performance.now();
      const resolved = resolveRegion(store, region);
      const surface = await computeSurface(store, scenario);
      const { scores } = scoreSurface({ n: store.grid.landCells, utilities: surface.utilities, excluded: surface.excluded }, { weights: scenario.criteria.map((c) => c.weight), missing: scenario.missing, method: "wsm" });
      const p = profileRegion(store, resolved, scores, candidateAreas);
      return { ms: performance.now() - t0, p, store, scores, resolved };
    };
    const cacheDir = path.join(tmp, "cache");
    const nothing = await profileCold(cacheDir);
    const restart = await profileCold(cacheDir);
    const p = nothing.p;
    const land = `${(p.areaKm2 / 1e6).toFixed(1)} M km², ${p.cells.toLocaleString("en")} cells, ${p.candidateAreas.length} candidate areas`;
    rows.push({ figure: `region profile, ${p.name} (${land}): cold, nothing cached (fresh store, cooling model on every cell)`, value: Math.round(nothing.ms), unit: "ms", target: "", pass: null });
    rows.push({ figure: "… cold after a restart (fresh store; surface recomputed, cooling grid read from disk)", value: Math.round(restart.ms), unit: "ms", target: "", pass: null });
    const stepMs = await medianMs(() => profileRegion(restart.store, restart.resolved, restart.scores, candidateAreas), 5, 1);
    rows.push({ figure: "… of which the profile itself on a scored surface (histogram, 10 layer spreads, candidate areas)", value: r1(stepMs), unit: "ms", target: "", pass: null });
    // Warm: through the API, the surface in the server's cache after the first request.
    const t0 = performance.now();
    await api.strategy.profile({ region, scenario, candidateAreas });
    const firstMs = performance.now() - t0;
    const warmMs = await medianMs(() => api.strategy.profile({ region, scenario, candidateAreas }), 5, 1);
    rows.push({ figure: "… warm: strategy.profile with the surface cached (rescore 257k cells + profile)", value: r1(warmMs), unit: "ms", target: "", pass: null, note: `first request in this process ${Math.round(firstMs)} ms` });

    // Capacity plan: 500 candidate areas of the USA, 20 markets.
    const markets: { name: string; lat: number; lon: number; share: number }[] = [];
    for (const q of US_MARKETS) {
      const hit = (await api.sites.search({ q, limit: 5 })).find((x) => x.country === "US");
      if (!hit) throw new Error(`gazetteer has no US city ${q}`);
      markets.push({ name: hit.name, lat: hit.lat, lon: hit.lon, share: hit.population });
    }
    const planInput = (minBuildMw?: number) => ({
      scenario,
      candidates: { kind: "candidate_areas" as const, region: { kind: "country" as const, key: "USA" }, candidateAreas: { count: 500, minDistanceKm: 40, minAreaKm2: 200, topShare: 0.3 } },
      totalMw: 10_000, maxMwPerCandidate: 100, ...(minBuildMw ? { minBuildMw } : {}),
      markets,
      workloads: [{ id: "training", share: 0.6, rttSlaMs: null }, { id: "inference", share: 0.4, rttSlaMs: 20 }],
      rule: { kind: "any" as const }, objective: "co2" as const,
    });
    for (const minBuild of [undefined, 50]) {
      let solveS = 0, last: Awaited<ReturnType<typeof api.strategy.plan>> | null = null;
      const totalMs = await medianMs(async () => {
        last = await api.strategy.plan(planInput(minBuild));
        solveS = last.solver.seconds;
      }, 3, 1);
      const plan = last!;
      const label = minBuild ? `MIP, minimum build ${minBuild} MW (500 binaries)` : "LP";
      if (plan.candidates.length < 500) throw new Error(`only ${plan.candidates.length} candidate areas`);
      rows.push({
        figure: `capacity plan ${label}: 500 candidate areas × 20 markets, 10 GW — HiGHS solve`, value: r1(solveS * 1000), unit: "ms", target: "", pass: null,
        note: `${plan.solver.variables.toLocaleString("en")} variables, ${plan.solver.constraints.toLocaleString("en")} constraints; ${plan.status}, ${plan.built.length} candidate areas built`,
      });
      rows.push({ figure: `… total strategy.plan (${label}): candidate areas, per-MW metrics of 500 candidates, data rule, solve, baseline`, value: Math.round(totalMs), unit: "ms", target: "", pass: null });
    }

    // The strategy brief of the Russia profile with the LP plan: assembly (profile, plan, map blocks) and the PDF.
    const store = LayerStore.load(LAYERS, cacheDir);
    const request = BriefRequest.parse({ scenario, region, candidateAreas, plan: (({ scenario: _s, ...rest }) => rest)(planInput()) });
    const { renderBriefPdf } = await import("@/server/strategy/brief/render");
    let pages = 0, bytes = 0;
    const briefMs = await medianMs(async () => {
      const content = await buildBrief(store, request);
      const pdf = await renderBriefPdf(content, briefFiguresFor(store, content));
      bytes = pdf.length;
      pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    }, 3, 1);
    rows.push({ figure: "strategy brief PDF: Russia profile + the 500-candidate area US plan (build, figures, PDF)", value: Math.round(briefMs), unit: "ms", target: "", pass: null, note: `${pages} pages, ${(bytes / 1024).toFixed(0)} kB` });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}
