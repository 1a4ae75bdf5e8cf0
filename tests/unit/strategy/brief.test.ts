/**
 * The strategy brief's assembly (pure): from a constructed profile, comparison and plan, the content
 * says what they say — names, scores, totals against the baseline, shares normalised, missing values
 * null — is JSON-safe, and hashes its inputs; its figures draw what the content holds.
 */
import { describe, expect, it } from "vitest";
import { contentHash } from "@/server/documents/hash";
import { countryOutlines } from "@/server/documents/countries";
import { briefFigures } from "@/server/strategy/brief/figures";
import { allocationMapFigure, rasterClasses, regionProjection } from "@/server/strategy/brief/maps";
import { planTotalsTable, candidateAreasTable } from "@/server/strategy/brief/tables";
import { presets } from "@/server/siting/presets";
import { assembleBrief } from "@/server/strategy/brief/assemble";
import { changeText } from "@/server/strategy/brief/prose";
import type { BriefInputs, StrategyBriefContent } from "@/server/strategy/brief/content";
import { readStoredBrief } from "@/server/strategy/brief/storedContent";
import { BriefRequest } from "@/server/strategy/brief/request";
import { regionRaster } from "@/server/strategy/brief/storedBriefs";
import { powerMarketAtPoints } from "@/server/layers/powerMarket";
import type { RegionProfile } from "@/server/strategy/profile";
import { resolveRegion } from "@/server/strategy/regions";
import type { PlanOutput } from "@/server/strategy/regionalPlanning";
import { SCORE_EXCLUDED } from "@/server/scoring/surfaceScore";
import { testStore } from "../../helpers/layers";

const scenario = presets(testStore()).find((p) => p.id === "ai-training")!.scenario;

function profile(name: string, over: Partial<RegionProfile> = {}): RegionProfile & { method: string; methodNote: string | null } {
  return {
    name, areaKm2: 400_000, cells: 1200, passShare: 0.8, excludedShare: 0.15, unscoredShare: 0.05,
    histogram: Array.from({ length: 10 }, (_, b) => ({ from: b * 10, to: b * 10 + 10, areaShare: b === 7 ? 0.6 : b === 8 ? 0.4 : 0 })),
    medianScore: 78.5, p90Score: 84.2, candidateAreaThreshold: 82,
    layers: [
      { id: "carbon.grid_intensity", title: "Grid carbon intensity", unit: "gCO2eq/kWh", min: 10, p10: 12, median: 20, p90: 40, max: 90, coverage: 1 },
      { id: "risk.flood", title: "Riverine flood risk", unit: "category 0–4", min: NaN, p10: NaN, median: NaN, p90: NaN, max: NaN, coverage: 0 },
    ],
    candidateAreas: [
      { rank: 1, lat: 65.1, lon: 21.3, areaKm2: 9000, cells: 40, meanScore: 86.4, bestScore: 88.1, country: "Sweden", plausibility: "Passed: 1,200 MW within 100 km; nearest city of ≥ 100,000 at 40 km; 300,000 people in towns within 100 km." },
      { rank: 2, lat: 62.0, lon: 15.0, areaKm2: 5000, cells: 22, meanScore: 85.2, bestScore: 86.0, country: "Sweden", plausibility: "Passed: 900 MW within 100 km; nearest city of ≥ 100,000 at 90 km; 120,000 people in towns within 100 km." },
    ],
    plausibility: { text: "Buildable: at least 300 MW of generating capacity within 100 km, and a city of ≥ 100,000 people within 150 km or at least 50,000 people in towns within 100 km.", implausibleShare: 0.4 },
    method: "wsm", methodNote: null,
    ...over,
  };
}

const planRequest = {
  candidates: { kind: "candidate_areas" as const, region: { kind: "country" as const, key: "SWE" }, candidateAreas: { count: 10, minDistanceKm: 150, minAreaKm2: 1500, topShare: 0.15 } },
  totalMw: 2000, maxMwPerCandidate: 1200,
  markets: [{ name: "Stockholm", lat: 59.33, lon: 18.07, share: 3 }, { name: "Oslo", lat: 59.91, lon: 10.75, share: 1 }],
  workloads: [{ id: "training", share: 7, rttSlaMs: null }, { id: "inference", share: 3, rttSlaMs: 30 }],
  rule: { kind: "any" as const }, objective: "co2" as const,
};

