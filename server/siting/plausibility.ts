/**
 * The buildability rule (issue 13) that "find best locations" and the strategy page's best zones
 * apply before ranking cells, so they never recommend places no one could build: mountains with
 * hydro but no town, or towns with no grid. A cell is plausible when it has
 *   some grid — at least `minCapacityMw` of generating capacity within 100 km — and
 *   some people — a city of ≥ 100,000 within `maxCityKm`, or at least `minPeople` in towns within 100 km.
 * Defaults (300 MW; 150 km; 50,000 people) keep 86 of the 87 real campuses of
 * tests/fixtures/hyperscale-campuses.json and about a quarter of the world's land. The issue's
 * example rule (1 GW *or* a city within 150 km) would let the Scandinavian mountains through on
 * their hydro plants alone and exclude Luleå, so both conditions are required. On by default; the
 * user can change the thresholds or turn it off, and every zone and location says what it passed.
 */
import { z } from "zod";
import type { LayerStore } from "@/server/layers/store";
import { layerCells } from "./modelLayers";

export const PlausibilityRule = z.object({
  enabled: z.boolean().default(true),
  /** Generating capacity within 100 km, MW (power.capacity_within_100km_mw). */
  minCapacityMw: z.number().finite().min(0, "must be ≥ 0 MW").max(100_000, "at most 100,000 MW").default(300),
  /** Distance to the nearest city of ≥ 100,000, km (access.nearest_city_km). */
  maxCityKm: z.number().finite().min(0, "must be ≥ 0 km").max(5000, "at most 5,000 km").default(150),
  /** People in towns within 100 km (access.population_within_100km, as people). */
  minPeople: z.number().finite().min(0, "must be ≥ 0").max(1e9).default(50_000),
}).strict();
export type PlausibilityRule = z.infer<typeof PlausibilityRule>;

export const DEFAULT_PLAUSIBILITY: PlausibilityRule = PlausibilityRule.parse({});

const fmt = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString("en") : "no value");

/** The rule in words, for the UI, zones and reports. */
export function describePlausibility(rule: PlausibilityRule): string {
  if (!rule.enabled) return "Buildability rule off: every scored cell may be chosen.";
  return `Buildable: at least ${fmt(rule.minCapacityMw)} MW of generating capacity within 100 km, and a city of ≥ 100,000 people within ${fmt(rule.maxCityKm)} km or at least ${fmt(rule.minPeople)} people in towns within 100 km.`;
}

/** A cell's evidence (NaN where the layer has no value there, which fails the rule rather than reading as 0). */
export interface CellEvidence { capacityMw: number; cityKm: number; people: number }

export interface Plausibility {
  rule: PlausibilityRule;
  text: string;
  /** Per land cell: 1 when the cell passes (always 1 with the rule off). */
  mask: Uint8Array;
  /** The evidence of a cell, for "passed because …". */
  evidence(li: number): CellEvidence;
}

/** Whether evidence passes the rule, and the sentence that says why. */
export function judge(rule: PlausibilityRule, e: CellEvidence): { passed: boolean; because: string } {
  if (!rule.enabled) return { passed: true, because: "buildability rule off" };
  const grid = e.capacityMw >= rule.minCapacityMw;
  const city = e.cityKm <= rule.maxCityKm;
  const people = e.people >= rule.minPeople;
  const facts = `${fmt(e.capacityMw)} MW within 100 km; nearest city of ≥ 100,000 at ${fmt(e.cityKm)} km; ${fmt(e.people)} people in towns within 100 km`;
  return { passed: grid && (city || people), because: facts };
}

const cache = new WeakMap<LayerStore, Map<string, Plausibility>>();

/** The rule evaluated over every land cell (cached per store and rule). */
export function plausibilityOf(store: LayerStore, rule: PlausibilityRule): Plausibility {
  let byRule = cache.get(store);
  if (!byRule) cache.set(store, (byRule = new Map()));
  const key = JSON.stringify(rule);
  const hit = byRule.get(key);
  if (hit) return hit;
  const column = (id: string) => {
    const c = layerCells(store, id);
    if (c.kind !== "numeric") throw new Error(`${id} must be numeric for the buildability rule`);
    return c.values;
  };
  const capacity = column("power.capacity_within_100km_mw"), city = column("access.nearest_city_km"), people = column("access.population_within_100km");
  const evidence = (li: number): CellEvidence => ({ capacityMw: capacity[li]!, cityKm: city[li]!, people: people[li]! * 1e6 });
  const n = store.grid.landCells;
  const mask = new Uint8Array(n);
  for (let li = 0; li < n; li++) mask[li] = judge(rule, evidence(li)).passed ? 1 : 0;
  const p: Plausibility = { rule, text: describePlausibility(rule), mask, evidence };
  byRule.set(key, p);
  return p;
}
