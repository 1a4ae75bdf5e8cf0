/** A bounding box, degrees; west > east when it crosses the antimeridian. */
export interface Bounds { west: number; south: number; east: number; north: number }

const wrap = (x: number) => ((((x + 180) % 360) + 360) % 360) - 180;

/**
 * The map view as a bounding box for "find best locations": longitudes wrapped into −180…180
 * (west > east when the view crosses the antimeridian), the whole world when the view is 360° wide
 * or more, latitudes clamped to ±90.
 */
export function boundsOf(map: { getBounds(): { getWest(): number; getEast(): number; getSouth(): number; getNorth(): number } }): Bounds {
  const b = map.getBounds();
  const south = Math.max(-90, b.getSouth()), north = Math.min(90, b.getNorth());
  const w = b.getWest(), e = b.getEast();
  if (e - w >= 360) return { west: -180, south, east: 180, north };
  const west = wrap(w);
  let east = wrap(e);
  // An east edge exactly on the antimeridian wraps to −180; keep it at +180 so the box is not inverted.
  if (east === -180 && e > w) east = 180;
  return { west, south, east, north };
}