function planOutput(): PlanOutput {
  const perMw = (co2: number) => ({ co2_t: co2, water_m3: 0, score_cost: 0.1, grid_mwh: 8000 });
  return {
    status: "optimal", objective: "co2",
    allocations: [
      { candidateId: "area-1", workload: "training", market: "any", mw: 1200 },
      { candidateId: "area-2", workload: "training", market: "any", mw: 200 },
      { candidateId: "area-2", workload: "inference", market: "Stockholm", mw: 450 },
      { candidateId: "area-2", workload: "inference", market: "Oslo", mw: 150 },
    ],
    built: [{ candidateId: "area-2", mw: 800 }, { candidateId: "area-1", mw: 1200 }],
    totals: { it_mw: 2000, grid_mwh: 16_000_000, co2_t: 1200 * 100 + 800 * 150, water_m3: 0 },
    shortfalls: [],
    capacityShadowPrices: [],
    solver: { name: "HiGHS", status: "Optimal", seconds: 0.012, variables: 7, constraints: 6, integer: false },
    candidates: [
      { id: "area-1", name: "Candidate area 1 (Sweden)", lat: 65.1, lon: 21.3, maxMw: 1200, perMw: perMw(100), score: 86.4, country: "SWE" },
      { id: "area-2", name: "Candidate area 2 (Sweden)", lat: 62.0, lon: 15.0, maxMw: 1200, perMw: perMw(150), score: 85.2, country: "SWE" },
      { id: "area-3", name: "Candidate area 3 (Sweden)", lat: 58.0, lon: 13.0, maxMw: 1200, perMw: perMw(400), score: 80, country: "SWE" },
    ],
    markets: planRequest.markets,
    baseline: { description: "All capacity built at the demand markets.", totals: { it_mw: 2000, grid_mwh: 16_500_000, co2_t: 480_000, water_m3: 0 } },
    savings: { co2_t: 480_000 - 240_000, water_m3: 0, grid_mwh: 500_000 },
  };
}

function inputs(over: Partial<BriefInputs> = {}): BriefInputs {
  const request = BriefRequest.parse({
    scenario, region: { kind: "country", key: "SWE" },
    compare: { regions: [{ kind: "country", key: "SWE" }, { kind: "country", key: "NOR" }] },
    plan: planRequest,
  });
  return {
    request,
    criteria: scenario.criteria.map((c) => ({ id: c.id, source: c.source, title: c.source, unit: "", kind: c.source.startsWith("metric.") ? "metric" : "layer" })),
    profile: profile("Sweden"),
    raster: { cellDeg: 0.5, cells: [[65.25, 21.25, 86], [65.25, 21.75, null], [62.25, 15.25, 70]] },
    comparison: [{ rank: 1, input: 0, profile: profile("Sweden") }, { rank: 2, input: 1, profile: profile("Norway", { medianScore: 70, candidateAreas: [] }) }],
    plan: planOutput(),
    powerMarket: null,
    manifest: testStore().manifest,
    app: { name: "siting-atlas", version: "0.0.0-test" },
    generatedAt: "2026-01-02T03:04:05.000Z",
    ...over,
  };
}

