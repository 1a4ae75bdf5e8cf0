/**
 * How power plants look on the map (issue 13): circle area proportional to nameplate capacity, colour
 * by primary fuel. Fuel colours follow Okabe–Ito where it has enough hues (readable under common
 * colour-vision deficiencies), grouped so that similar fuels share a family.
 */
import type { CircleLayerSpecification, ExpressionSpecification } from "maplibre-gl";

export const PLANT_POINT_SET = "power-plants";

export const FUEL_COLOURS: readonly { fuel: string; colour: string }[] = [
  { fuel: "Coal", colour: "#3b3b3b" },
  { fuel: "Petcoke", colour: "#3b3b3b" },
  { fuel: "Oil", colour: "#8c510a" },
  { fuel: "Gas", colour: "#e69f00" },
  { fuel: "Cogeneration", colour: "#e69f00" },
  { fuel: "Nuclear", colour: "#cc79a7" },
  { fuel: "Hydro", colour: "#0072b2" },
  { fuel: "Wind", colour: "#56b4e9" },
  { fuel: "Solar", colour: "#f0e442" },
  { fuel: "Geothermal", colour: "#d55e00" },
  { fuel: "Biomass", colour: "#009e73" },
  { fuel: "Waste", colour: "#999999" },
  { fuel: "Storage", colour: "#999999" },
  { fuel: "Wave and Tidal", colour: "#56b4e9" },
  { fuel: "Other", colour: "#999999" },
];

/** Fuels as the legend lists them (one swatch per colour family). */
export const FUEL_LEGEND: readonly { label: string; colour: string }[] = [
  { label: "Coal, petcoke", colour: "#3b3b3b" }, { label: "Oil", colour: "#8c510a" }, { label: "Gas, cogeneration", colour: "#e69f00" },
  { label: "Nuclear", colour: "#cc79a7" }, { label: "Hydro", colour: "#0072b2" }, { label: "Wind, wave, tidal", colour: "#56b4e9" },
  { label: "Solar", colour: "#f0e442" }, { label: "Geothermal", colour: "#d55e00" }, { label: "Biomass", colour: "#009e73" },
  { label: "Waste, storage, other", colour: "#999999" },
];

const fuelColour = ["match", ["get", "fuel"], ...FUEL_COLOURS.flatMap((f) => [f.fuel, f.colour]), "#999999"] as unknown as ExpressionSpecification;

/** Radius grows with √MW (area ∝ capacity) and with zoom; a 1 GW plant is about 6 px at zoom 4. */
const radius: ExpressionSpecification = [
  "interpolate", ["linear"], ["zoom"],
  2, ["+", 0.8, ["*", 0.08, ["sqrt", ["get", "capacity_mw"]]]],
  6, ["+", 1.5, ["*", 0.2, ["sqrt", ["get", "capacity_mw"]]]],
  10, ["+", 3, ["*", 0.4, ["sqrt", ["get", "capacity_mw"]]]],
];

export function plantPaint(): CircleLayerSpecification["paint"] {
  return { "circle-radius": radius, "circle-color": fuelColour, "circle-stroke-color": "#fff", "circle-stroke-width": 0.6, "circle-opacity": 0.9 };
}

/** The hover text of a plant feature's properties. */
export function plantHoverText(p: Record<string, unknown>): string {
  const mw = typeof p.capacity_mw === "number" ? p.capacity_mw : Number(p.capacity_mw);
  const year = p.capacity_year !== undefined && p.capacity_year !== null ? `, capacity as of ${String(p.capacity_year)}` : "";
  return `${String(p.name)} — ${Number.isFinite(mw) ? mw.toLocaleString("en") : "?"} MW ${String(p.fuel ?? "").toLowerCase()}${year} (WRI GPPD)`;
}
