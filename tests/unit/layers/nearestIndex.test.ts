/**
 * The nearest-point index is exact: on dense sets (35,000 power plants, where it walks rings of
 * 0.25° buckets) and sparse ones (cloud regions), at random places, across the antimeridian and near
 * the poles, it finds the same distance as a brute-force haversine over every point.
 */
import { describe, expect, it } from "vitest";
import { haversineKm } from "@/data/lib/geo";
import { NearestIndex } from "@/server/layers/nearestIndex";
import { testStore } from "../../helpers/layers";

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function bruteKm(points: readonly { lat: number; lon: number }[], lat: number, lon: number): number {
  let best = Infinity;
  for (const p of points) best = Math.min(best, haversineKm(lat, lon, p.lat, p.lon));
  return best;
}

describe("NearestIndex", () => {
  it.each(["power-plants", "cloud-regions", "settlements-100k"])("matches brute force on %s", (set) => {
    const points = testStore().pointSet(set).points;
    const index = new NearestIndex(points);
    const r = rng(7);
    const queries = [
      ...Array.from({ length: 400 }, () => ({ lat: -85 + 170 * r(), lon: -180 + 360 * r() })),
      // Dense Europe and eastern US, the antimeridian, the poles.
      ...Array.from({ length: 200 }, () => ({ lat: 45 + 10 * r(), lon: -5 + 20 * r() })),
      ...Array.from({ length: 200 }, () => ({ lat: 33 + 10 * r(), lon: -90 + 15 * r() })),
      { lat: 65, lon: 179.99 }, { lat: -17, lon: -179.95 }, { lat: 89.9, lon: 10 }, { lat: -89.5, lon: -120 },
    ];
    for (const q of queries) {
      const i = index.nearestIndex(q.lat, q.lon);
      expect(i).toBeGreaterThanOrEqual(0);
      expect(index.lastKm).toBeCloseTo(bruteKm(points, q.lat, q.lon), 4);
    }
  });
});