describe("assembleBrief", () => {
  it("titles the brief after the region and asks the question with the plan's size and markets", () => {
    const c = assembleBrief(inputs());
    expect(c.title).toBe("Strategy brief: Sweden");
    expect(c.cover.subtitle).toMatch(/^Region profile, comparison and capacity plan · scenario “AI training campus”/);
    expect(c.cover.question).toContain("Sweden");
    expect(c.cover.question).toContain("compared with Norway");
    expect(c.cover.question).toContain("2 GW");
    expect(c.cover.question).toContain("Stockholm, Oslo");
    expect(c.cover.date).toBe("2026-01-02");
  });

  it("keeps the profile's numbers and candidate areas, and turns missing layer spreads into null (JSON-safe)", () => {
    const c = assembleBrief(inputs());
    expect(c.profile.candidateAreas.map((z) => z.meanScore)).toEqual([86.4, 85.2]);
    expect(c.profile.regionDescription).toBe("country (SWE)");
    expect(c.profile.method).toBe("Weighted sum (WSM)");
    const flood = c.profile.layers.find((l) => l.id === "risk.flood")!;
    expect(flood.median).toBeNull();
    expect(flood.quality).not.toBe("unknown");
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
    expect(candidateAreasTable(c.profile).rows[0]).toEqual(["1", "Sweden", "65.10° N, 21.30° E", "9,000", "86.4", "88.1"]);
  });

  it("summarises the plan: built largest first, demand shares normalised, latency of each market link, totals against the baseline", () => {
    const p = assembleBrief(inputs()).plan!;
    expect(p.built.map((b) => [b.id, b.built_mw, b.atLimit])).toEqual([["area-1", 1200, true], ["area-2", 800, false]]);
    expect(p.built[1]!.co2_t_per_yr).toBe(800 * 150);
    expect(p.built[1]!.serves.sort()).toEqual(["Oslo", "Stockholm", "anywhere"]);
    expect(p.unused.map((u) => u.id)).toEqual(["area-3"]);
    expect(p.markets.map((m) => [m.share, m.mw])).toEqual([[0.75, 1500], [0.25, 500]]);
    expect(p.workloads.map((w) => [w.id, w.share, w.mw])).toEqual([["training", 0.7, 1400], ["inference", 0.3, 600]]);
    const link = p.allocations.find((a) => a.market === "Stockholm")!;
    expect(link.rtt_ms).toBeGreaterThan(3);
    expect(link.rtt_ms).toBeLessThan(15);
    expect(p.allocations.find((a) => a.market === "any")!.rtt_ms).toBeNull();
    expect(p.candidateSource).toMatch(/^up to 10 best candidate areas of Sweden/);
    expect(planTotalsTable(p).rows).toContainEqual(["CO2, location-based", "t", "240,000", "480,000", "−50 %"]);
  });

  it("writes findings and key numbers that carry the same numbers", () => {
    const c = assembleBrief(inputs());
    const text = c.summary.findings.join(" ");
    expect(text).toContain("Candidate area 1 in Sweden");
    expect(text).toContain("86.4");
    expect(text).toMatch(/Sweden ranks first/);
    expect(text).toContain("240,000 tCO2");
    expect(text).toContain("480,000 tCO2");
    const k = Object.fromEntries(c.summary.keyNumbers.map((x) => [x.label, x]));
    expect(k["CO2, location-based"]!.value).toBe(240_000);
    expect(k["CO2, location-based"]!.note).toMatch(/^−50 % against building at the demand/);
    expect(k["Best candidate area, mean score"]!.value).toBe(86.4);
  });

  it("ranks the comparison as given and marks the profiled region", () => {
    const c = assembleBrief(inputs()).comparison!;
    expect(c.rows.map((r) => [r.rank, r.regionName, r.profiled, r.bestAreaScore])).toEqual([[1, "Sweden", true, 86.4], [2, "Norway", false, null]]);
    expect(c.rows[0]!.carbonMedian_gco2_per_kwh).toBe(20);
  });

  it("leaves out the comparison and the plan when the request has none", () => {
    const base = inputs();
    const { compare: _c, plan: _p, ...request } = base.request;
    const c = assembleBrief({ ...base, request, comparison: null, plan: null });
    expect(c.comparison).toBeNull();
    expect(c.plan).toBeNull();
    expect(c.cover.subtitle).toMatch(/^Region profile · /);
    expect(c.summary.keyNumbers.map((k) => k.label)).not.toContain("Grid energy");
    expect(c.methodology.sections.map((s) => s.topic)).not.toContain("Capacity plan");
  });

  it("records the provenance of every layer it uses, and hashes its inputs for the reproducibility footer", () => {
    const c = assembleBrief(inputs());
    const used = new Map(c.provenance.layers.map((l) => [l.id, l.usedFor.join("; ")]));
    expect(used.get("carbon.grid_intensity")).toMatch(/criterion.*region profile.*plan CO2/);
    expect(used.has("climate.normals")).toBe(true);
    expect(used.has("geo.countries")).toBe(true);
    expect(c.provenance.sources.length).toBeGreaterThan(3);
    expect(c.reproducibility.inputsHash).toBe(contentHash(inputs().request));
    expect(c.reproducibility.scenarioHash).toBe(contentHash(scenario));
    expect(c.reproducibility.dataManifestHash).toBe(testStore().manifest.inputsHash);
    // Key order does not change the hash (canonical JSON).
    const reordered = Object.fromEntries(Object.entries(inputs().request).reverse()) as BriefInputs["request"];
    expect(Object.keys(reordered)[0]).not.toBe(Object.keys(inputs().request)[0]);
    expect(contentHash(reordered)).toBe(c.reproducibility.inputsHash);
  });

  it("states a shortfall with its binding constraint", () => {
    const out = planOutput();
    out.status = "infeasible";
    out.shortfalls = [{ workload: "inference", market: "Oslo", demandMw: 150, unmetMw: 150, binding: "inference demand for Oslo (150 MW): no candidate meets the eligibility rule (≤ 2 ms round trip from Oslo and allowed by the data rule)" }];
    const c = assembleBrief(inputs({ plan: out }));
    expect(c.summary.findings.at(-1)).toMatch(/^150 MW of demand cannot be placed under the constraints: inference demand for Oslo/);
  });

  it("formats changes against a baseline with a true minus sign", () => {
    expect(changeText(50, 100)).toBe("−50 %");
    expect(changeText(105, 100)).toBe("+5.0 %");
    expect(changeText(1, 0)).toBeNull();
  });
});

