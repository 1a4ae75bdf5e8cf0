/**
 * Exact great-circle nearest-neighbour search over a point set (cloud regions, IX buildings,
 * cable landings, 35,000 power plants). A static k-d tree (kdbush, searched geographically with
 * geokdbush) answers the first query in each 1° bin; the bin then keeps the few points that can be
 * nearest to anywhere inside it, and later queries compare unit vectors (the largest dot product is
 * the smallest great-circle distance), so a query costs a handful of multiply-adds and one acos.
 * Where points are dense (hundreds of plants around a 1° bin), a query instead walks rings of
 * 0.25° buckets outwards from its own and stops once no farther ring can hold a nearer point (a
 * lower bound on the great-circle distance to a ring, below), so it reads a few dozen points.
 */
import KDBush from "kdbush";
import { around, distance } from "geokdbush";
import { EARTH_RADIUS_KM } from "@/data/lib/geo";

const BIN_DEG = 1;
/** Bucket size of the ring search, used where a 1° bin has more than DENSE_CANDIDATES candidates. */
const FINE_DEG = 0.25;
const FINE_COLS = 360 / FINE_DEG;
const FINE_ROWS = 180 / FINE_DEG;
const DENSE_CANDIDATES = 64;
/** Rings searched before falling back to the 1° candidate list (the answer is the same; only speed differs). */
const MAX_RINGS = 12;
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

const fineRow = (lat: number) => Math.min(FINE_ROWS - 1, Math.max(0, Math.floor((lat + 90) / FINE_DEG)));
const fineCol = (lon: number) => ((Math.floor((lon + 180) / FINE_DEG) % FINE_COLS) + FINE_COLS) % FINE_COLS;

export class NearestIndex<T extends { lat: number; lon: number }> {
  private readonly tree: KDBush;
  private readonly xyz: Float64Array;
  private readonly binCandidates = new Map<number, Int32Array>();
  /** Points per 0.25° bucket (row-major from the south-west corner), for the ring search. */
  private readonly fine = new Map<number, number[]>();
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
      const key = fineRow(p.lat) * FINE_COLS + fineCol(p.lon);
      let bucket = this.fine.get(key);
      if (!bucket) this.fine.set(key, (bucket = []));
      bucket.push(i);
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
    if (!ids) this.binCandidates.set(key, (ids = this.binCandidatesOf(row, col, BIN_DEG)));
    return ids;
  }

  /**
   * Ring search over the 0.25° buckets: ring k is the border of the (2k+1)² block around the
   * query's bucket. Any point in ring k+1 or beyond is at least k whole buckets away in latitude or
   * in longitude, so its distance is at least min(R·kΔ, 2R·asin(cos φ* · sin(kΔ/2))) with Δ the
   * bucket size and φ* the largest latitude those buckets reach (haversine: sin²(d/2) ≥
   * cos φ₁ cos φ₂ sin²(Δλ/2)). Once the best distance found is within that bound, no farther point
   * can be nearer. Returns the best dot product, or −2 when the rings ran out first.
   */
  private ringSearch(lat: number, lon: number, u: UnitVector): number {
    const r0 = fineRow(lat), c0 = fineCol(lon);
    const xyz = this.xyz, fine = this.fine;
    let best = -1, bestDot = -2;
    const visit = (r: number, c: number) => {
      if (r < 0 || r >= FINE_ROWS) return;
      const bucket = fine.get(r * FINE_COLS + (((c % FINE_COLS) + FINE_COLS) % FINE_COLS));
      if (!bucket) return;
      for (const i of bucket) {
        const j = 3 * i;
        const dot = u.x * xyz[j]! + u.y * xyz[j + 1]! + u.z * xyz[j + 2]!;
        if (dot > bestDot) { bestDot = dot; best = i; }
      }
    };
    const step = FINE_DEG * RAD;
    for (let k = 0; k <= MAX_RINGS; k++) {
      if (k === 0) visit(r0, c0);
      else {
        for (let c = c0 - k; c <= c0 + k; c++) { visit(r0 - k, c); visit(r0 + k, c); }
        for (let r = r0 - k + 1; r <= r0 + k - 1; r++) { visit(r, c0 - k); visit(r, c0 + k); }
      }
      if (best < 0) continue;
      const phiMax = Math.min(Math.PI / 2, (Math.abs(lat) + (k + 2) * FINE_DEG) * RAD);
      const bound = Math.min(k * step, 2 * Math.asin(Math.min(1, Math.cos(phiMax) * Math.sin((k * step) / 2))));
      const bestAngle = Math.acos(Math.min(1, Math.max(-1, bestDot)));
      if (bestAngle <= bound) {
        this.ringBest = best;
        return bestDot;
      }
    }
    return -2;
  }

  private ringBest = -1;

  private binCandidatesOf(row: number, col: number, deg: number): Int32Array {
    const cLat = -90 + (row + 0.5) * deg, cLon = -180 + (col + 0.5) * deg;
    const south = Math.max(-90, cLat - deg / 2), north = Math.min(90, cLat + deg / 2);
    const h = Math.max(distance(cLon, cLat, cLon - deg / 2, south), distance(cLon, cLat, cLon - deg / 2, north));
    const [first] = around(this.tree, cLon, cLat, 1);
    const p = this.points[first!]!;
    const r = distance(cLon, cLat, p.lon, p.lat);
    return Int32Array.from(around(this.tree, cLon, cLat, Infinity, r + 2 * h + 1e-6));
  }

  /**
   * Index of the nearest point (−1 for an empty set); its distance is left in `lastKm`. Pass the
   * query's unit vector when one is already at hand.
   */
  nearestIndex(lat: number, lon: number, u: UnitVector = this.scratch.set(lat, lon)): number {
    if (this.points.length === 0) return -1;
    const ids = this.candidates(lat, lon);
    if (ids.length > DENSE_CANDIDATES) {
      const dot = this.ringSearch(lat, lon, u);
      if (dot > -2) {
        this.lastKm = EARTH_RADIUS_KM * Math.acos(Math.min(1, Math.max(-1, dot)));
        return this.ringBest;
      }
    }
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
