/**
 * Geodesy shared by the data pipeline and the app (pure, no I/O): great-circle distance and a
 * bucket index for radius and nearest-neighbour queries over point sets.
 */
/** Mean Earth radius, km (IUGG). */
export const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km (haversine). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * A bucket index of points on 1° lat/lon bins, for radius and nearest-neighbour queries over
 * tens of thousands of points.
 */
export class PointBuckets<T extends { lat: number; lon: number }> {
  private readonly bins = new Map<number, T[]>();
  constructor(readonly points: readonly T[], private readonly binDeg = 1) {
    for (const p of points) {
      const key = this.key(Math.floor((p.lat + 90) / binDeg), Math.floor((p.lon + 180) / binDeg));
      let list = this.bins.get(key);
      if (!list) this.bins.set(key, (list = []));
      list.push(p);
    }
  }
  private key(row: number, col: number): number {
    const ncols = Math.round(360 / this.binDeg);
    return row * ncols + (((col % ncols) + ncols) % ncols);
  }
  /** Calls fn for every point within radiusKm of (lat, lon), with its distance. */
  forEachWithin(lat: number, lon: number, radiusKm: number, fn: (p: T, km: number) => void): void {
    const dLat = radiusKm / 111.19;
    const rowMin = Math.max(0, Math.floor((lat - dLat + 90) / this.binDeg));
    const rowMax = Math.min(Math.round(180 / this.binDeg) - 1, Math.floor((lat + dLat + 90) / this.binDeg));
    const cosLat = Math.cos((Math.min(89.9, Math.abs(lat) + dLat) * Math.PI) / 180);
    const dLon = Math.abs(lat) + dLat >= 89.9 ? 180 : Math.min(180, dLat / Math.max(cosLat, 1e-6));
    const colMin = Math.floor((lon - dLon + 180) / this.binDeg);
    const colMax = Math.floor((lon + dLon + 180) / this.binDeg);
    const ncols = Math.round(360 / this.binDeg);
    const span = Math.min(colMax - colMin, ncols - 1);
    for (let row = rowMin; row <= rowMax; row++) {
      for (let c = colMin; c <= colMin + span; c++) {
        const list = this.bins.get(this.key(row, c));
        if (!list) continue;
        for (const p of list) {
          const km = haversineKm(lat, lon, p.lat, p.lon);
          if (km <= radiusKm) fn(p, km);
        }
      }
    }
  }
  /** The nearest point and its distance, searching outwards up to maxKm; null if none. */
  nearest(lat: number, lon: number, maxKm = 20_000): { point: T; km: number } | null {
    let radius = 250;
    while (true) {
      let best: { point: T; km: number } | null = null;
      this.forEachWithin(lat, lon, Math.min(radius, maxKm), (p, km) => {
        if (!best || km < best.km) best = { point: p, km };
      });
      if (best || radius >= maxKm) return best;
      radius *= 2;
    }
  }
}
