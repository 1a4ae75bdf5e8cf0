/**
 * The climate of one site or grid cell, as the ITU-R grids give it, and its validation.
 * Every public model in server/models/climate takes a {@link SiteClimate} and checks it with
 * {@link assertSiteClimate} first, so a bad cell fails loudly with the field named.
 */

/** Climate normals of one site or grid cell. */
export interface SiteClimate {
  /** The 12 monthly mean 2 m temperatures, January first, °C (Rec. ITU-R P.1510-1). */
  monthlyMeanC: ArrayLike<number>;
  /** Surface water-vapour density exceeded 50 % of the year (annual median), g/m³ (Rec. ITU-R P.836-6). */
  rhoMedianGm3: number;
  /** Surface water-vapour density exceeded 10 % of the year, g/m³ (Rec. ITU-R P.836-6). */
  rho10Gm3: number;
  /** Surface water-vapour density exceeded 1 % of the year (about 88 h), g/m³ (Rec. ITU-R P.836-6). */
  rho1Gm3: number;
  /**
   * Optional height of the surface the inputs refer to, m above sea level (the ITU humidity refers to the
   * Rec. ITU-R P.1511 0.5° topography). Sets the air pressure of the wet-bulb calculations through the
   * standard atmosphere; omitted means sea level (1013.25 hPa).
   */
  elevationM?: number;
}

/** A climate input that the models cannot use; `field` names the offending input (e.g. `monthlyMeanC[3]`). */
export class ClimateInputError extends RangeError {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = "ClimateInputError";
    this.field = field;
  }
}

/** Monthly means on Earth lie within these bounds (P.1510 spans about −62…+39 °C); wider means a unit or sign error. */
const T_MIN_C = -90;
const T_MAX_C = 60;
/** Water-vapour density at saturation at 50 °C is 83 g/m³; P.836 maxima are about 30 g/m³. */
const RHO_MAX_GM3 = 100;
const ELEVATION_MIN_M = -500;
const ELEVATION_MAX_M = 9000;

function describe(x: unknown): string {
  return typeof x === "number" ? String(x) : typeof x;
}

function assertDensity(field: string, value: unknown): asserts value is number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new ClimateInputError(field, `must be a finite water-vapour density in g/m³, got ${describe(value)}`);
  }
  if (!(value > 0 && value <= RHO_MAX_GM3)) {
    throw new ClimateInputError(field, `must be in (0, ${RHO_MAX_GM3}] g/m³, got ${value}`);
  }
}

/**
 * Throws a {@link ClimateInputError} naming the field unless `climate` is usable: exactly 12 finite
 * monthly temperatures within −90…60 °C; finite densities in (0, 100] g/m³ ordered as exceedance
 * statistics must be (ρ exceeded 1 % ≥ ρ exceeded 10 % ≥ median); elevation, if given, finite within
 * −500…9000 m. Allocation-free unless it throws.
 */
export function assertSiteClimate(climate: SiteClimate): void {
  if (climate === null || typeof climate !== "object") {
    throw new ClimateInputError("climate", `must be an object, got ${climate === null ? "null" : typeof climate}`);
  }
  const months = climate.monthlyMeanC as ArrayLike<unknown> | null | undefined;
  if (months === null || months === undefined || typeof months !== "object" || typeof months.length !== "number") {
    throw new ClimateInputError("monthlyMeanC", `must be an array of 12 monthly mean temperatures in °C, got ${months === null ? "null" : typeof months}`);
  }
  if (months.length !== 12) {
    throw new ClimateInputError("monthlyMeanC", `must hold exactly 12 monthly values (January first), got ${months.length}`);
  }
  for (let m = 0; m < 12; m++) {
    const t = months[m];
    if (typeof t !== "number" || !Number.isFinite(t)) {
      throw new ClimateInputError(`monthlyMeanC[${m}]`, `must be a finite temperature in °C, got ${describe(t)}`);
    }
    if (t < T_MIN_C || t > T_MAX_C) {
      throw new ClimateInputError(`monthlyMeanC[${m}]`, `must be within ${T_MIN_C}…${T_MAX_C} °C, got ${t}`);
    }
  }
  assertDensity("rhoMedianGm3", climate.rhoMedianGm3);
  assertDensity("rho10Gm3", climate.rho10Gm3);
  assertDensity("rho1Gm3", climate.rho1Gm3);
  if (climate.rho10Gm3 < climate.rhoMedianGm3) {
    throw new ClimateInputError(
      "rho10Gm3",
      `the density exceeded 10 % of the year (${climate.rho10Gm3}) cannot be below the median (${climate.rhoMedianGm3})`,
    );
  }
  if (climate.rho1Gm3 < climate.rho10Gm3) {
    throw new ClimateInputError(
      "rho1Gm3",
      `the density exceeded 1 % of the year (${climate.rho1Gm3}) cannot be below the one exceeded 10 % (${climate.rho10Gm3})`,
    );
  }
  const z = climate.elevationM as unknown;
  if (z !== undefined) {
    if (typeof z !== "number" || !Number.isFinite(z) || z < ELEVATION_MIN_M || z > ELEVATION_MAX_M) {
      throw new ClimateInputError("elevationM", `must be a finite height within ${ELEVATION_MIN_M}…${ELEVATION_MAX_M} m, got ${describe(z)}`);
    }
  }
}

/** Hours in each month of a 365-day year; they sum to 8,760. */
export const HOURS_PER_MONTH: readonly number[] = [744, 672, 744, 720, 744, 720, 744, 744, 720, 744, 720, 744];
/** Hours in a 365-day year. */
export const HOURS_PER_YEAR = 8760;
