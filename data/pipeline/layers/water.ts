/**
 * Water at the scale of a basin rather than a country (issue 13):
 * - `water.aridity_index`: UNEP aridity index P/PET. Annual precipitation comes from the pipeline
 *   (Rec. ITU-R P.837-7 monthly totals, summed); PET is modelled in the app (server/models/water/
 *   aridity.ts, Hargreaves–Samani) from the same climate state as the cooling model, because PET
 *   needs the diurnal temperature range that only the app's climate model estimates.
 * - `cooling.water_body_km`: distance to a major river, a lake or the sea — where water-side or
 *   seawater cooling could draw from.
 */
import { readFileSync } from "node:fs";
import type { Feature, FeatureCollection, Geometry, Position } from "geojson";
import KDBush from "kdbush";
import { around, distance } from "geokdbush";
import type { AuxGrid, LayerMeta } from "../../schema/manifest";
import { rawPath, type BuildContext } from "../context";
import { readAsc } from "../lib/asc";
import { haversineKm } from "../../lib/geo";
import { forEachLandCell } from "../lib/grid";
import { quantizeInt16 } from "../lib/output";
import { sampleAtLandCells } from "../sources/climate";
import { gridLayer } from "./define";
import { coastPoints } from "./risk";

/** Spacing of the points that stand for a river or lake shore, km: distances are exact to about half of it. */
export const WATER_POINT_SPACING_KM = 2;
/** Natural Earth lake classes that hold usable fresh water (alkaline lakes are salt pans and playas). */
export const WATER_LAKE_CLASSES = ["Lake", "Reservoir"];

export function annualPrecipitationAux(ctx: BuildContext): AuxGrid {
  const total = new Float32Array(ctx.land.cellIndex.length);
  for (let m = 1; m <= 12; m++) {
    const month = sampleAtLandCells(ctx.land, readAsc(rawPath(ctx, `itu-r-p837-rainfall/mt_month${String(m).padStart(2, "0")}_mm_0.5deg.asc`)));
    for (let i = 0; i < total.length; i++) total[i]! += month[i]!;
  }
  return {
    id: "precip_annual", title: "Annual total precipitation (sum of monthly means)", unit: "mm", sources: ["itu-r-p837"],
    file: ctx.out.writeArray("grid/aux/precip_annual.i16", quantizeInt16(total, 1, "precip_annual"), { scale: 1, nodata: -32768 }),
  };
}

export const ARIDITY_LAYER: LayerMeta = {
  id: "water.aridity_index",
  title: "Aridity index (P/PET)",
  description: "UNEP aridity index: annual precipitation ÷ potential evapotranspiration. Below 0.05 hyper-arid, 0.05–0.2 arid, 0.2–0.5 semi-arid, 0.5–0.65 dry sub-humid, above 0.65 humid. A sub-national water-balance proxy.",
  method: "P: Rec. ITU-R P.837-7 monthly mean total rainfall (0.5°, from ERA-Interim), summed over the year. PET: Hargreaves & Samani (1985), PET = 0.0023 · 0.408·Ra · (T + 17.8) · √DTR mm/day per month, with T the ITU-R P.1510 monthly mean, Ra the extraterrestrial radiation of the month's middle day at the cell's latitude (FAO-56, Allen et al. 1998, eq. 21–25) and DTR the mean diurnal temperature range estimated by the app's climate model from humidity (ITU-R P.836) and continentality (server/models/climate/monthlyModel.ts, fitted to ASHRAE station data, RMS 1.1 K); months colder than −17.8 °C contribute 0. Classes follow UNEP (1992), World Atlas of Desertification. Hargreaves rather than Thornthwaite because Thornthwaite underestimates PET in dry climates (it ignores radiation and dryness), which matters most where water is scarce. Reanalysis temperatures at 0.75° read cool in valleys below mountains (Phoenix 21 °C vs 24 °C observed), which understates PET there. The CGIAR Global Aridity Index v3 (Penman–Monteith, 30″) would replace it.",
  category: "water", unit: "P/PET", direction: "higher_is_better", quality: "modelled", resolution: "0.25° grid (inputs 0.5–1.125°)",
  vintage: "ERA-Interim climatology (ITU-R P.837-7, P.1510-1)", sources: ["itu-r-p837", "itu-r-p1510", "itu-r-p836"],
  valueType: "continuous", domain: [0, 1.5], ramp: "aridity",
  storage: { kind: "model", model: "aridityIndex", inputs: ["precip_annual", "t2m_month01..12", "rho_50", "rho_10", "rho_1"] },
};

