/**
 * Physical-risk layers. Every one is a proxy of the hazard a site faces (a catalogue density, a
 * track count, a country category), not a probabilistic hazard model; each description says what it
 * measures and what would replace it.
 */
import type { Geometry, Position } from "geojson";
import type { LayerMeta, PointSetMeta, PolygonValue } from "../../schema/manifest";
import { rawPath, type BuildContext } from "../context";
import { parseNumberCell, readCsv } from "../lib/csv";
import { haversineKm, PointBuckets } from "../../lib/geo";
import { forEachLandCell } from "../lib/grid";
import type { ClimateGrids } from "../sources/climate";
import { gridLayer, polygonLayer, round } from "./define";

/** USGS catalogue span used for rates: 1900-01-01 to 2023-09-22. */
const QUAKE_YEARS = 123.72;
export const SEISMIC_RADIUS_KM = 100;
export const SEISMIC_MAX_DEPTH_KM = 150;

function seismic(ctx: BuildContext): Float32Array {
  const rows = readCsv(rawPath(ctx, "usgs-earthquakes-m6-1900-2023/usgs_major_earthquakes_1900-2023.csv"));
  const events: { lat: number; lon: number }[] = [];
  rows.forEach((r, i) => {
    const where = `usgs_major_earthquakes_1900-2023.csv row ${i + 2}`;
    const lat = parseNumberCell(r.latitude, where), lon = parseNumberCell(r.longitude, where);
    const depth = parseNumberCell(r.depth, where), mag = parseNumberCell(r.mag, where);
    if (lat === null || lon === null || mag === null) throw new Error(`${where}: missing coordinate or magnitude`);
    if (r.type === "earthquake" && mag >= 6 && (depth === null || depth <= SEISMIC_MAX_DEPTH_KM)) events.push({ lat, lon });
  });
  const index = new PointBuckets(events);
  const out = new Float32Array(ctx.land.cellIndex.length);
  forEachLandCell(ctx.land, (li, lat, lon) => {
    let n = 0;
    index.forEachWithin(lat, lon, SEISMIC_RADIUS_KM, () => n++);
    out[li] = (n * 100) / QUAKE_YEARS;
  });
  return out;
}

/** IBTrACS 1980–2024 is 45 seasons. */
const TC_DECADES = 4.5;
export const CYCLONE_SMOOTHING_KM = 200;

function cyclone(ctx: BuildContext): Float32Array {
  const rows = readCsv(rawPath(ctx, "tc-frequency-grid-ibtracs-1deg/tc_storm_count_1deg_since1980.csv"));
  const counts = new Map<string, number>();
  rows.forEach((r, i) => {
    const where = `tc_storm_count_1deg_since1980.csv row ${i + 2}`;
    const lat = parseNumberCell(r.lat, where)!, lon = parseNumberCell(r.lon, where)!, n = parseNumberCell(r.storm_count, where)!;
    counts.set(`${lat},${lon}`, n);
  });
  // Mean over the 1° cells (absent = 0 storms) whose centres lie within the smoothing radius.
  const out = new Float32Array(ctx.land.cellIndex.length);
  forEachLandCell(ctx.land, (li, lat, lon) => {
    let sum = 0, cells = 0;
    for (let la = Math.ceil(lat - 2.5); la <= Math.floor(lat + 2.5); la++) {
      if (la < -90 || la > 90) continue;
      const dLon = Math.min(180, 2.5 / Math.max(0.05, Math.cos((la * Math.PI) / 180)));
      for (let lo = Math.ceil(lon - dLon); lo <= Math.floor(lon + dLon); lo++) {
        const wrapped = ((lo + 540) % 360) - 180;
        if (haversineKm(lat, lon, la, wrapped) > CYCLONE_SMOOTHING_KM) continue;
        sum += counts.get(`${la},${wrapped}`) ?? 0;
        cells++;
      }
    }
    out[li] = cells ? sum / cells / TC_DECADES : 0;
  });
  return out;
}

/**
 * Coastline points: country-polygon vertices not shared with another country (Natural Earth
 * borders share vertices, so what remains is coast), densified to ≤ 5 km spacing.
 */
