/**
 * Economiser hours: how many hours a year the outdoor air alone can cool the load, per cooling
 * archetype (these feed the PUE/WUE model).
 *
 * Air-side economiser (`freeCoolingHours`): an hour counts when the outdoor dry bulb is at or below the
 * supply limit minus the approach, T ≤ maxSupplyC − approachK, AND the outdoor dew point is at or below
 * maxDewPointC. Defaults from ASHRAE TC 9.9, *Thermal Guidelines for Data Processing Environments*,
 * 5th ed. (2021), recommended envelope for classes A1–A4: inlet dry bulb up to 27 °C and dew point up to
 * 15 °C (DESIGN.md §5); approach 2 K for fans, mixing and filters. Cold hours count (return-air mixing
 * tempers them); the envelope's lower limits (18 °C, −9 °C dew point) and the 70 % RH cap are not
 * applied: they are met by mixing and cheap humidification, not by mechanical cooling.
 *
 * Combining the two conditions (the stated assumption): the humid hours are taken to be the warm
 * hours, i.e. dry bulb and dew point comonotone over the year (both follow the seasonal cycle;
 * Clausius–Clapeyron). Then the hours meeting both are min(hours with T OK, hours with dew point OK),
 * the Fréchet upper bound. It is optimistic where humid hours come at mild temperatures (maritime
 * fog, monsoon nights); the lower bound max(0, a + b − 8,760) and the independence value a·b/8,760 are
 * returned by `freeCoolingBreakdown` so reports can show the range.
 */
import { dewPointAboveFraction } from "./humidityDistribution";
import { dryBulbHoursAboveUnchecked } from "./hourlyTemperature";
import { assertSiteClimate, HOURS_PER_YEAR, type SiteClimate } from "./siteClimate";
import { wetBulbHoursAboveUnchecked } from "./wetBulbDistribution";

/** ASHRAE TC 9.9 (2021) recommended upper inlet dry bulb, °C. */
export const ASHRAE_RECOMMENDED_MAX_INLET_C = 27;
/** ASHRAE TC 9.9 (2021) recommended upper inlet dew point, °C. */
export const ASHRAE_RECOMMENDED_MAX_DEW_POINT_C = 15;
/** Default approach between outdoor air and supply air, K. */
export const DEFAULT_ECONOMISER_APPROACH_K = 2;

/** Options of the air-side economiser model; every field optional. */
export interface FreeCoolingOptions {
  /** Highest allowed IT inlet (supply) dry bulb, °C. Default 27 (ASHRAE TC 9.9 2021 recommended). */
  maxSupplyC?: number;
  /** Approach: supply minus outdoor dry bulb, K (≥ 0). Default 2. */
  approachK?: number;
  /** Highest allowed outdoor dew point, °C. Default 15 (ASHRAE TC 9.9 2021 recommended). */
  maxDewPointC?: number;
}

function option(name: string, value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`opts.${name}: must be a finite number within ${min}…${max}, got ${String(value)}`);
  }
  return value;
}

/**
 * Hours per year (0…8,760) an air-side economiser carries the full load: outdoor dry bulb ≤
 * maxSupplyC − approachK and dew point ≤ maxDewPointC, combined comonotonically (module comment).
 * Allocation-free; a few µs.
 */
export function freeCoolingHours(climate: SiteClimate, opts?: FreeCoolingOptions): number {
  assertSiteClimate(climate);
  const maxSupply = option("maxSupplyC", opts?.maxSupplyC, ASHRAE_RECOMMENDED_MAX_INLET_C, -20, 60);
  const approach = option("approachK", opts?.approachK, DEFAULT_ECONOMISER_APPROACH_K, 0, 30);
  const maxDew = option("maxDewPointC", opts?.maxDewPointC, ASHRAE_RECOMMENDED_MAX_DEW_POINT_C, -40, 40);
  const dryOk = HOURS_PER_YEAR - dryBulbHoursAboveUnchecked(climate, maxSupply - approach);
  const humidOk = HOURS_PER_YEAR * (1 - dewPointAboveFraction(climate, maxDew));
  return Math.min(dryOk, humidOk);
}