function densify(line: Position[], out: { lat: number; lon: number }[]): void {
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i]!, b = line[i + 1]!;
    const km = haversineKm(a[1]!, a[0]!, b[1]!, b[0]!);
    const steps = Math.max(1, Math.ceil(km / WATER_POINT_SPACING_KM));
    for (let s = 0; s < steps; s++) out.push({ lon: a[0]! + ((b[0]! - a[0]!) * s) / steps, lat: a[1]! + ((b[1]! - a[1]!) * s) / steps });
  }
  const last = line[line.length - 1];
  if (last) out.push({ lon: last[0]!, lat: last[1]! });
}

function linesOf(g: Geometry | null): Position[][] {
  if (!g) return [];
  switch (g.type) {
    case "LineString": return [g.coordinates];
    case "MultiLineString": return g.coordinates;
    case "Polygon": return g.coordinates;
    case "MultiPolygon": return g.coordinates.flat();
    default: return [];
  }
}

/** Points every ≤ 2 km along Natural Earth 1:10m rivers and the shores of its fresh-water lakes and reservoirs. */
export function freshWaterPoints(ctx: BuildContext): { points: { lat: number; lon: number }[]; rivers: number; lakes: number } {
  const read = (rel: string) => JSON.parse(readFileSync(rawPath(ctx, rel), "utf8")) as FeatureCollection<Geometry | null, Record<string, unknown>>;
  const points: { lat: number; lon: number }[] = [];
  const rivers = read("natural-earth-10m-rivers-lakes/ne_10m_rivers_lake_centerlines.json").features.filter((f: Feature<Geometry | null>) => f.geometry !== null);
  for (const f of rivers) for (const line of linesOf(f.geometry)) densify(line, points);
  const lakes = read("natural-earth-10m-rivers-lakes/ne_10m_lakes.json").features.filter((f) => WATER_LAKE_CLASSES.includes(String(f.properties.featurecla)));
  for (const f of lakes) for (const ring of linesOf(f.geometry)) densify(ring, points);
  return { points, rivers: rivers.length, lakes: lakes.length };
}

function nearestDistanceKm(ctx: BuildContext, points: { lat: number; lon: number }[]): Float32Array {
  const tree = new KDBush(points.length);
  for (const p of points) tree.add(p.lon, p.lat);
  tree.finish();
  const out = new Float32Array(ctx.land.cellIndex.length);
  forEachLandCell(ctx.land, (li, lat, lon) => {
    const [hit] = around(tree, lon, lat, 1);
    const p = points[hit as number]!;
    out[li] = distance(lon, lat, p.lon, p.lat);
  });
  return out;
}

export function buildWaterBodyDistance(ctx: BuildContext): LayerMeta {
  const fresh = freshWaterPoints(ctx);
  const coast = coastPoints(ctx.countries.features.map((f) => f.geometry));
  const km = nearestDistanceKm(ctx, [...fresh.points, ...coast]);
  return gridLayer(ctx, {
    id: "cooling.water_body_km",
    title: "Distance to a river, lake or the sea",
    description: "Great-circle distance to the nearest major river, fresh-water lake or reservoir, or sea coast, km: a source of cooling water for water-side economisers, evaporative towers or seawater cooling.",
    method: `Distance from each 0.25° cell centre to the nearest of: the ${fresh.rivers.toLocaleString("en")} Natural Earth 1:10m river and lake centrelines; the shores of its ${fresh.lakes.toLocaleString("en")} lakes and reservoirs (alkaline lakes, i.e. salt pans, left out); and the Natural Earth 1:50m coastline — each line sampled every ${WATER_POINT_SPACING_KM} km (coast every 5 km). Bilinear between cell centres. Natural Earth rivers carry no discharge, so a seasonal river and the Amazon count alike, and rivers below its 1:10m selection are missing; abstraction rights and water quality are not assessed. A cell centre inside a lake reads the distance to its shore.`,
    category: "cooling", unit: "km", direction: "lower_is_better", quality: "observed", resolution: "0.25° grid (exact distances at cell centres)",
    vintage: "Natural Earth v4 (2017)", sources: ["natural-earth-rivers-lakes", "natural-earth-admin0"], valueType: "continuous", domain: [0, 200], ramp: "water_distance",
  }, km, { scale: 0.1, interpolation: "bilinear" });
}