export function coastPoints(geometries: Geometry[]): { lat: number; lon: number }[] {
  const owners = new Map<string, Set<number>>();
  const key = (p: Position) => `${p[0]!.toFixed(6)},${p[1]!.toFixed(6)}`;
  const rings: Position[][][] = geometries.map((g) => (g.type === "Polygon" ? g.coordinates : g.type === "MultiPolygon" ? g.coordinates.flat() : []));
  rings.forEach((rs, f) => rs.forEach((ring) => ring.forEach((p) => {
    const k = key(p);
    let s = owners.get(k);
    if (!s) owners.set(k, (s = new Set()));
    s.add(f);
  })));
  const points: { lat: number; lon: number }[] = [];
  for (const rs of rings) for (const ring of rs) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i]!, b = ring[i + 1]!;
      if (owners.get(key(a))!.size > 1 || owners.get(key(b))!.size > 1) continue;
      // Edges along ±180° are cuts of the antimeridian, not coast.
      if (Math.abs(a[0]!) === 180 && a[0] === b[0]) continue;
      const km = haversineKm(a[1]!, a[0]!, b[1]!, b[0]!);
      const steps = Math.max(1, Math.ceil(km / 5));
      for (let s = 0; s < steps; s++) points.push({ lon: a[0]! + ((b[0]! - a[0]!) * s) / steps, lat: a[1]! + ((b[1]! - a[1]!) * s) / steps });
    }
  }
  return points;
}

/** Exposure falls linearly to 0 at these (documented in the layer method). */
export const COASTAL_MAX_ELEVATION_M = 20;
export const COASTAL_MAX_DISTANCE_KM = 50;

function coastalExposure(ctx: BuildContext, climate: ClimateGrids): Float32Array {
  const index = new PointBuckets(coastPoints(ctx.countries.features.map((f) => f.geometry)), 0.5);
  const exposure = new Float32Array(ctx.land.cellIndex.length);
  forEachLandCell(ctx.land, (li, lat, lon) => {
    const fe = Math.min(1, Math.max(0, 1 - climate.elevationM[li]! / COASTAL_MAX_ELEVATION_M));
    if (fe === 0) return;
    // Only the distance up to the cut-off matters: search that far and no further.
    let d = COASTAL_MAX_DISTANCE_KM;
    index.forEachWithin(lat, lon, COASTAL_MAX_DISTANCE_KM, (_, km) => { if (km < d) d = km; });
    exposure[li] = fe * (1 - d / COASTAL_MAX_DISTANCE_KM);
  });
  return exposure;
}

/**
 * Static hotspots in the fire data (issue 13): VIIRS counts every persistent thermal anomaly, so a
 * steelworks, refinery or power station reads as intense "fire" (Luleå's 0.5° cell: 904 detections
 * against 0–28 in its eight neighbours). A cell is taken for a static industrial or urban source,
 * and its count replaced by the mean of its land neighbours (of the eight around it, those with land;
 * a land cell without detections counts 0), when all hold:
 * - it has at least STATIC_MIN_COUNT detections;
 * - at least STATIC_MIN_LAND_NEIGHBOURS of its neighbours are land (on a small island or a thin
 *   coast isolation cannot be judged, so the cell is kept);
 * - it has at least STATIC_RATIO times the land neighbours' mean (a landscape fire spreads over
 *   neighbouring cells; a chimney does not);
 * - it holds a GPPD thermal power plant (coal, gas, oil, petcoke, cogeneration, waste, biomass) or a
 *   GeoNames place of ≥ 15,000 people, i.e. something that burns fuel all year.
 * Isolated fires in empty country are kept. Gas flares on oil fields mostly stay (they cluster).
 */
export const STATIC_MIN_COUNT = 50;
export const STATIC_RATIO = 10;
export const STATIC_MIN_LAND_NEIGHBOURS = 4;

export interface StaticHotspot { id: string; name: string; lat: number; lon: number; detections: number; neighbour_mean: number; because: string }

function fireCellKey(lat: number, lon: number): string {
  const klon = ((Math.round(lon * 2) / 2 + 540) % 360) - 180;
  return `${Math.round(lat * 2) / 2},${klon === 180 ? -180 : klon}`;
}

