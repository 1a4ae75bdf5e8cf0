/**
 * The suitability surface over every land cell: utilities agree with site ranking at cell centres,
 * a clean grid beats a coal-heavy one, constraints mask cells (missing values included), missing
 * utilities stay missing, metrics follow the engineering models, and the cache key holds exactly
 * what the utilities depend on.
 */
import { describe, expect, it } from "vitest";
import { InputError } from "@/server/errors";
import { climateAtLandCell, climateInputs, newClimate } from "@/server/layers/climateCells";
import { computeSiteMetrics, prepareSiteMarket } from "@/server/models/siteMetrics";
import { coolingModelInto } from "@/server/models/cooling/pue";
import { createCoolingResult } from "@/server/models/cooling/model";
import { evaluateSites } from "@/server/siting/evaluate";
import { computeSurface, surfaceKey, type Surface } from "@/server/siting/surface";
import { layerCells } from "@/server/siting/modelLayers";
import { utilityFunction } from "@/server/siting/utility";
import { bitAt, QUANT_MISSING } from "@/server/schemas/surfaceFormat";
import { SCORE_EXCLUDED, scoreSurface } from "@/server/scoring/surfaceScore";
import { testStore } from "../../helpers/layers";
import { PLACES } from "../../helpers/places";
import { CARBON, PRICE, RISK, scenario } from "./helpers";

const store = testStore();
const g = store.grid;
const cellOf = (p: { lat: number; lon: number }) => g.landIndexAt(p.lat, p.lon);
const utility = (s: Surface, j: number, li: number) => {
  const q = s.utilities[j * s.header.n + li]!;
  return q === QUANT_MISSING ? null : q / 254;
};
const scores = (s: Surface, sc: ReturnType<typeof scenario>) =>
  scoreSurface({ n: s.header.n, utilities: s.utilities, excluded: s.excluded }, { weights: sc.criteria.map((c) => c.weight), missing: sc.missing }).scores;