/** The parts of the air-side economiser estimate, for inspection and reports. Hours per year. */
export interface FreeCoolingBreakdown {
  /** The estimate: min(dryBulbOkHours, dewPointOkHours) (comonotone assumption). */
  hours: number;
  /** Hours with outdoor dry bulb ≤ maxSupplyC − approachK. */
  dryBulbOkHours: number;
  /** Hours with outdoor dew point ≤ maxDewPointC. */
  dewPointOkHours: number;
  /** Which condition binds. */
  limitedBy: "dry_bulb" | "dew_point";
  /** Value if the two conditions were independent, dryBulbOk·dewPointOk/8,760. */
  independentHours: number;
  /** Fréchet lower bound max(0, dryBulbOk + dewPointOk − 8,760): the humid hours are all cool ones. */
  lowerBoundHours: number;
}

/** {@link freeCoolingHours} with its parts and the range the combining assumption spans. */
export function freeCoolingBreakdown(climate: SiteClimate, opts?: FreeCoolingOptions): FreeCoolingBreakdown {
  assertSiteClimate(climate);
  const maxSupply = option("maxSupplyC", opts?.maxSupplyC, ASHRAE_RECOMMENDED_MAX_INLET_C, -20, 60);
  const approach = option("approachK", opts?.approachK, DEFAULT_ECONOMISER_APPROACH_K, 0, 30);
  const maxDew = option("maxDewPointC", opts?.maxDewPointC, ASHRAE_RECOMMENDED_MAX_DEW_POINT_C, -40, 40);
  const dryBulbOkHours = HOURS_PER_YEAR - dryBulbHoursAboveUnchecked(climate, maxSupply - approach);
  const dewPointOkHours = HOURS_PER_YEAR * (1 - dewPointAboveFraction(climate, maxDew));
  return {
    hours: Math.min(dryBulbOkHours, dewPointOkHours),
    dryBulbOkHours,
    dewPointOkHours,
    limitedBy: dryBulbOkHours <= dewPointOkHours ? "dry_bulb" : "dew_point",
    independentHours: (dryBulbOkHours * dewPointOkHours) / HOURS_PER_YEAR,
    lowerBoundHours: Math.max(0, dryBulbOkHours + dewPointOkHours - HOURS_PER_YEAR),
  };
}

/**
 * Hours per year (0…8,760) with outdoor wet bulb ≤ maxWetBulbC: the hours a water-side economiser with
 * evaporative assist (cooling tower or adiabatic cooler) can carry the load without chillers, where
 * maxWetBulbC is the required supply temperature minus the tower/exchanger approaches (e.g. 18 °C
 * chilled water − 4 K tower approach − 2 K exchanger approach → 12 °C). Wet-bulb distribution in
 * wetBulbDistribution.ts.
 */
export function economiserHoursWetBulb(climate: SiteClimate, maxWetBulbC: number): number {
  assertSiteClimate(climate);
  if (typeof maxWetBulbC !== "number" || !Number.isFinite(maxWetBulbC)) {
    throw new RangeError(`maxWetBulbC: must be a finite temperature in °C, got ${String(maxWetBulbC)}`);
  }
  return HOURS_PER_YEAR - wetBulbHoursAboveUnchecked(climate, maxWetBulbC);
}

/**
 * Hours per year (0…8,760) with outdoor dry bulb ≤ maxDryBulbC: the hours a dry cooler (no water)
 * serving liquid cooling can reject the full load, where maxDryBulbC is the facility-water supply
 * temperature minus the cooler approach (e.g. ASHRAE W32 class 32 °C supply − 5 K → 27 °C).
 */
export function dryCoolerHours(climate: SiteClimate, maxDryBulbC: number): number {
  assertSiteClimate(climate);
  if (typeof maxDryBulbC !== "number" || !Number.isFinite(maxDryBulbC)) {
    throw new RangeError(`maxDryBulbC: must be a finite temperature in °C, got ${String(maxDryBulbC)}`);
  }
  return HOURS_PER_YEAR - dryBulbHoursAboveUnchecked(climate, maxDryBulbC);
}