/** Whether any of the four 0.25° analysis cells inside the 0.5° FIRMS cell centred at (lat, lon) is land. */
function fireCellHasLand(ctx: BuildContext, lat: number, lon: number): boolean {
  const g = ctx.grid;
  for (const dy of [-0.125, 0.125]) for (const dx of [-0.125, 0.125]) {
    const row = Math.floor((g.north - (lat + dy)) / g.cellDeg);
    const col = ((Math.floor((lon + dx - g.west) / g.cellDeg) % g.ncols) + g.ncols) % g.ncols;
    if (row >= 0 && row < g.nrows && ctx.land.landIndexOfCell[row * g.ncols + col]! >= 0) return true;
  }
  return false;
}

function wildfire(ctx: BuildContext, industry: { lat: number; lon: number; name: string }[]): { values: Float32Array; hotspots: StaticHotspot[] } {
  const counts = new Map<string, number>();
  readCsv(rawPath(ctx, "wildfire-firms-viirs-0.5deg/firms_viirs_fire_count_0.5deg.csv")).forEach((r, i) => {
    const where = `firms_viirs_fire_count_0.5deg.csv row ${i + 2}`;
    counts.set(`${parseNumberCell(r.lat, where)},${parseNumberCell(r.lon, where)}`, parseNumberCell(r.fire_count, where)!);
  });
  const anthropogenic = new Map<string, string>();
  for (const p of industry) {
    const k = fireCellKey(p.lat, p.lon);
    if (!anthropogenic.has(k)) anthropogenic.set(k, p.name);
  }
  const cleaned = new Map(counts);
  const hotspots: StaticHotspot[] = [];
  for (const [key, n] of counts) {
    if (n < STATIC_MIN_COUNT) continue;
    const [lat, lon] = key.split(",").map(Number) as [number, number];
    let sum = 0, land = 0;
    for (let dy = -0.5; dy <= 0.5; dy += 0.5) for (let dx = -0.5; dx <= 0.5; dx += 0.5) {
      if (dx === 0 && dy === 0) continue;
      if (!fireCellHasLand(ctx, lat + dy, lon + dx)) continue;
      land++;
      sum += counts.get(fireCellKey(lat + dy, lon + dx)) ?? 0;
    }
    if (land < STATIC_MIN_LAND_NEIGHBOURS) continue;
    const mean = sum / land;
    const source = anthropogenic.get(key);
    if (n < STATIC_RATIO * Math.max(mean, 1) || !source) continue;
    cleaned.set(key, mean);
    hotspots.push({ id: `fire-cell:${key}`, name: `Static hotspot near ${source}`, lat, lon, detections: n, neighbour_mean: round(mean, 1), because: source });
  }
  hotspots.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out = new Float32Array(ctx.land.cellIndex.length);
  forEachLandCell(ctx.land, (li, lat, lon) => {
    // FIRMS keys are round(x·2)/2: 0.5° cells centred on multiples of 0.5°.
    const klat = Math.round(lat * 2) / 2;
    const n = cleaned.get(fireCellKey(lat, lon)) ?? 0;
    const areaKm2 = (0.5 * 111.195) ** 2 * Math.max(0.01, Math.cos((klat * Math.PI) / 180));
    out[li] = (n / areaKm2) * 1000;
  });
  return { values: out, hotspots };
}

type AqueductColumn = "bws_cat_0_4" | "drr_cat_0_4" | "rfr_cat_0_4";

