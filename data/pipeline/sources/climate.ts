/**
 * Climate inputs on the analysis grid: ITU-R P.1510 monthly and annual 2 m temperature,
 * ITU-R P.836 water-vapour density exceeded 50/10/1 % of the year, ITU-R P.1511 mean height.
 * Each is interpolated bilinearly at land-cell centres (the interpolation ITU validates; SOURCES §9.5).
 */
import { bilinear, readAsc, type AscGrid } from "../lib/asc";
import { forEachLandCell, type LandCells } from "../lib/grid";

export interface ClimateGrids {
  /** 12 arrays of monthly mean temperature, °C, per land cell. */
  monthlyMeanC: Float32Array[];
  annualMeanC: Float32Array;
  rho50: Float32Array;
  rho10: Float32Array;
  rho1: Float32Array;
  elevationM: Float32Array;
}

export function sampleAtLandCells(land: LandCells, grid: AscGrid): Float32Array {
  const out = new Float32Array(land.cellIndex.length);
  forEachLandCell(land, (li, lat, lon) => {
    out[li] = bilinear(grid, lat, lon);
  });
  return out;
}

export function loadClimate(land: LandCells, path: (rel: string) => string): ClimateGrids {
  const month = (m: number) => path(`itu-r-p1510-temperature/t2m_month${String(m).padStart(2, "0")}_C.asc`);
  const topo = readAsc(path("itu-r-p1511-topography/topo_0.5deg_m.asc"));
  // ITU topography stores the ocean as exactly 0 m. Treat those nodes as missing so coastal land
  // is not pulled towards sea level by ocean nodes (depressions such as the Netherlands are negative, not 0).
  for (let i = 0; i < topo.values.length; i++) if (topo.values[i] === 0) topo.values[i] = NaN;
  const elevationM = sampleAtLandCells(land, topo);
  // A land cell whose four nodes are all ocean (small islands, thin coasts) sits near sea level.
  for (let i = 0; i < elevationM.length; i++) if (Number.isNaN(elevationM[i]!)) elevationM[i] = 0;
  return {
    monthlyMeanC: Array.from({ length: 12 }, (_, m) => sampleAtLandCells(land, readAsc(month(m + 1)))),
    annualMeanC: sampleAtLandCells(land, readAsc(path("itu-r-p1510-temperature/t2m_annual_C.asc"))),
    rho50: sampleAtLandCells(land, readAsc(path("itu-r-p836-water-vapour/rho_exceed50pct_gm3.asc"))),
    rho10: sampleAtLandCells(land, readAsc(path("itu-r-p836-water-vapour/rho_exceed10pct_gm3.asc"))),
    rho1: sampleAtLandCells(land, readAsc(path("itu-r-p836-water-vapour/rho_exceed01pct_gm3.asc"))),
    elevationM,
  };
}
