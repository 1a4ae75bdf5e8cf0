/**
 * Air-side free-cooling hours month by month, for the climate profile of a report's site card.
 *
 * The climate model (server/models/climate/freeCooling.ts) gives the annual figure: an hour counts when
 * the outdoor dry bulb is at or below the supply limit minus the approach (27 − 2 = 25 °C, ASHRAE TC 9.9
 * 2021 recommended envelope) AND the dew point is at or below 15 °C, the two conditions combined
 * comonotonically: the humid hours are taken to be the warmest ones, so the year's free-cooling hours
 * are min(dry-bulb-OK hours, dew-point-OK hours). It has no per-month function, and the humidity model is
 * annual (ITU-R P.836 gives exceedance levels over the year, not per month), so this module splits the
 * annual estimate across months under the same assumption, from the model's exported primitives:
 *
 * - H_dew = hours per year with dew point above the limit (annual humidity distribution);
 * - comonotone coupling: those are the H_dew warmest hours of the year, i.e. the hours with dry bulb
 *   above T*, where T* is the dry bulb exceeded during H_dew hours of the year (monthly mixture);
 * - an hour of month m is free when its dry bulb ≤ min(25 °C, T*), so
 *     free_m = hours_m − (hours of month m above min(25 °C, T*)).
 *
 * Summed over the months this is 8,760 − H(min(25, T*)) = min(dry-bulb-OK, 8,760 − H_dew), exactly the
 * annual `freeCoolingHours` (up to the 10⁻⁶ K bisection of T*); the unit test checks it. It inherits the
 * annual model's optimism where humid hours come at mild temperatures (maritime fog, monsoon nights).
 */
import {
  ASHRAE_RECOMMENDED_MAX_DEW_POINT_C,
  ASHRAE_RECOMMENDED_MAX_INLET_C,
  assertSiteClimate,
  DEFAULT_ECONOMISER_APPROACH_K,
  freeCoolingBreakdown,
  HOURS_PER_MONTH,
  HOURS_PER_YEAR,
  monthlyTemperatureModel,
  type SiteClimate,
} from "@/server/models/climate";
import { dewPointAboveFraction } from "@/server/models/climate/humidityDistribution";
import { mixtureMonthHoursAbove, mixtureValueExceeded } from "@/server/models/climate/monthlyMixture";
import { createMonthlyState, fillTemperatureState } from "@/server/models/climate/monthlyModel";

export interface MonthlyFreeCooling {
  /** Free-cooling hours in each month, January first (0 … hours of the month). */
  hoursByMonth: number[];
  /** Their sum, hours per year. */
  hoursPerYear: number;
  limitedBy: "dry_bulb" | "dew_point";
  /** Fréchet lower bound and independence value of the annual estimate, hours per year. */
  lowerBoundHours: number;
  independentHours: number;
  /** Outdoor dry-bulb limit (supply − approach), °C, and dew-point limit, °C. */
  dryBulbLimitC: number;
  dewPointLimitC: number;
  /** Mean dry bulb and estimated diurnal range per month, °C / K (the model's inputs and estimates). */
  meanC: number[];
  diurnalRangeK: number[];
}

/**
 * Free-cooling hours per month for an air-side economiser under the ASHRAE TC 9.9 (2021) recommended
 * envelope (see the module comment). Throws a ClimateInputError naming the field for a bad climate.
 */
export function monthlyFreeCoolingHours(climate: SiteClimate): MonthlyFreeCooling {
  assertSiteClimate(climate);
  const dryBulbLimitC = ASHRAE_RECOMMENDED_MAX_INLET_C - DEFAULT_ECONOMISER_APPROACH_K;
  const dewPointLimitC = ASHRAE_RECOMMENDED_MAX_DEW_POINT_C;
  const s = createMonthlyState();
  fillTemperatureState(climate, s);
  const humidHours = HOURS_PER_YEAR * dewPointAboveFraction(climate, dewPointLimitC);
  // T*: the humid hours are the warmest ones. None humid: no extra limit; all humid: no free hour.
  const tStar = humidHours <= 1e-9 ? Infinity : humidHours >= HOURS_PER_YEAR - 1e-9 ? -Infinity : mixtureValueExceeded(s.meanC, s.ampK, s.sigmaK, humidHours);
  const limit = Math.min(dryBulbLimitC, tStar);
  const hoursByMonth = HOURS_PER_MONTH.map((h, m) => {
    if (limit === -Infinity) return 0;
    return Math.min(h, Math.max(0, h - mixtureMonthHoursAbove(s.meanC, s.ampK, s.sigmaK, m, limit)));
  });
  const b = freeCoolingBreakdown(climate);
  const model = monthlyTemperatureModel(climate);
  return {
    hoursByMonth,
    hoursPerYear: hoursByMonth.reduce((a, v) => a + v, 0),
    limitedBy: b.limitedBy,
    lowerBoundHours: b.lowerBoundHours,
    independentHours: b.independentHours,
    dryBulbLimitC,
    dewPointLimitC,
    meanC: model.meanC,
    diurnalRangeK: model.diurnalRangeK,
  };
}