describe("computeSurface: layers", () => {
  it("scores a Norwegian cell above a Polish one on grid carbon, as site ranking does at the cell centres", async () => {
    const sc = scenario([CARBON]);
    const s = await computeSurface(store, sc);
    expect(s.header.n).toBe(g.landCells);
    expect(s.utilities.length).toBe(g.landCells);
    const oslo = cellOf(PLACES.oslo), warsaw = cellOf(PLACES.warsaw);
    const sc1 = scores(s, sc);
    expect(sc1[oslo]!).toBeGreaterThan(0.9);
    expect(sc1[warsaw]!).toBeLessThan(0.5);
    expect(sc1[oslo]!).toBeGreaterThan(sc1[warsaw]!);
    // Same utility as ranking a site placed at each cell centre (up to the 1/254 quantisation).
    const sites = [oslo, warsaw, cellOf(PLACES.madrid), cellOf(PLACES.beijing)].map((li, i) => ({ id: `c${i}`, name: `cell ${li}`, ...g.centreOfLand(li), overrides: {}, origin: "map" as const }));
    const ranked = evaluateSites(store, sites, sc);
    ranked.sites.forEach((site, i) => {
      const li = [oslo, warsaw, cellOf(PLACES.madrid), cellOf(PLACES.beijing)][i]!;
      expect(utility(s, 0, li)!).toBeCloseTo(site.criteria[0]!.utility!, 2);
    });
  });

  it("masks the cells a constraint excludes, including cells whose value is missing", async () => {
    const sc = scenario([{ ...CARBON, constraints: [{ kind: "excludeAbove", value: 300 }] }, PRICE]);
    const s = await computeSurface(store, sc);
    const bits = s.excludedBy[0]!;
    expect(s.excludedBy[1]).toBeNull();
    const oslo = cellOf(PLACES.oslo), warsaw = cellOf(PLACES.warsaw);
    expect(bitAt(bits, warsaw)).toBe(true);
    expect(bitAt(bits, oslo)).toBe(false);
    const sc1 = scores(s, sc);
    expect(sc1[warsaw]).toBe(SCORE_EXCLUDED);
    expect(sc1[oslo]!).toBeGreaterThan(0);
    // The mask is exactly: value > 300 or no value.
    const col = layerCells(store, "carbon.grid_intensity");
    if (col.kind !== "numeric") throw new Error("numeric expected");
    let expected = 0;
    for (let li = 0; li < g.landCells; li++) {
      const v = col.values[li]!;
      const out = Number.isNaN(v) || v > 300;
      if (out) expected++;
      if (li % 211 === 0) expect(bitAt(bits, li), `cell ${li}`).toBe(out);
    }
    expect(s.header.criteria[0]!.excludedCells).toBe(expected);
    expect(s.header.criteria[0]!.constrained).toBe(true);
  });

  it("keeps a constraint-only criterion (weight 0) out of the score but in the mask", async () => {
    const sc = scenario([{ id: "regime", source: "sovereignty.regime", weight: 0, valueFunction: { type: "categorical", utilities: { eu_eea_gdpr: 1 } }, constraints: [{ kind: "allowedValues", values: ["eu_eea_gdpr"] }] }, CARBON]);
    const s = await computeSurface(store, sc);
    const sc1 = scores(s, sc);
    expect(sc1[cellOf(PLACES.oslo)]!).toBeGreaterThan(0.9); // Norway is in the EEA
    expect(sc1[cellOf(PLACES.paris)]!).toBeGreaterThan(0.5);
    expect(sc1[cellOf(PLACES.beijing)]).toBe(SCORE_EXCLUDED);
    expect(sc1[cellOf(PLACES.phoenix)]).toBe(SCORE_EXCLUDED);
    // Categories without a utility are missing, not 0.
    expect(utility(s, 0, cellOf(PLACES.beijing))).toBeNull();
  });

  it("leaves missing utilities missing: unscored under 'exclude', scored on the rest under 'renormalize'", async () => {
    const carbon = layerCells(store, "carbon.grid_intensity");
    const price = layerCells(store, "power.price_usd_per_mwh");
    if (carbon.kind !== "numeric" || price.kind !== "numeric") throw new Error("numeric expected");
    let li = -1;
    for (let i = 0; i < g.landCells; i++) if (Number.isNaN(carbon.values[i]!) && !Number.isNaN(price.values[i]!)) { li = i; break; }
    expect(li).toBeGreaterThanOrEqual(0);
    const exclude = scenario([CARBON, PRICE]);
    const s = await computeSurface(store, exclude);
    expect(utility(s, 0, li)).toBeNull();
    expect(s.header.criteria[0]!.missingCells).toBeGreaterThan(0);
    expect(Number.isNaN(scores(s, exclude)[li]!)).toBe(true);
    const renorm = scenario([CARBON, PRICE], { missing: "renormalize" });
    const priceU = utilityFunction(PRICE.valueFunction as never, "price")(price.values[li]!).value!;
    expect(scores(s, renorm)[li]!).toBeCloseTo(priceU, 2);
  });

  it("names the field of a criterion the data cannot serve", async () => {
    await expect(computeSurface(store, scenario([{ ...CARBON, source: "risk.volcano" }]))).rejects.toThrow(InputError);
    await expect(computeSurface(store, scenario([{ ...CARBON, source: "risk.volcano" }]))).rejects.toThrow(/^criteria\.0\.source: unknown layer or metric/);
    await expect(computeSurface(store, scenario([{ ...CARBON, source: "sovereignty.regime" }]))).rejects.toThrow(/^criteria\.0\.valueFunction/);
    await expect(computeSurface(store, scenario([{ ...CARBON, source: "risk.climate_readiness" }]))).rejects.toThrow(/^criteria\.0\.source: layer "risk.climate_readiness" has no data/);
  });
});

describe("surfaceKey", () => {
  it("ignores weights, method and missing policy, and the market of a layer-only scenario", () => {
    const a = scenario([CARBON, RISK]);
    const k = surfaceKey(store, a);
    expect(surfaceKey(store, { ...a, criteria: a.criteria.map((c, j) => ({ ...c, weight: j + 5 })) })).toBe(k);
    expect(surfaceKey(store, { ...a, method: { method: "topsis" }, missing: "renormalize" })).toBe(k);
    expect(surfaceKey(store, { ...a, market: { ...a.market, rttBudgetMs: 5 }, loadProfile: { ...a.loadProfile, cooling: "air_economiser" } })).toBe(k);
  });

  it("changes with a value function, a constraint, or an input a chosen metric reads", () => {
    const a = scenario([CARBON, RISK]);
    const k = surfaceKey(store, a);
    expect(surfaceKey(store, { ...a, criteria: [{ ...a.criteria[0]!, valueFunction: { type: "linear", worst: 700, best: 20 } }, a.criteria[1]!] })).not.toBe(k);
    expect(surfaceKey(store, { ...a, criteria: [{ ...a.criteria[0]!, constraints: [{ kind: "excludeAbove", value: 1 }] }, a.criteria[1]!] })).not.toBe(k);
    // Key order inside a spec does not matter.
    expect(surfaceKey(store, { ...a, criteria: [{ ...a.criteria[0]!, valueFunction: { best: 20, worst: 600, type: "linear" } as never }, a.criteria[1]!] })).toBe(k);
    const rtt = scenario([{ id: "rtt", source: "metric.rtt_mean_ms", weight: 1, valueFunction: { type: "linear", worst: 60, best: 2 } }]);
    expect(surfaceKey(store, { ...rtt, market: { ...rtt.market, points: rtt.market.points.slice(1) } })).not.toBe(surfaceKey(store, rtt));
    expect(surfaceKey(store, { ...rtt, loadProfile: { ...rtt.loadProfile, cooling: "air_economiser" } })).toBe(surfaceKey(store, rtt));
  });
});

