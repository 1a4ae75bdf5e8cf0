/**
 * Regional strategy as the API uses it: profile a region for a scenario, compare regions, and plan
 * capacity across candidate areas or sites for demand markets.
 */
import { z } from "zod";
import { DEFAULT_PLAUSIBILITY, PlausibilityRule } from "@/server/siting/plausibility";
import { InputError, inputsUnderSync } from "@/server/errors";
import type { LayerStore } from "@/server/layers/store";
import { jurisdictionFit, JurisdictionRule, type Localization, type Regime } from "@/server/models/jurisdiction";
import { rttBetweenMs } from "@/server/models/latency";
import { LatLon } from "@/server/schemas/geo";
import { Scenario } from "@/server/schemas/scenario";
import { Site } from "@/server/schemas/site";
import { evaluateSites } from "@/server/siting/evaluate";
import { scoredSurfaceFor } from "@/server/siting/surfaceQueries";
import { solvePlan, type PlanCandidate, type PlanDemand, type PlanResult } from "./capacityPlan";
import { solveLp } from "./highs";
import { deprecatedZoneCandidates } from "./deprecatedNames";
import { profileRegion, type RegionProfile, type CandidateAreaOptions } from "./profile";
import { Region, resolveRegion, type ResolvedRegion } from "./regions";

export const CandidateAreaOptionsInput = z.object({
  count: z.number().int().min(1).max(500).default(10),
  minDistanceKm: z.number().min(0).max(5000).default(150),
  minAreaKm2: z.number().min(0).max(1e6).default(2000),
  topShare: z.number().gt(0).max(1).default(0.1),
  /** Buildability rule for candidate area cells; on by default (server/siting/plausibility.ts). */
  plausibility: PlausibilityRule.default(DEFAULT_PLAUSIBILITY),
}).strict();

/** Profiles a region already resolved to its land cells (the scenario's errors are under "scenario"). */
async function profileResolved(store: LayerStore, resolved: ResolvedRegion, scenario: Scenario, candidateAreas: CandidateAreaOptions) {
  const { scores, method, fallback } = await scoredSurfaceFor(store, scenario);
  return { ...profileRegion(store, resolved, scores, candidateAreas), method, methodNote: fallback };
}

/** Suitability profile of one region; a bad region is an InputError under `regionPath`. */
export async function regionProfile(store: LayerStore, region: Region, scenario: Scenario, candidateAreas: CandidateAreaOptions, regionPath = "region"): Promise<RegionProfile & { method: string; methodNote: string | null }> {
  const resolved = inputsUnderSync(regionPath, () => resolveRegion(store, region));
  return profileResolved(store, resolved, scenario, candidateAreas);
}

/** Profiles several regions with the same scenario and ranks them: best candidate area first, then the median. */
export async function compareRegions(store: LayerStore, regions: Region[], scenario: Scenario, candidateAreas: CandidateAreaOptions, regionsPath = "regions") {
  // Every region is resolved before any is profiled, so a bad third region fails fast.
  const resolved = regions.map((r, i) => inputsUnderSync(`${regionsPath}.${i}`, () => resolveRegion(store, r)));
  const profiles = [];
  for (const r of resolved) profiles.push(await profileResolved(store, r, scenario, candidateAreas));
  const key = (p: RegionProfile) => [p.candidateAreas[0]?.meanScore ?? -1, p.medianScore ?? -1] as const;
  const order = profiles.map((p, i) => ({ p, i })).sort((a, b) => key(b.p)[0] - key(a.p)[0] || key(b.p)[1] - key(a.p)[1]);
  return order.map(({ p, i }, rank) => ({ rank: rank + 1, input: i, profile: p }));
}

