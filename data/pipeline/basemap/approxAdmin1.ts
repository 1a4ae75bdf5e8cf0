/**
 * Approximate first-level boundaries where no admin-1 polygons are bundled (every country but the
 * US, Brazil, Canada and Australia; SOURCES.md §6: Natural Earth's global admin-1 polygons are
 * ~40 MB and were not available). Each subdivision is the Voronoi cell of its Natural Earth label
 * point, clipped to its country (Natural Earth 1:50m admin-0): the line between two neighbouring
 * subdivisions is drawn halfway between their label points. That is a sketch for orientation, not a
 * boundary — the legend and the sources say "approximate", and nothing is computed from it.
 */
import { bbox as turfBbox, bboxClip, booleanPointInPolygon, featureCollection, intersect, point as turfPoint, voronoi } from "@turf/turf";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import type { PolygonSet } from "../polygons";
import { roundCoords } from "../lib/output";
import type { Admin1LabelPoint, BasemapFeature } from "./features";

type Area = Feature<Polygon | MultiPolygon>;

/** bboxClip leaves rings of parts outside the box empty or degenerate; drop them (null if nothing is left). */
function withoutEmptyParts(f: Area): Area | null {
  const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  const kept = polys.map((rings) => rings.filter((r) => r.length >= 4)).filter((rings) => rings.length && rings[0]!.length >= 4);
  return kept.length ? { type: "Feature", properties: {}, geometry: { type: "MultiPolygon", coordinates: kept } } : null;
}

const key = (c: Position) => `${c[0]!.toFixed(4)},${c[1]!.toFixed(4)}`;

/**
 * The approximate internal boundaries, one MultiLineString per country. Every label point of a
 * subdivision gets a cell (islands and exclaves have their own points), and an edge is a boundary
 * where the cells on its two sides belong to different subdivisions; edges along the coast or a
 * land border belong to one cell only and are left to the country outline.
 */
export function approximateAdmin1Features(points: readonly Admin1LabelPoint[], countries: Pick<PolygonSet, "features">, exactCountries: ReadonlySet<string>): BasemapFeature[] {
  const areas = countries.features.flatMap((c) => (c.geometry.type === "Polygon" || c.geometry.type === "MultiPolygon"
    ? [{ key: c.key, iso2: c.props.iso2 ?? null, feature: { type: "Feature", properties: {}, geometry: c.geometry } as Area, bbox: turfBbox(c.geometry) }]
    : []));
  // Each label point belongs to the country polygon it falls in (codes differ between the files for
  // overseas parts and disputed areas; the geometry does not).
  const byCountry = new Map<string, Admin1LabelPoint[]>();
  for (const p of points) {
    // ...and is of that country: a Finnish point on a border island inside the coarse 1:50m Sweden is not Swedish.
    const home = areas.find((a) => p.lon >= a.bbox[0] && p.lon <= a.bbox[2] && p.lat >= a.bbox[1] && p.lat <= a.bbox[3]
      && (!a.iso2 || a.iso2 === p.country) && booleanPointInPolygon([p.lon, p.lat], a.feature));
    if (!home) continue;
    (byCountry.get(home.key) ?? byCountry.set(home.key, []).get(home.key)!).push(p);
  }
  const out: BasemapFeature[] = [];
  for (const area of areas) {
    const members = byCountry.get(area.key);
    if (!members || members.length < 2 || (area.iso2 && exactCountries.has(area.iso2))) continue;
    const [w, s, e, n] = area.bbox;
    const pad = 0.5;
    // Voronoi needs distinct sites: a repeated position keeps its first subdivision.
    const sites = [...new Map(members.map((p) => [key([p.lon, p.lat]), p])).values()];
    if (new Set(sites.map((p) => p.code)).size < 2) continue;
    // Voronoi in a plane where a degree of longitude is as long as at the country's middle latitude,
    // so the line between two subdivisions is halfway on the ground, not in degrees (at 65° N a
    // degree of longitude is 0.42 of a degree of latitude). Cells are mapped back before clipping.
    const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
    const unscale = (c: Position): Position => [c[0]! / k, c[1]!];
    const scaled = voronoi(featureCollection(sites.map((p) => turfPoint([p.lon * k, p.lat]))), { bbox: [(w - pad) * k, s - pad, (e + pad) * k, n + pad] });
    const cells = scaled.features.map((c) => (c ? { ...c, geometry: { type: "Polygon" as const, coordinates: c.geometry.coordinates.map((r) => r.map(unscale)) } } : c));
    const segments = new Map<string, { line: Position[]; codes: Set<string> }>();
    cells.forEach((cell, i) => {
      if (!cell) return;
      const code = sites[i]!.code;
      // Cut the country down to the cell's box first (cheap), so the exact intersection only sees
      // the outline near the cell: Russia's 83 cells take seconds instead of minutes.
      const local = withoutEmptyParts(bboxClip(area.feature, turfBbox(cell)) as Area);
      if (!local) return;
      const clipped = intersect(featureCollection([cell, local]));
      if (!clipped) return;
      const polys = clipped.geometry.type === "Polygon" ? [clipped.geometry.coordinates] : clipped.geometry.coordinates;
      for (const ring of polys.flat()) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const a = roundCoords(ring[i]!, 4), b = roundCoords(ring[i + 1]!, 4);
          if (key(a) === key(b)) continue;
          const k = key(a) < key(b) ? `${key(a)}|${key(b)}` : `${key(b)}|${key(a)}`;
          const seg = segments.get(k) ?? segments.set(k, { line: key(a) < key(b) ? [a, b] : [b, a], codes: new Set() }).get(k)!;
          seg.codes.add(code);
        }
      }
    });
    const lines = [...segments.entries()].filter(([, seg]) => seg.codes.size > 1).sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([, seg]) => seg.line);
    if (!lines.length) continue;
    out.push({ minzoom: 5, feature: { type: "Feature", geometry: { type: "MultiLineString", coordinates: lines }, properties: { country: members[0]!.country, approximate: true } } });
  }
  return out;
}