function aqueduct(ctx: BuildContext, column: AqueductColumn, label: string): { values: Map<string, Omit<PolygonValue, "key">>; missing: (key: string) => string } {
  const byIso3 = new Map<string, number | "nodata">();
  readCsv(rawPath(ctx, "wri-aqueduct40-country-categories/aqueduct40_country_baseline_categories.csv")).forEach((r, i) => {
    const v = parseNumberCell(r[column], `aqueduct40_country_baseline_categories.csv row ${i + 2} ${column}`);
    if (v === null) return;
    byIso3.set(r.iso3!, v === -9999 ? "nodata" : v);
  });
  const values = new Map<string, Omit<PolygonValue, "key">>();
  for (const c of ctx.countries.features) {
    const v = c.props.iso3 ? byIso3.get(c.props.iso3) : undefined;
    if (typeof v === "number") values.set(c.key, { value: v, year: "2023", source: "wri-aqueduct40-country" });
  }
  const missing = (key: string) => {
    const c = ctx.countries.features[ctx.countries.indexByKey.get(key)!]!;
    if (!c.props.iso3) return `${c.name} has no ISO 3166 code, so Aqueduct cannot be joined.`;
    return byIso3.get(c.props.iso3) === "nodata"
      ? `WRI Aqueduct 4.0 publishes no ${label} score for ${c.name} (typical for small islands and city-states).`
      : `${c.name} (${c.props.iso3}) is not in the Aqueduct 4.0 country rankings.`;
  };
  return { values, missing };
}

const AQUEDUCT_CATEGORIES = ["Low", "Low–medium", "Medium–high", "High", "Extremely high"].map((label, code) => ({ code, key: String(code), label: `${code} — ${label}` }));

