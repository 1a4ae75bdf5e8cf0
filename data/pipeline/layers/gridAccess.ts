/**
 * Grid access from the WRI Global Power Plant Database (issue 13): what generation is around a
 * place. Installed capacity within 100 km stands in for grid strength (large plants sit on the
 * transmission backbone, and a region that hosts gigawatts of generation has the substations and
 * lines to carry them); low-carbon capacity within 100 km for co-location with clean supply; the
 * distance to the nearest plant of ≥ 500 MW for proximity to a large substation. All three are
 * proxies: the GPPD is a plant register, not a transmission map, and its vintage is 2017–2020.
 */
import type { LayerMeta, PointSetMeta } from "../../schema/manifest";
import type { BuildContext } from "../context";
import { PointBuckets } from "../../lib/geo";
import { forEachLandCell } from "../lib/grid";
import { LOW_CARBON_FUELS, type PowerPlant } from "../sources/powerPlants";
import { gridLayer, round } from "./define";

export const CAPACITY_RADIUS_KM = 100;
export const LARGE_PLANT_MW = 500;

/** A plant as the app's point set stores it (field names carry units). */
export interface PlantPoint {
  id: string;
  name: string;
  lat: number;
  lon: number;
  country: string;
  fuel: string;
  capacity_mw: number;
  generation_gwh: number;
  capacity_year?: number;
}

function plantPoint(p: PowerPlant): PlantPoint {
  const out: PlantPoint = {
    id: p.id, name: p.name, lat: round(p.lat, 4), lon: round(p.lon, 4), country: p.country, fuel: p.fuel,
    capacity_mw: round(p.capacityMw, 1), generation_gwh: Math.round(p.generationGwh),
  };
  if (p.capacityYear !== null) out.capacity_year = p.capacityYear;
  return out;
}

function capacityWithin(ctx: BuildContext, plants: PowerPlant[], radiusKm: number): Float32Array {
  const index = new PointBuckets(plants);
  const out = new Float32Array(ctx.land.cellIndex.length);
  forEachLandCell(ctx.land, (li, lat, lon) => {
    let mw = 0;
    index.forEachWithin(lat, lon, radiusKm, (p) => { mw += p.capacityMw; });
    out[li] = mw;
  });
  return out;
}

const GPPD_CAVEAT = "The GPPD (v1.3.0, final release, data about 2017–2020) registers plants, not lines or substations; coverage is uneven (many countries list only large plants) and post-2020 build-out, such as recent Chinese solar and wind, is missing. Capacity is nameplate, not firm. A transmission map with substation capacities (OSM power=line, national grid operators' hosting-capacity maps) would replace it.";

export function buildGridAccess(ctx: BuildContext, plants: PowerPlant[]): { layers: LayerMeta[]; pointSets: PointSetMeta[] } {
  const all = plants.map(plantPoint);
  const large = all.filter((p) => p.capacity_mw >= LARGE_PLANT_MW);
  const lowCarbon = plants.filter((p) => LOW_CARBON_FUELS.has(p.fuel));
  const pointSets: PointSetMeta[] = [
    { id: "power-plants", title: "Power plants (WRI Global Power Plant Database v1.3.0)", file: ctx.out.writePointSet("points/power-plants.json", all), count: all.length, sources: ["wri-gppd"], excluded: [] },
  ];
  const common = { category: "power" as const, vintage: "GPPD v1.3.0 (2021; data about 2017–2020)", sources: ["wri-gppd"] };
  const layers: LayerMeta[] = [
    gridLayer(ctx, {
      ...common,
      id: "power.capacity_within_100km_mw",
      title: "Generating capacity within 100 km",
      description: `Nameplate capacity of all power plants within ${CAPACITY_RADIUS_KM} km, MW. A grid-strength proxy: a place near gigawatts of generation sits near the transmission backbone.`,
      method: `Sum of capacity_mw of the ${all.length.toLocaleString("en")} GPPD plants whose coordinates lie within ${CAPACITY_RADIUS_KM} km great-circle distance of each 0.25° cell centre; bilinear between cell centres (a site reads within about 15 km of its own 100 km circle). All fuels count, storage included. ${GPPD_CAVEAT}`,
      unit: "MW", direction: "higher_is_better", quality: "proxy", resolution: "0.25° grid (exact sums at cell centres)",
      valueType: "continuous", domain: [0, 10000], ramp: "power",
    }, capacityWithin(ctx, plants, CAPACITY_RADIUS_KM), { scale: 2, interpolation: "bilinear" }),
    gridLayer(ctx, {
      ...common,
      id: "power.low_carbon_capacity_within_100km_mw",
      title: "Low-carbon capacity within 100 km",
      description: `Nameplate capacity of hydro, nuclear, wind, solar, geothermal and wave/tidal plants within ${CAPACITY_RADIUS_KM} km, MW: co-location with clean supply (for physical PPAs, behind-the-meter supply or a low-carbon node).`,
      method: `As power.capacity_within_100km_mw, counting only plants whose GPPD primary fuel is Hydro, Nuclear, Wind, Solar, Geothermal or Wave and Tidal (${lowCarbon.length.toLocaleString("en")} plants). Biomass is left out (its lifecycle intensity depends on the feedstock). ${GPPD_CAVEAT}`,
      unit: "MW", direction: "higher_is_better", quality: "proxy", resolution: "0.25° grid (exact sums at cell centres)",
      valueType: "continuous", domain: [0, 5000], ramp: "clean",
    }, capacityWithin(ctx, lowCarbon, CAPACITY_RADIUS_KM), { scale: 2, interpolation: "bilinear" }),
    {
      ...common,
      id: "power.nearest_plant_km",
      title: "Power plants (distance to the nearest)",
      description: "Every plant of the WRI Global Power Plant Database on the map, sized by capacity and coloured by fuel; the value is the great-circle distance to the nearest plant of any size, km.",
      method: `The ${all.length.toLocaleString("en")} GPPD plants drawn as symbols (area proportional to nameplate capacity; colour by primary fuel), with name, capacity, fuel and the year of the capacity figure on hover and in the inspector. The sampled value is the haversine distance, computed exactly, to the nearest plant of any size or fuel. ${GPPD_CAVEAT}`,
      unit: "km", direction: "lower_is_better", quality: "observed", resolution: "exact (point set)",
      valueType: "continuous", domain: [0, 200], ramp: "distance",
      storage: { kind: "points", pointSet: "power-plants", measure: "nearest_km" },
    },
    {
      ...common,
      id: "power.nearest_large_plant_km",
      title: `Distance to the nearest plant of ≥ ${LARGE_PLANT_MW} MW`,
      description: `Great-circle distance to the nearest power plant of at least ${LARGE_PLANT_MW} MW nameplate capacity, km: a proxy for the distance to a high-voltage substation.`,
      method: `Haversine distance, computed exactly at the sampled point (and at each cell centre for the map and the surface), to the nearest of the ${large.length.toLocaleString("en")} GPPD plants of ≥ ${LARGE_PLANT_MW} MW. Large plants connect at transmission voltage, so this approximates how far a campus is from a point the grid can deliver hundreds of megawatts to; substations without a large plant are not in the data. ${GPPD_CAVEAT}`,
      unit: "km", direction: "lower_is_better", quality: "proxy", resolution: "exact (point set)",
      valueType: "continuous", domain: [0, 300], ramp: "distance",
      storage: { kind: "points", pointSet: "power-plants", measure: "nearest_km", where: { field: "capacity_mw", atLeast: LARGE_PLANT_MW } },
    },
  ];
  return { layers, pointSets };
}
