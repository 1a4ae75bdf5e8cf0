/**
 * Exact great-circle nearest-neighbour search over a point set (cloud regions, IX buildings,
 * cable landings). A static k-d tree (kdbush, searched geographically with geokdbush) answers the
 * first query in each 1° bin; the bin then keeps the few points that can be nearest to anywhere
 * inside it, so later queries there cost a handful of haversines.
 */
import KDBush from "kdbush";
import { around, distance } from "geokdbush";

const BIN_DEG = 1;

export class NearestIndex<T extends { lat: number; lon: number }> {
  private readonly tree: KDBush;
  private readonly binCandidates = new Map<number, Int32Array>();

  constructor(readonly points: readonly T[]) {
    this.tree = new KDBush(Math.max(1, points.length));
    for (const p of points) this.tree.add(p.lon, p.lat);
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

  /** Distance in km of the last `nearestIndex` answer. */
  lastKm = NaN;

  /** Index of the nearest point (−1 for an empty set); its distance is left in `lastKm`. */
  nearestIndex(lat: number, lon: number): number {
    if (this.points.length === 0) return -1;
    const ids = this.candidates(lat, lon);
    let best = -1, bestKm = Infinity;
    for (let k = 0; k < ids.length; k++) {
      const p = this.points[ids[k]!]!;
      const km = distance(lon, lat, p.lon, p.lat);
      if (km < bestKm) { bestKm = km; best = ids[k]!; }
    }
    this.lastKm = bestKm;
    return best;
  }

  /** The nearest point and its great-circle distance in km, or null for an empty set. */
  nearest(lat: number, lon: number): { point: T; km: number } | null {
    const i = this.nearestIndex(lat, lon);
    return i < 0 ? null : { point: this.points[i]!, km: this.lastKm };
  }
}