export function buildRiskLayers(ctx: BuildContext, climate: ClimateGrids, industry: { lat: number; lon: number; name: string }[]): { layers: LayerMeta[]; pointSets: PointSetMeta[] } {
  const fire = wildfire(ctx, industry);
  const coastal = coastalExposure(ctx, climate);
  const bws = aqueduct(ctx, "bws_cat_0_4", "baseline water stress");
  const rfr = aqueduct(ctx, "rfr_cat_0_4", "riverine flood risk");
  const drr = aqueduct(ctx, "drr_cat_0_4", "drought risk");
  const country = "country (WRI Aqueduct 4.0 country ranking)";
  const layers: LayerMeta[] = [
    gridLayer(ctx, {
      id: "risk.seismic",
      title: "Seismic activity (M ≥ 6 epicentres nearby)",
      description: `M ≥ 6 earthquakes with epicentre within ${SEISMIC_RADIUS_KM} km and depth ≤ ${SEISMIC_MAX_DEPTH_KM} km, per century (1900–2023). Proxy for seismic hazard.`,
      method: `Count of USGS ComCat events (type earthquake, M ≥ 6, depth ≤ ${SEISMIC_MAX_DEPTH_KM} km) within ${SEISMIC_RADIUS_KM} km great-circle distance of the cell centre, scaled to events per 100 years. A catalogue density, not ground motion: it misses rare large events outside the 124-year window and ignores site amplification. A probabilistic PGA map (GEM, or GSHAP) would replace it.`,
      category: "risk", unit: "events/100 yr", direction: "lower_is_better", quality: "proxy", resolution: "0.25° grid",
      vintage: "1900–2023", sources: ["usgs-comcat-m6"], valueType: "continuous", domain: [0, 40], ramp: "hazard",
    }, seismic(ctx), { scale: 0.01, interpolation: "bilinear" }),
    gridLayer(ctx, {
      id: "risk.cyclone",
      title: "Tropical-cyclone frequency",
      description: `Tropical-storm-force (≥ 34 kt) storm passages per 1° cell per decade, averaged within ${CYCLONE_SMOOTHING_KM} km (IBTrACS 1980–2024). Proxy.`,
      method: `IBTrACS v04r01 distinct storms with a ≥ 34 kt track point in each 1° cell (1980–2024), averaged over the 1° cells within ${CYCLONE_SMOOTHING_KM} km (cells without storms count as 0) and divided by 4.5 decades. Counts centre passages, not wind at the site; extratropical stages are included. STORM return-period wind maps (Bloemendaal et al.) would replace it.`,
      category: "risk", unit: "storms/decade", direction: "lower_is_better", quality: "proxy", resolution: "0.25° grid (source 1°)",
      vintage: "1980–2024", sources: ["ibtracs-tc-grid"], valueType: "continuous", domain: [0, 6], ramp: "hazard",
    }, cyclone(ctx), { scale: 0.001, interpolation: "bilinear" }),
    gridLayer(ctx, {
      id: "risk.coastal_exposure",
      title: "Coastal low-elevation exposure",
      description: `Index 0–1: 1 at sea level on the coast, 0 above ${COASTAL_MAX_ELEVATION_M} m mean height or beyond ${COASTAL_MAX_DISTANCE_KM} km from the coast. Proxy for storm-surge and sea-level exposure.`,
      method: `(1 − h/${COASTAL_MAX_ELEVATION_M} m)·(1 − d/${COASTAL_MAX_DISTANCE_KM} km), each clamped to [0, 1], where h is the ITU-R P.1511 0.5° mean height (ocean nodes excluded from interpolation) and d the distance to the Natural Earth 1:50m coastline (country outline vertices not shared with a neighbour, densified to 5 km). Cell-mean heights hide local relief and defences; a 90 m DEM (e.g. FABDEM) and coastal flood maps (Aqueduct coastal) would replace it.`,
      category: "risk", unit: "index 0–1", direction: "lower_is_better", quality: "proxy", resolution: "0.25° grid (heights 0.5°)",
      vintage: "Natural Earth v4; ITU-R P.1511", sources: ["itu-r-p1511", "natural-earth-admin0"], valueType: "continuous", domain: [0, 1], ramp: "hazard",
    }, coastal, { scale: 0.0001, interpolation: "bilinear" }),
    gridLayer(ctx, {
      id: "risk.wildfire",
      title: "Active-fire density (static hotspots removed)",
      description: "VIIRS active-fire detections per 1,000 km² in about one year (0.5° cells), after removing static industrial and urban heat sources. Proxy for landscape fire activity; still includes agricultural burning and most gas flares.",
      method: `NASA FIRMS VIIRS detections counted per 0.5° cell, divided by the cell area. Static hotspots removed by a documented rule: a cell with ≥ ${STATIC_MIN_COUNT} detections, at least ${STATIC_RATIO}× the mean of its land neighbours (at least ${STATIC_MIN_LAND_NEIGHBOURS} of the eight), that holds a GPPD thermal power plant or a GeoNames place of ≥ 15,000 people takes that mean instead (${fire.hotspots.length} cells; listed in the point set "fire-static-hotspots", e.g. Luleå's steelworks). One year only, so inter-annual variability is not captured; crop burning and clustered gas flares remain. A multi-year burned-area climatology (MODIS MCD64A1) would replace it.`,
      category: "risk", unit: "detections/1000 km²/yr", direction: "lower_is_better", quality: "proxy", resolution: "0.25° grid (source 0.5°)",
      vintage: "about one year (2025)", sources: ["firms-viirs-fire-count", "wri-gppd", "geonames-cities"], valueType: "continuous", domain: [0, 200], ramp: "hazard",
    }, fire.values, { scale: 0.5, interpolation: "nearest" }),
    {
      id: "risk.heat",
      title: "Extreme-heat hours",
      description: "Estimated hours per year above 35 °C dry bulb, from monthly temperature normals. Modelled.",
      method: "Model (server/models/climate): hourly temperature distribution implied by ITU-R P.1510 monthly normals (diurnal cycle plus day-to-day variability); hours above 35 °C, where chillers and dry coolers lose capacity. Normals smooth out heat waves; station hourly records or ERA5 would replace it.",
      category: "risk", unit: "h/yr", direction: "lower_is_better", quality: "modelled", resolution: "0.25° grid (inputs 0.75°)",
      vintage: "1979–2014", sources: ["itu-r-p1510", "itu-r-p836"], valueType: "continuous", domain: [0, 1500], ramp: "hazard",
      storage: { kind: "model", model: "heatHoursAbove35C", inputs: ["t2m_month01..12", "rho_50", "rho_10", "rho_1"] },
    },
    polygonLayer(ctx, {
      id: "risk.water_stress",
      title: "Baseline water stress (country)",
      description: "WRI Aqueduct 4.0 baseline water stress category for the country, 0 (low) to 4 (extremely high). Country aggregate used as a site proxy.",
      method: "Aqueduct 4.0 country ranking (withdrawals ÷ available renewable supply, aggregated over the country). Basins within a country differ widely; the Aqueduct basin-level (HydroBASINS 6) indicator would replace it.",
      category: "risk", unit: "category 0–4", direction: "lower_is_better", quality: "proxy", resolution: country,
      vintage: "Aqueduct 4.0 (2023)", sources: ["wri-aqueduct40-country", "natural-earth-admin0"], valueType: "ordinal", categories: AQUEDUCT_CATEGORIES, domain: [0, 4], ramp: "hazard",
    }, ctx.countries, bws.values, bws.missing),
    polygonLayer(ctx, {
      id: "risk.flood",
      title: "Riverine flood risk (country)",
      description: "WRI Aqueduct 4.0 riverine flood risk category for the country, 0 (low) to 4 (extremely high). Country aggregate; coastal flooding not included.",
      method: "Aqueduct 4.0 country ranking of riverine flood risk (population exposed to a 100-year flood relative to total). Says nothing about whether a given site lies in a floodplain; JRC or Aqueduct flood-depth maps would replace it.",
      category: "risk", unit: "category 0–4", direction: "lower_is_better", quality: "proxy", resolution: country,
      vintage: "Aqueduct 4.0 (2023)", sources: ["wri-aqueduct40-country", "natural-earth-admin0"], valueType: "ordinal", categories: AQUEDUCT_CATEGORIES, domain: [0, 4], ramp: "hazard",
    }, ctx.countries, rfr.values, rfr.missing),
    polygonLayer(ctx, {
      id: "risk.drought",
      title: "Drought risk (country)",
      description: "WRI Aqueduct 4.0 drought risk category for the country, 0 (low) to 4 (extremely high). Country aggregate.",
      method: "Aqueduct 4.0 country ranking of drought risk (hazard × exposure × vulnerability). Country aggregate used as a site proxy.",
      category: "risk", unit: "category 0–4", direction: "lower_is_better", quality: "proxy", resolution: country,
      vintage: "Aqueduct 4.0 (2023)", sources: ["wri-aqueduct40-country", "natural-earth-admin0"], valueType: "ordinal", categories: AQUEDUCT_CATEGORIES, domain: [0, 4], ramp: "hazard",
    }, ctx.countries, drr.values, drr.missing),
    {
      id: "risk.composite",
      title: "Composite physical risk (sub-national hazards)",
      description: "0–1 aggregate of the hazards that vary within a country — seismic, cyclone, coastal low elevation, extreme heat and aridity: half the worst severity, half the mean. Country-level categories (Aqueduct water stress, flood, drought) and the active-fire layer are separate layers, not part of it. Proxy.",
      method: "Model (server/models/risk/composite): each component mapped to a 0–1 severity by a documented linear function; composite = 0.5·max + 0.5·mean over the components with a value, so one severe hazard is not averaged away. Needs at least 3 of the 5 components, else missing with the list of absent ones. The value says which component drives it. Only hazards that vary inside a country enter, so two sites in one country can be told apart; the Aqueduct country categories stay visible as their own criteria (risk.water_stress, risk.flood, risk.drought). Active fires stay out: even with static hotspots removed, one year of VIIRS counts tracks crop burning, flares and industry near towns more than landscape fire.",
      category: "risk", unit: "index 0–1", direction: "lower_is_better", quality: "proxy", resolution: "0.25° grid",
      vintage: "see components", sources: ["usgs-comcat-m6", "ibtracs-tc-grid", "itu-r-p1511", "itu-r-p1510", "itu-r-p836", "itu-r-p837"], valueType: "continuous", domain: [0, 1], ramp: "hazard",
      storage: { kind: "model", model: "compositeRisk", inputs: ["risk.seismic", "risk.cyclone", "risk.coastal_exposure", "risk.heat", "water.aridity_index"] },
    },
  ];
  const pointSets: PointSetMeta[] = [{
    id: "fire-static-hotspots", title: "Static hotspots removed from the active-fire layer", file: ctx.out.writePointSet("points/fire-static-hotspots.json", fire.hotspots),
    count: fire.hotspots.length, sources: ["firms-viirs-fire-count", "wri-gppd", "geonames-cities"], excluded: [],
  }];
  return { layers, pointSets };
}