export const PlanInput = z.object({
  scenario: Scenario,
  candidates: z.union([
    z.object({ kind: z.literal("candidate_areas"), region: Region, candidateAreas: CandidateAreaOptionsInput }).strict(),
    z.object({ kind: z.literal("sites"), sites: z.array(Site).min(1).max(1000) }).strict(),
    deprecatedZoneCandidates(Region, CandidateAreaOptionsInput),
  ]),
  totalMw: z.number().min(1, "at least 1 MW").max(50_000, "at most 50 GW"),
  maxMwPerCandidate: z.number().positive().max(10_000),
  minBuildMw: z.number().positive().max(10_000).optional(),
  markets: z.array(LatLon.extend({ name: z.string().min(1).max(120), share: z.number().positive() }).strict()).min(1, "give at least one demand market").max(50),
  workloads: z.array(z.object({ id: z.string().min(1).max(40), share: z.number().positive(), rttSlaMs: z.number().positive().max(1000).nullable() }).strict()).min(1).max(6)
    .refine((w) => new Set(w.map((x) => x.id)).size === w.length, { message: "workload ids must be unique" }),
  rule: JurisdictionRule,
  objective: z.enum(["co2", "water", "score"]),
}).strict();
export type PlanInput = z.infer<typeof PlanInput>;

export interface PlanOutput extends PlanResult {
  candidates: (PlanCandidate & { score: number | null; country: string | null })[];
  markets: { name: string; lat: number; lon: number; share: number }[];
  baseline: { description: string; totals: PlanResult["totals"] };
  savings: { co2_t: number; water_m3: number; grid_mwh: number };
}

/** Per-MW annual figures of a set of points under the scenario's load profile (metrics scale linearly with IT MW). */
function perMwFigures(store: LayerStore, points: { id: string; name: string; lat: number; lon: number }[], scenario: Scenario) {
  const r = evaluateSites(store, points.map((p) => ({ ...p, overrides: {}, origin: "coordinates" as const })), scenario);
  const it = scenario.loadProfile.itMw;
  return r.sites.map((s) => {
    const co2 = s.metrics.co2_location_t_per_yr.value, water = s.metrics.water_m3_per_yr.value, mwh = s.metrics.annual_grid_energy_mwh.value;
    return {
      site: s,
      perMw: co2 === null || water === null || mwh === null ? null : { co2_t: co2 / it, water_m3: water / it, grid_mwh: mwh / it, score_cost: 1 - (s.score ?? 0) / 100 },
      missing: [s.metrics.co2_location_t_per_yr, s.metrics.water_m3_per_yr, s.metrics.annual_grid_energy_mwh].find((m) => m.value === null)?.reason ?? null,
    };
  });
}

