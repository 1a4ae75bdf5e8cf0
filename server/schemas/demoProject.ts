/**
 * The demonstration project (issue 16): ten candidate sites in the Nordic, US, Gulf and Asian markets,
 * ranked under the "AI training campus" preset. Shared by the sample report (server/reports/demo.ts),
 * the tests and the workspace's first screen ("Open the demonstration project"), so all three show
 * the same project. Pure data, importable from the browser.
 */
import type { Site } from "./site";

const site = (id: string, name: string, lat: number, lon: number): Site => ({ id, name, lat, lon, overrides: {}, origin: "coordinates" });

export const DEMO_SITES: readonly Site[] = Object.freeze([
  site("lulea", "Luleå, Sweden", 65.58, 22.15),
  site("stavanger", "Stavanger, Norway", 58.97, 5.73),
  site("ashburn", "Ashburn, Virginia", 39.04, -77.49),
  site("quincy", "Quincy, Washington", 47.23, -119.85),
  site("dfw", "Dallas–Fort Worth, Texas", 32.9, -97.04),
  site("doha", "Doha, Qatar", 25.29, 51.53),
  site("abudhabi", "Abu Dhabi, UAE", 24.45, 54.38),
  site("singapore", "Singapore", 1.35, 103.82),
  site("johor", "Johor Bahru, Malaysia", 1.49, 103.74),
  site("inzai", "Inzai (Tokyo), Japan", 35.83, 140.15),
]);

/** The preset the demonstration ranks under, and the default scenario of a new project. */
export const DEMO_PRESET = "ai-training";

export const DEMO_PROJECT_NAME = "Demonstration: AI training campus, ten markets";