describe("computeSurface: metrics", () => {
  it("follows the engineering models at each cell (PUE, CO2, water, latency, jurisdiction fit)", { timeout: 180_000 }, async () => {
    const wide = (id: string, source: string, worst: number, best: number) => ({ id, source, weight: 1, valueFunction: { type: "linear", worst, best } });
    const sc = scenario([
      wide("pue", "metric.pue", 1.6, 1.0),
      wide("peak", "metric.pue_peak", 1.8, 1.0),
      wide("co2", "metric.co2_location_t_per_yr", 2_000_000, 0),
      wide("mar", "metric.co2_market_t_per_yr", 2_000_000, 0),
      wide("water", "metric.water_m3_per_yr", 100_000, 0),
      wide("rtt", "metric.rtt_mean_ms", 300, 1),
      { id: "fit", source: "metric.jurisdiction_fit", weight: 1, valueFunction: { type: "categorical", utilities: { allowed: 1, conditional: 0.5, excluded: 0 } } },
    ], { market: { name: "EU", points: [{ name: "Frankfurt", lat: 50.11, lon: 8.68, weight: 1 }], rule: { kind: "eu_gdpr_transfer" } }, cfeShare: 0.4 });
    const s = await computeSurface(store, sc);
    const market = prepareSiteMarket(sc.market);
    const inputs = climateInputs(store);
    const climate = newClimate();
    const zones = store.polygons.zones, countries = store.polygons.countries;
    const intensity = store.polygonValues("carbon.grid_intensity");
    const regimes = store.polygonValues("sovereignty.regime"), locs = store.polygonValues("sovereignty.localization");
    const fns = sc.criteria.map((c) => utilityFunction(c.valueFunction, c.id));
    for (const place of [PLACES.oslo, PLACES.madrid, PLACES.singapore, PLACES.phoenix, PLACES.beijing, PLACES.dubai]) {
      const li = cellOf(place);
      expect(climateAtLandCell(inputs, li, climate)).toBe(true);
      const zi = zones.majorityOfLandCell(li), ci = countries.majorityOfLandCell(li);
      const c = g.centreOfLand(li);
      const m = computeSiteMetrics({
        lat: c.lat, lon: c.lon, climate, market, cfeShare: sc.cfeShare, load: sc.loadProfile,
        gridIntensityGPerKwh: zi >= 0 ? (intensity[zi]!.value as number | null) : null,
        marginalFactorGPerKwh: null,
        jurisdiction: { country: (countries.features[ci]!.props.iso3 as string) ?? null, regime: regimes[ci]!.value as never, localization: locs[ci]!.value as never },
      });
      const raw = [m.pue.value, m.pue_peak.value, m.co2_location_t_per_yr.value, m.co2_market_t_per_yr.value, m.water_m3_per_yr.value, m.rtt_mean_ms.value, m.jurisdiction_fit.value];
      raw.forEach((r, j) => {
        const expected = r === null ? null : fns[j]!(r).value;
        const got = utility(s, j, li);
        if (expected === null) expect(got, `${sc.criteria[j]!.id} at ${JSON.stringify(place)}`).toBeNull();
        else expect(got!, `${sc.criteria[j]!.id} at ${JSON.stringify(place)}`).toBeCloseTo(expected, 2);
      });
    }
  });

  it("serves every utilisation from one cooling grid: PUE shifts by the fixed overhead only", { timeout: 180_000 }, async () => {
    const pue = { id: "pue", source: "metric.pue", weight: 1, valueFunction: { type: "linear", worst: 1.6, best: 1.0 } };
    const low = scenario([pue], { loadProfile: { itMw: 200, utilisation: 0.3, cooling: "dry_cooler_liquid" } });
    const s = await computeSurface(store, low);
    const inputs = climateInputs(store);
    const climate = newClimate();
    const r = createCoolingResult();
    for (const place of [PLACES.reykjavik, PLACES.singapore, PLACES.phoenix]) {
      const li = cellOf(place);
      climateAtLandCell(inputs, li, climate);
      coolingModelInto(r, climate, "dry_cooler_liquid", 0.3);
      expect(utility(s, 0, li)!).toBeCloseTo((1.6 - r.pue) / 0.6, 2);
    }
  });
});
