/**
 * Cooling estimates per site: annual PUE and WUE by cooling archetype from the site's climate
 * (DESIGN.md §5). Pure; imports only server/models/climate.
 */
export * from "./archetypes";
export * from "./assumptions";
export { type CoolingResult, createCoolingResult } from "./model";
export * from "./pue";
export * from "./wue";
