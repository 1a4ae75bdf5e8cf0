/** Shared set-up of the surface tests: the real layer store and small scenarios. */
import path from "node:path";
import { Scenario } from "@/server/schemas/scenario";

/** The repository's model cache (the cooling grid is computed once, then read from disk). */
export const CACHE_DIR = path.resolve(__dirname, "../../../.data/cache");

export const EUROPE_MARKET = {
  name: "Europe",
  points: [
    { name: "Frankfurt", lat: 50.11, lon: 8.68, weight: 3 },
    { name: "London", lat: 51.51, lon: -0.13, weight: 2 },
    { name: "Paris", lat: 48.86, lon: 2.35, weight: 2 },
  ],
  rule: { kind: "any" as const },
};

export function scenario(criteria: unknown[], over: Record<string, unknown> = {}): Scenario {
  return Scenario.parse({
    id: "surface-test",
    name: "surface test",
    criteria,
    loadProfile: { itMw: 200, utilisation: 0.8, cooling: "dry_cooler_liquid" },
    market: EUROPE_MARKET,
    ...over,
  });
}

export const CARBON = { id: "carbon", source: "carbon.grid_intensity", weight: 1, valueFunction: { type: "linear", worst: 600, best: 20 } };
export const PRICE = { id: "price", source: "power.price_usd_per_mwh", weight: 1, valueFunction: { type: "linear", worst: 200, best: 40 } };
export const RISK = { id: "risk", source: "risk.composite", weight: 1, valueFunction: { type: "linear", worst: 0.8, best: 0.1 } };
