/**
 * Cooling-climate layers. Temperatures come straight from ITU-R P.1510; the model layers (design
 * wet bulb, free-cooling hours) are computed by the server's documented climate models from the
 * auxiliary grids written here, so one implementation serves the map, the sampler and the PUE model.
 */
import { readFileSync } from "node:fs";
import type { AuxGrid, CategoryKey, LayerMeta } from "../../schema/manifest";
import { rawPath, type BuildContext } from "../context";
import { forEachLandCell } from "../lib/grid";
import { quantizeInt16 } from "../lib/output";
import type { ClimateGrids } from "../sources/climate";
import { categoricalGridLayer, gridLayer } from "./define";

/** Köppen–Geiger classes with the conventional colours of Beck et al. (2018), Sci. Data 5:180214. */
export const KOPPEN: [string, string, string][] = [
  ["Af", "Tropical rainforest", "#0000ff"], ["Am", "Tropical monsoon", "#0078ff"], ["As", "Tropical savanna, dry summer", "#5aa0f0"],
  ["Aw", "Tropical savanna, dry winter", "#46aafa"], ["BWh", "Hot desert", "#ff0000"], ["BWk", "Cold desert", "#ff9696"],
  ["BSh", "Hot semi-arid", "#f5a500"], ["BSk", "Cold semi-arid", "#ffdc64"], ["Csa", "Mediterranean, hot summer", "#ffff00"],
  ["Csb", "Mediterranean, warm summer", "#c8c800"], ["Csc", "Mediterranean, cold summer", "#969600"], ["Cwa", "Humid subtropical, dry winter", "#96ff96"],
  ["Cwb", "Subtropical highland, dry winter", "#64c864"], ["Cwc", "Cold subtropical highland", "#329632"], ["Cfa", "Humid subtropical", "#c8ff50"],
  ["Cfb", "Oceanic", "#64ff50"], ["Cfc", "Subpolar oceanic", "#32c800"], ["Dsa", "Continental, dry hot summer", "#ff00ff"],
  ["Dsb", "Continental, dry warm summer", "#c800c8"], ["Dsc", "Subarctic, dry summer", "#963296"], ["Dsd", "Subarctic, dry summer, very cold winter", "#966496"],
  ["Dwa", "Continental, dry winter, hot summer", "#aaafff"], ["Dwb", "Continental, dry winter, warm summer", "#5a78dc"], ["Dwc", "Subarctic, dry winter", "#4b50b4"],
  ["Dwd", "Subarctic, dry very cold winter", "#320087"], ["Dfa", "Humid continental, hot summer", "#00ffff"], ["Dfb", "Humid continental, warm summer", "#37c8ff"],
  ["Dfc", "Subarctic", "#007d7d"], ["Dfd", "Subarctic, very cold winter", "#00465f"], ["ET", "Tundra", "#b2b2b2"], ["EF", "Ice cap", "#666666"],
];

function koppenCodes(ctx: BuildContext): Uint8Array {
  const codeOf = new Map(KOPPEN.map(([k], i) => [k, i]));
  // Kottek cells are 0.5°, centred on x.25/x.75.
  const cells = new Uint8Array(720 * 360).fill(255);
  const lines = readFileSync(rawPath(ctx, "koppen-geiger-kottek-0.5deg/Koeppen-Geiger-ASCII.txt"), "utf8").split("\n");
  lines.forEach((line, i) => {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 3) return;
    const [lat, lon, cls] = [Number(parts[0]), Number(parts[1]), parts[2]!];
    const code = codeOf.get(cls);
    if (code === undefined || !Number.isFinite(lat) || !Number.isFinite(lon)) throw new Error(`Koeppen-Geiger-ASCII.txt line ${i + 1}: cannot read "${line.trim()}"`);
    cells[Math.floor((90 - lat) / 0.5) * 720 + Math.floor((lon + 180) / 0.5)] = code;
  });
  const out = new Uint8Array(ctx.land.cellIndex.length).fill(255);
  forEachLandCell(ctx.land, (li, lat, lon) => {
    const r0 = Math.floor((90 - lat) / 0.5), c0 = Math.floor((lon + 180) / 0.5);
    // The cell containing the centre; else the nearest classified neighbour (coasts drawn differently).
    let best = 255, bestD = Infinity;
    for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) {
      const r = r0 + dr, c = (c0 + dc + 720) % 720;
      if (r < 0 || r >= 360) continue;
      const code = cells[r * 720 + c]!;
      if (code === 255) continue;
      const d = (lat - (90 - (r + 0.5) * 0.5)) ** 2 + (lon - (-180 + (c + 0.5) * 0.5)) ** 2;
      if (d < bestD) { bestD = d; best = code; }
    }
    out[li] = best;
  });
  return out;
}

export function writeClimateAux(ctx: BuildContext, climate: ClimateGrids): AuxGrid[] {
  const aux = (id: string, title: string, unit: string, sources: string[], values: Float32Array, scale: number): AuxGrid => ({
    id, title, unit, sources,
    file: ctx.out.writeArray(`grid/aux/${id}.i16`, quantizeInt16(values, scale, id), { scale, nodata: -32768 }),
  });
  return [
    ...climate.monthlyMeanC.map((v, m) => aux(`t2m_month${String(m + 1).padStart(2, "0")}`, `Mean 2 m temperature, month ${m + 1}`, "°C", ["itu-r-p1510"], v, 0.01)),
    aux("rho_50", "Water-vapour density exceeded 50 % of the year", "g/m³", ["itu-r-p836"], climate.rho50, 0.01),
    aux("rho_10", "Water-vapour density exceeded 10 % of the year", "g/m³", ["itu-r-p836"], climate.rho10, 0.01),
    aux("rho_1", "Water-vapour density exceeded 1 % of the year", "g/m³", ["itu-r-p836"], climate.rho1, 0.01),
    aux("elevation", "Mean height above sea level (0.5° cell mean)", "m", ["itu-r-p1511"], climate.elevationM, 1),
  ];
}

