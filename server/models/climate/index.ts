/**
 * Pure climate models: site climate normals (ITU-R P.1510 temperatures, P.836 humidity) → hourly
 * dry-bulb, dew-point and wet-bulb distributions → the cooling numbers the product shows
 * (free-cooling hours, design wet bulb, heat hours). No I/O; imports nothing outside this folder.
 */
export * from "./siteClimate";
export * from "./psychrometrics";
export { erfc, normalUpperTail, normalPdf, normalQuantile } from "./normal";
export {
  vapourDensityExceededGm3,
  fractionOfYearVapourDensityAbove,
  fractionOfYearDewPointAbove,
  hoursDewPointAbove,
  hoursDewPointAtOrBelow,
} from "./humidityDistribution";
export {
  MONTHLY_MODEL_PARAMETERS,
  estimateDiurnalRangeK,
  estimateDayToDaySigmaK,
  type MonthlyModelParameters,
} from "./monthlyModel";
export {
  hoursAbove,
  hoursBelow,
  dryBulbDegreeHoursAbove,
  dryBulbExceededC,
  monthlyDryBulbExceededC,
  monthlyTemperatureModel,
  type MonthlyTemperatureModel,
} from "./hourlyTemperature";
export { hoursWetBulbAbove, hoursWetBulbAtOrBelow, wetBulbExceededC } from "./wetBulbDistribution";
export * from "./freeCooling";
export * from "./designWetBulb";
export * from "./heatRisk";
export { aridityIndex, potentialEvapotranspirationMm, extraterrestrialRadiationMj } from "./aridity";
