/**
 * "Find best locations": the best cells of a region, at least the given distance apart, never an
 * excluded or unscored cell, in score order, deterministic.
 */
import { describe, expect, it } from "vitest";
import { InputError } from "@/server/errors";
import { haversineKm } from "@/data/lib/geo";
import { computeSurface, type Surface } from "@/server/siting/surface";
import { bestLocations, type SurfaceGeography } from "@/server/siting/surfaceBest";
import { cellCentres } from "@/server/layers/cellColumns";
import { SCORE_EXCLUDED, scoreSurface } from "@/server/scoring/surfaceScore";
import { bitAt } from "@/server/schemas/surfaceFormat";
import { testStore } from "../../helpers/layers";
import { CARBON, PRICE, RISK, scenario } from "./helpers";

const store = testStore();
const { lat, lon } = cellCentres(store);
const countries = store.polygons.countries;
const geo: SurfaceGeography = {
  lat, lon,
  countryOf: (li) => countries.majorityOfLandCell(li),
  countries: countries.features.map((f) => ({ key: f.key, name: f.name, iso3: (f.props.iso3 as string | null) ?? null })),
};
const sc = scenario([{ ...CARBON, weight: 3, constraints: [{ kind: "excludeAbove", value: 250 }] }, PRICE, RISK], { missing: "renormalize" });
let surface: Surface;
const get = async () => (surface ??= await computeSurface(store, sc));
const base = { weights: sc.criteria.map((c) => c.weight), missing: sc.missing, method: "wsm" as const };

describe("bestLocations", () => {
  it("keeps the best cells of a bounding box at least the distance apart, in score order", async () => {
    const s = await get();
    const europe = { kind: "bbox" as const, west: -11, south: 35, east: 32, north: 71 };
    const r = bestLocations(s, geo, { ...base, region: europe, count: 20, minDistanceKm: 150 });
    expect(r.locations.length).toBe(20);
    expect(r.candidates).toBeGreaterThan(1000);
    expect(r.excludedInRegion).toBeGreaterThan(0);
    r.locations.forEach((a, i) => {
      expect(a.rank).toBe(i + 1);
      expect(a.lat).toBeGreaterThanOrEqual(35);
      expect(a.lat).toBeLessThanOrEqual(71);
      expect(a.lon).toBeGreaterThanOrEqual(-11);
      expect(a.lon).toBeLessThanOrEqual(32);
      if (i > 0) expect(a.score).toBeLessThanOrEqual(r.locations[i - 1]!.score);
      for (const b of r.locations.slice(0, i)) expect(haversineKm(a.lat, a.lon, b.lat, b.lon)).toBeGreaterThanOrEqual(150 - 0.01);
      expect(bitAt(s.excludedBy[0]!, a.cell)).toBe(false);
      expect(a.utilities.carbon).not.toBeNull();
    });
    // The first is the best cell of the box.
    const { scores } = scoreSurface({ n: s.header.n, utilities: s.utilities, excluded: s.excluded }, base);
    let best = -1;
    for (let li = 0; li < s.header.n; li++) {
      if (lat[li]! < 35 || lat[li]! > 71 || lon[li]! < -11 || lon[li]! > 32) continue;
      if (scores[li]! >= 0 && (best < 0 || scores[li]! > scores[best]!)) best = li;
    }
    expect(r.locations[0]!.cell).toBe(best);
    // Deterministic.
    expect(bestLocations(s, geo, { ...base, region: europe, count: 20, minDistanceKm: 150 })).toEqual(r);
  });

  it("with no distance rule returns exactly the top cells", async () => {
    const s = await get();
    const r = bestLocations(s, geo, { ...base, region: { kind: "country", country: "SWE" }, count: 5, minDistanceKm: 0 });
    const { scores } = scoreSurface({ n: s.header.n, utilities: s.utilities, excluded: s.excluded }, base);
    const swe = geo.countries.findIndex((c) => c.key === "SWE");
    const inSwe: number[] = [];
    for (let li = 0; li < s.header.n; li++) if (geo.countryOf(li) === swe && scores[li]! >= 0) inSwe.push(li);
    inSwe.sort((a, b) => scores[b]! - scores[a]! || a - b);
    expect(r.locations.map((l) => l.cell)).toEqual(inSwe.slice(0, 5));
  });

  it("stays inside the chosen country and never returns an excluded cell", async () => {
    const s = await get();
    for (const country of ["NOR", "POL", "FRA"]) {
      const r = bestLocations(s, geo, { ...base, region: { kind: "country", country }, count: 10, minDistanceKm: 50 });
      for (const l of r.locations) {
        expect(l.country?.key).toBe(country);
        expect(s.excluded[l.cell]).toBe(0);
      }
      if (country === "POL") {
        // Poland's grid is above 250 g/kWh everywhere: all of it is constrained out.
        expect(r.locations).toEqual([]);
        expect(r.excludedInRegion).toBeGreaterThan(100);
      }
    }
  });

  it("returns fewer than asked when the distance rule leaves fewer", async () => {
    const s = await get();
    const r = bestLocations(s, geo, { ...base, region: { kind: "country", country: "NOR" }, count: 50, minDistanceKm: 1000 });
    expect(r.locations.length).toBeGreaterThan(0);
    expect(r.locations.length).toBeLessThan(5);
  });

  it("handles a view across the antimeridian", async () => {
    const s = await get();
    const r = bestLocations(s, geo, { ...base, region: { kind: "bbox", west: 170, south: -50, east: -170, north: 70 }, count: 10, minDistanceKm: 20 });
    for (const l of r.locations) expect(l.lon >= 170 || l.lon <= -170).toBe(true);
  });

  it("scores with the weights it is given and excludes no more than the constraints say", async () => {
    const s = await get();
    const carbonOnly = bestLocations(s, geo, { ...base, weights: [1, 0, 0], region: { kind: "country", country: "NOR" }, count: 3, minDistanceKm: 0 });
    for (const l of carbonOnly.locations) expect(l.score).toBeCloseTo(100 * l.utilities.carbon!, 0);
    const { scores } = scoreSurface({ n: s.header.n, utilities: s.utilities, excluded: s.excluded }, base);
    expect(scores.filter((x) => x === SCORE_EXCLUDED).length).toBe(s.header.criteria[0]!.excludedCells);
  });

  it("names an unknown country", async () => {
    const s = await get();
    expect(() => bestLocations(s, geo, { ...base, region: { kind: "country", country: "XXX" }, count: 3, minDistanceKm: 0 })).toThrow(InputError);
    expect(() => bestLocations(s, geo, { ...base, region: { kind: "country", country: "XXX" }, count: 3, minDistanceKm: 0 })).toThrow(/^region\.country: unknown country "XXX"/);
  });
});