export function buildCoolingLayers(ctx: BuildContext, climate: ClimateGrids): LayerMeta[] {
  const warmest = new Float32Array(ctx.land.cellIndex.length);
  for (let i = 0; i < warmest.length; i++) {
    let max = -Infinity;
    for (const month of climate.monthlyMeanC) max = Math.max(max, month[i]!);
    warmest[i] = max;
  }
  const itu = "0.25° grid, bilinear from 0.75° (ITU-R P.1510)";
  const categories: CategoryKey[] = KOPPEN.map(([key, label, color], code) => ({ code, key, label: `${key} — ${label}`, color }));
  return [
    gridLayer(ctx, {
      id: "cooling.annual_mean_temp_c",
      title: "Annual mean temperature",
      description: "Mean 2 m air temperature over the year, °C (ERA-Interim 1979–2014 climatology).",
      method: "ITU-R P.1510-1 annual mean surface temperature, interpolated bilinearly to the cell centre. Heights are those of the 0.75° model orography, so valleys and coastal cities below mountains read cooler than stations.",
      category: "cooling", unit: "°C", direction: "lower_is_better", quality: "observed", resolution: itu,
      vintage: "1979–2014", sources: ["itu-r-p1510"], valueType: "continuous", domain: [-20, 32], ramp: "temperature",
    }, climate.annualMeanC, { scale: 0.01, interpolation: "bilinear" }),
    gridLayer(ctx, {
      id: "cooling.warmest_month_temp_c",
      title: "Warmest-month mean temperature",
      description: "Mean 2 m air temperature of the warmest calendar month, °C.",
      method: "Maximum of the twelve ITU-R P.1510-1 monthly means at the cell centre.",
      category: "cooling", unit: "°C", direction: "lower_is_better", quality: "observed", resolution: itu,
      vintage: "1979–2014", sources: ["itu-r-p1510"], valueType: "continuous", domain: [0, 38], ramp: "temperature",
    }, warmest, { scale: 0.01, interpolation: "bilinear" }),
    {
      id: "cooling.design_wet_bulb_c",
      title: "Design wet-bulb temperature (estimate)",
      description: "Estimated wet-bulb temperature exceeded about 0.4 % of the year, °C — sizes evaporative cooling.",
      method: "Model (server/models/climate/designWetBulb): warmest-month temperature and ITU-R P.836 water-vapour density exceeded 1 % of the year, converted to vapour pressure and wet bulb (Stull 2011), calibrated against ASHRAE climatic design values.",
      category: "cooling", unit: "°C", direction: "lower_is_better", quality: "modelled", resolution: "0.25° grid (inputs 0.75°/1.125°)",
      vintage: "1979–2014 (temperature); P.836-6 (humidity)", sources: ["itu-r-p1510", "itu-r-p836"], valueType: "continuous", domain: [0, 32], ramp: "temperature",
      storage: { kind: "model", model: "designWetBulbC", inputs: ["t2m_month01..12", "rho_50", "rho_10", "rho_1"] },
    },
    {
      id: "cooling.free_cooling_hours",
      title: "Air-side free-cooling hours",
      description: "Hours per year an air-side economiser can carry the full load at ASHRAE recommended inlet (≤ 27 °C, dew point ≤ 15 °C).",
      method: "Model (server/models/climate/freeCooling): hourly temperatures implied by the monthly normals (diurnal cycle and day-to-day variability), counted where outdoor dry bulb ≤ 27 °C − 2 K approach and dew point ≤ 15 °C (ASHRAE TC 9.9 2021 recommended envelope); humidity from ITU-R P.836 exceedance statistics, combined with temperature under the documented comonotone assumption.",
      category: "cooling", unit: "h/yr", direction: "higher_is_better", quality: "modelled", resolution: "0.25° grid (inputs 0.75°/1.125°)",
      vintage: "1979–2014 (temperature); P.836-6 (humidity)", sources: ["itu-r-p1510", "itu-r-p836"], valueType: "continuous", domain: [0, 8760], ramp: "cooling",
      storage: { kind: "model", model: "freeCoolingHours", inputs: ["t2m_month01..12", "rho_50", "rho_10", "rho_1"] },
    },
    categoricalGridLayer(ctx, {
      id: "cooling.koppen",
      title: "Köppen–Geiger climate class",
      description: "Köppen–Geiger climate classification (Kottek et al. 2006, 1951–2000).",
      method: "Class of the 0.5° Kottek et al. cell containing the cell centre, else the nearest classified neighbour within one 0.5° cell.",
      category: "cooling", unit: "class", direction: "categorical", quality: "observed", resolution: "0.25° grid (source 0.5°)",
      vintage: "1951–2000", sources: ["koppen-kottek-2006"], valueType: "categorical", categories, ramp: "koppen",
      nodataReason: "Kottek et al. classify no 0.5° cell within one cell of this point (small islands and coastal slivers the source map leaves out).",
    }, koppenCodes(ctx)),
  ];
}