describe("brief figures", () => {
  const content = assembleBrief(inputs());
  const f = briefFigures(content, { countries: countryOutlines(testStore()) });

  it("draws the histogram's bars in proportion to the area shares, labelled, with the median marked", () => {
    const bars = f.histogram.items.filter((i) => i.kind === "rect" && i.fill !== "#f1f1f1") as { h: number }[];
    expect(bars).toHaveLength(2);
    expect(bars[0]!.h / bars[1]!.h).toBeCloseTo(0.6 / 0.4, 2);
    const texts = f.histogram.items.filter((i) => i.kind === "text").map((i) => (i as { text: string }).text);
    expect(texts).toEqual(expect.arrayContaining(["60 %", "40 %", "median 78.5", "candidate area cells: score ≥ 82.0"]));
  });

  it("compares regions with labelled bars and says when a region has no candidate area", () => {
    const texts = f.comparison!.items.filter((i) => i.kind === "text").map((i) => (i as { text: string }).text);
    expect(texts).toEqual(expect.arrayContaining(["1. Sweden", "2. Norway", "86.4", "78.5", "no candidate area", "70.0"]));
  });

  it("shows the plan's totals next to the baseline with the change", () => {
    const texts = f.planTotals!.items.filter((i) => i.kind === "text").map((i) => (i as { text: string }).text);
    expect(texts).toContain("plan 240,000 (−50 %)");
    expect(texts).toContain("at demand 480,000");
  });

  it("maps the allocation: one link per market-bound allocation, none for location-free demand, markets and locations labelled", () => {
    const scene = allocationMapFigure(content.plan!, { countries: countryOutlines(testStore()), width: 515, height: 320 });
    const links = scene.items.filter((i) => i.kind === "path" && i.fill === "none" && i.stroke === "#4a4a4a");
    expect(links).toHaveLength(2);
    const texts = scene.items.filter((i) => i.kind === "text").map((i) => (i as { text: string }).text);
    expect(texts).toEqual(expect.arrayContaining(["Stockholm", "Oslo", "Candidate area 1 · 1,200 MW"]));
    expect(scene.description).toMatch(/1,400 MW of location-free demand has no link/);
  });

  it("maps the region's blocks in grey classes with the candidate areas numbered", () => {
    const texts = f.regionMap.items.filter((i) => i.kind === "text").map((i) => (i as { text: string }).text);
    expect(texts).toEqual(expect.arrayContaining(["1", "2", "Candidate area 1 · 86.4", "excluded or no data"]));
    expect(rasterClasses([57.2, 76.4])).toEqual([57, 60.3, 63.7, 67, 70.3, 73.7, 77]);
  });

  it("centres a region that crosses the antimeridian on the region, not on Greenwich", () => {
    const pts = [{ lat: 65, lon: 170 }, { lat: 66, lon: -175 }, { lat: 60, lon: 100 }];
    const { projection, world } = regionProjection(pts, 0.5, [[0, 0], [500, 300]]);
    expect(world).toBe(false);
    const [lon0] = projection.rotate();
    expect(Math.abs(-lon0! - 142.5)).toBeLessThan(1);
  });
});

