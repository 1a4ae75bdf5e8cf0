/**
 * Exact great-circle nearest-neighbour search over a point set (cloud regions, IX buildings,
 * cable landings). A static k-d tree (kdbush, searched geographically with geokdbush) answers the
 * first query in each 1° bin; the bin then keeps the few points that can be nearest to anywhere
 * inside it, and later queries compare unit vectors (the largest dot product is the smallest
 * great-circle distance), so a query costs a handful of multiply-adds and one acos.
 */
import KDBush from "kdbush";
import { around, distance } from "geokdbush";
import { EARTH_RADIUS_KM } from "@/data/lib/geo";

const BIN_DEG = 1;
const RAD = Math.PI / 180;

/** Unit vector of a point on the sphere, reusable across point sets for one query point. */
export class UnitVector {
  x = 0;
  y = 0;
  z = 0;
  set(lat: number, lon: number): this {
    const cl = Math.cos(lat * RAD);
    this.x = cl * Math.cos(lon * RAD);
    this.y = cl * Math.sin(lon * RAD);
    this.z = Math.sin(lat * RAD);
    return this;
  }
}

export class NearestIndex<T extends { lat: number; lon: number }> {
  private readonly tree: KDBush;
  private readonly xyz: Float64Array;
  private readonly binCandidates = new Map<number, Int32Array>();
  private readonly scratch = new UnitVector();
  /** Distance in km of the last `nearestIndex` answer. */
  lastKm = NaN;

  constructor(readonly points: readonly T[]) {
    this.tree = new KDBush(Math.max(1, points.length));
    this.xyz = new Float64Array(points.length * 3);
    const u = new UnitVector();
    points.forEach((p, i) => {
      this.tree.add(p.lon, p.lat);
      u.set(p.lat, p.lon);
      this.xyz[3 * i] = u.x;
      this.xyz[3 * i + 1] = u.y;
      this.xyz[3 * i + 2] = u.z;
    });
    if (points.length === 0) this.tree.add(0, 0);
    this.tree.finish();
  }

  /**
   * Points that can be nearest to some location in the bin: with c the bin centre, r its nearest
   * distance and h the bin's half-diagonal, any query q in the bin has nearest distance ≤ r + h,
   * so its nearest point p satisfies d(c, p) ≤ d(c, q) + d(q, p) ≤ r + 2h.
   */
  private candidates(lat: number, lon: number): Int32Array {
    const row = Math.floor((lat + 90) / BIN_DEG), col = Math.floor((lon + 180) / BIN_DEG);
    const key = row * 1000 + col;
    let ids = this.binCandidates.get(key);
    if (!ids) {
      const cLat = -90 + (row + 0.5) * BIN_DEG, cLon = -180 + (col + 0.5) * BIN_DEG;
      const south = Math.max(-90, cLat - BIN_DEG / 2), north = Math.min(90, cLat + BIN_DEG / 2);
      const h = Math.max(distance(cLon, cLat, cLon - BIN_DEG / 2, south), distance(cLon, cLat, cLon - BIN_DEG / 2, north));
      const [first] = around(this.tree, cLon, cLat, 1);
      const p = this.points[first!]!;
      const r = distance(cLon, cLat, p.lon, p.lat);
      ids = Int32Array.from(around(this.tree, cLon, cLat, Infinity, r + 2 * h + 1e-6));
      this.binCandidates.set(key, ids);
    }
    return ids;
  }

  /**
   * Index of the nearest point (−1 for an empty set); its distance is left in `lastKm`. Pass the
   * query's unit vector when one is already at hand.
   */
  nearestIndex(lat: number, lon: number, u: UnitVector = this.scratch.set(lat, lon)): number {
    if (this.points.length === 0) return -1;
    const ids = this.candidates(lat, lon);
    const xyz = this.xyz;
    let best = -1, bestDot = -2;
    for (let k = 0; k < ids.length; k++) {
      const j = 3 * ids[k]!;
      const dot = u.x * xyz[j]! + u.y * xyz[j + 1]! + u.z * xyz[j + 2]!;
      if (dot > bestDot) { bestDot = dot; best = ids[k]!; }
    }
    this.lastKm = EARTH_RADIUS_KM * Math.acos(Math.min(1, Math.max(-1, bestDot)));
    return best;
  }

  /** The nearest point and its great-circle distance in km, or null for an empty set. */
  nearest(lat: number, lon: number): { point: T; km: number } | null {
    const i = this.nearestIndex(lat, lon);
    return i < 0 ? null : { point: this.points[i]!, km: this.lastKm };
  }
}