/** A capacity plan; input errors are under the plan's own fields ("candidates.region.key", "markets"). */
export async function planCapacity(store: LayerStore, input: PlanInput): Promise<PlanOutput> {
    const { scenario } = input;
    let points: { id: string; name: string; lat: number; lon: number }[];
    if (input.candidates.kind === "candidate_areas") {
      const profile = await regionProfile(store, input.candidates.region, scenario, input.candidates.candidateAreas, "candidates.region");
      if (!profile.candidateAreas.length) throw new InputError("candidates.region", `${profile.name} has no candidate area passing the constraints and the buildability rule at these settings (lower minAreaKm2, raise topShare or relax candidateAreas.plausibility)`);
      points = profile.candidateAreas.map((z) => ({ id: `area-${z.rank}`, name: `Candidate area ${z.rank} (${z.country ?? "?"})`, lat: z.lat, lon: z.lon }));
    } else points = input.candidates.sites;

    const figures = perMwFigures(store, points, scenario);
    const usable = figures.filter((f) => f.perMw !== null && !f.site.excluded);
    if (!usable.length) throw new InputError("candidates", `no candidate has the climate and carbon data needed (${figures[0]?.missing ?? "excluded by the scenario's constraints"})`);
    const sovereignty = evaluateSites(store, usable.map((f) => ({ id: f.site.id, name: f.site.name, lat: f.site.lat, lon: f.site.lon, overrides: {}, origin: "coordinates" as const })), {
      ...scenario,
      criteria: [
        { id: "regime", source: "sovereignty.regime", weight: 1, locked: false, valueFunction: { type: "categorical", utilities: { eu_eea_gdpr: 1, eu_adequacy: 1, comprehensive: 1, partial_or_draft: 1, none: 1 } }, constraints: [] },
        { id: "loc", source: "sovereignty.localization", weight: 1, locked: false, valueFunction: { type: "categorical", utilities: { none: 1, sectoral: 1, mirroring: 1, strict: 1 } }, constraints: [] },
      ],
      missing: "renormalize",
    });
    const candidates: PlanOutput["candidates"] = usable.map((f) => ({
      id: f.site.id, name: f.site.name, lat: f.site.lat, lon: f.site.lon, maxMw: input.maxMwPerCandidate, perMw: f.perMw!,
      score: f.site.score, country: f.site.country?.iso3 ?? null,
    }));
    // The data rule decides, per candidate, whether it may host the markets' data at all.
    const allowedByRule = new Set(candidates.filter((c, i) => {
      const site = sovereignty.sites[i]!;
      const regime = site.criteria[0]!.raw, localization = site.criteria[1]!.raw;
      return jurisdictionFit({
        country: site.country?.iso3 ?? null,
        regime: typeof regime === "string" ? (regime as Regime) : null,
        localization: typeof localization === "string" ? (localization as Localization) : null,
      }, input.rule).fit !== "excluded";
    }).map((c) => c.id));
    const shareTotal = input.markets.reduce((a, m) => a + m.share, 0);
    const workTotal = input.workloads.reduce((a, w) => a + w.share, 0);
    const demands: PlanDemand[] = [];
    for (const w of input.workloads) {
      const mw = (input.totalMw * w.share) / workTotal;
      if (w.rttSlaMs === null) {
        demands.push({ workload: w.id, market: "any", mw, eligible: allowedByRule, eligibilityRule: "allowed by the data rule" });
        continue;
      }
      for (const m of input.markets) {
        const eligible = new Set(candidates.filter((c) => allowedByRule.has(c.id) && rttBetweenMs(c.lat, c.lon, m.lat, m.lon) <= w.rttSlaMs!).map((c) => c.id));
        demands.push({ workload: w.id, market: m.name, mw: (mw * m.share) / shareTotal, eligible, eligibilityRule: `≤ ${w.rttSlaMs} ms round trip from ${m.name} and allowed by the data rule`, priority: 2 });
      }
    }
    const result = await solvePlan({ candidates, demands, objective: input.objective, ...(input.minBuildMw ? { minBuildMw: input.minBuildMw } : {}) }, solveLp);

    // Baseline: build everything next to the demand (each market's share at the market itself).
    const marketFigures = perMwFigures(store, input.markets.map((m, i) => ({ id: `m${i}`, name: m.name, lat: m.lat, lon: m.lon })), scenario);
    const baseline = { it_mw: 0, grid_mwh: 0, co2_t: 0, water_m3: 0 };
    input.markets.forEach((m, i) => {
      const f = marketFigures[i]!.perMw;
      const mw = (input.totalMw * m.share) / shareTotal;
      baseline.it_mw += mw;
      if (f) {
        baseline.grid_mwh += mw * f.grid_mwh;
        baseline.co2_t += mw * f.co2_t;
        baseline.water_m3 += mw * f.water_m3;
      }
    });
    return {
      ...result,
      candidates,
      markets: input.markets,
      baseline: { description: "All capacity built at the demand markets, split by their demand shares, with the same load profile.", totals: baseline },
      savings: { co2_t: baseline.co2_t - result.totals.co2_t, water_m3: baseline.water_m3 - result.totals.water_m3, grid_mwh: baseline.grid_mwh - result.totals.grid_mwh },
    };
}