describe("regionRaster", () => {
  it("merges a region's cells into blocks: fewer than the limit, area-weighted mean scores, null where constraints exclude most land", () => {
    const store = testStore();
    const region = resolveRegion(store, { kind: "country", key: "SWE" });
    const scores = new Float32Array(store.grid.landCells).fill(0.5);
    // Exclude the south (below 60° N), score the north 0.9.
    region.cells.forEach((li) => {
      const c = store.grid.centreOfLand(li);
      scores[li] = c.lat < 60 ? SCORE_EXCLUDED : c.lat > 65 ? 0.9 : 0.5;
    });
    const r = regionRaster(store, region.cells, scores, 400);
    expect(r.cells.length).toBeLessThanOrEqual(400);
    expect(r.cellDeg).toBeGreaterThan(0.25);
    expect(Number.isInteger(Math.log2(r.cellDeg / 0.25))).toBe(true);
    for (const [lat, , v] of r.cells) {
      if (lat < 59) expect(v).toBeNull();
      if (lat > 66) expect(v).toBeCloseTo(90, 5);
    }
    const fine = regionRaster(store, region.cells, scores);
    expect(fine.cellDeg).toBe(0.25);
    expect(fine.cells.length).toBe(new Set(Array.from(region.cells)).size);
  });
});

describe("the brief's power-market section", () => {
  it("cites the curated facts at each candidate area and states the screening limitation", () => {
    const p = profile("Sweden");
    const c = assembleBrief(inputs({ powerMarket: powerMarketAtPoints(testStore(), p.candidateAreas) }));
    // Both areas are in Sweden, under one national row: one table covering both.
    expect(c.powerMarket).toHaveLength(1);
    const first = c.powerMarket![0]!;
    expect(first.label).toMatch(/^Candidate areas 1, 2/);
    expect(first.section.lines.map((l) => l.title)).toEqual(["Market structure", "Corporate PPA route", "Energy attribute certificates", "Power-sector carbon price", "Data-centre connection rules"]);
    // Sweden: a liberalised Nordic market with EU guarantees of origin and the EU ETS (power-market.csv).
    expect(first.section.lines.find((l) => l.title === "Energy attribute certificates")!.value).toMatch(/guarantee/i);
    for (const l of first.section.lines) expect(l.citation, l.title).toBeTruthy();
    expect(c.limitations.join(" ")).toMatch(/screening aid, not legal or commercial advice/);
  });
});

describe("deprecated names (zones → candidate areas, one release)", () => {
  it("reads a request that still says zones, for the profile, the comparison and the plan", () => {
    const settings = { count: 3, minDistanceKm: 100, minAreaKm2: 500, topShare: 0.2 };
    const old = BriefRequest.parse({
      scenario, region: { kind: "country", key: "SWE" }, zones: settings,
      compare: { regions: [{ kind: "country", key: "SWE" }, { kind: "country", key: "NOR" }], zones: settings },
      plan: { ...planRequest, candidates: { kind: "zones", region: { kind: "country", key: "SWE" }, zones: settings } },
    });
    const now = BriefRequest.parse({
      scenario, region: { kind: "country", key: "SWE" }, candidateAreas: settings,
      compare: { regions: [{ kind: "country", key: "SWE" }, { kind: "country", key: "NOR" }], candidateAreas: settings },
      plan: { ...planRequest, candidates: { kind: "candidate_areas", region: { kind: "country", key: "SWE" }, candidateAreas: settings } },
    });
    expect(old).toEqual(now);
    expect(old).not.toHaveProperty("zones");
  });

  it("opens a brief stored as version 1 (zones) as the current version", () => {
    const current = JSON.parse(JSON.stringify(assembleBrief(inputs()))) as StrategyBriefContent;
    const back: Record<string, string> = { candidateAreas: "zones", candidateAreaOptions: "zoneOptions", candidateAreaThreshold: "zoneThreshold", bestAreaScore: "bestZoneScore" };
    const toV1 = (x: unknown): unknown => Array.isArray(x) ? x.map(toV1) : x && typeof x === "object"
      ? Object.fromEntries(Object.entries(x).map(([k, v]) => [back[k] ?? k, k === "kind" && v === "candidate_areas" ? "zones" : toV1(v)]))
      : x;
    const v1 = { ...(toV1(current) as object), schemaVersion: 1 };
    expect(JSON.stringify(v1)).toMatch(/"zones"/);
    expect(readStoredBrief(v1)).toEqual(current);
    expect(() => readStoredBrief({ ...current, schemaVersion: 7 })).toThrow(/unknown content version \(7\)/);
  });
});
