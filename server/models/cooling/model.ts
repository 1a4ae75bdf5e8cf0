/**
 * The cooling energy-balance model behind PUE (pue.ts) and WUE (wue.ts): one pass over a site's
 * climate per archetype, allocation-free (it fills a caller-owned {@link CoolingResult}).
 *
 * Per kWh of IT energy, the facility draws 1 + fixed + fans + mechanical + pumps kWh (PUE, The Green
 * Grid definition) and its cooling evaporates or bleeds off W litres (WUE, The Green Grid White Paper
 * #35, 2011: site water ÷ IT energy). The climate enters only through hour counts of the hourly
 * dry-bulb and wet-bulb distributions of server/models/climate (see climateTails.ts):
 *   H(x)  hours per year above x,   D(x)  degree-hours per year above x (K·h).
 *
 * Shared pieces (constants and sources in assumptions.ts):
 * - fixed = electrical losses (3.5 %) + capacity auxiliaries (1 % of capacity) ÷ utilisation.
 * - A heat-rejection loop with an economiser ("free cooling") and a trim chiller in series, driven by an
 *   outdoor variable x (wet bulb for towers, dry bulb for dry coolers): the economiser carries the whole
 *   load for x ≤ x₁ (supply temperature − approaches), none of it for x ≥ x₂ (return temperature −
 *   approaches) and the share (x₂ − x)/(x₂ − x₁) in between (series pre-cooling, the usual plate
 *   exchanger arrangement). The chiller's share f(x) = clamp((x − x₁)/(x₂ − x₁), 0, 1), so its
 *   equivalent full-load hours are ∫ f dH = (D(x₁) − D(x₂))/(x₂ − x₁) exactly.
 * - Chiller power per unit of heat 1/COP(x) = max(1/COP_max, (1/COP_r)·(c₀ + (1 − c₀)·r/r_r)) with
 *   r = (x + Δ_cond − T_evap)/T_evap[K] the Carnot lift ratio (assumptions.ts, CHILLERS): COP falls as
 *   the condensing temperature x + Δ_cond rises. Because 1/COP is piecewise linear in x, the energy of
 *   the hours with full chiller load is exact in H and D: ∫_{x>x₂} (g₀ + k·(x − p)⁺) dH, with
 *   g₀ = 1/COP_max, k the slope per kelvin and p the pivot where the line meets the bound. On the
 *   partial band [x₁, x₂] 1/COP is taken at the band's midpoint (a band of 6–10 K; error well under
 *   1 % of PUE).
 *
 * Archetypes:
 * - air_economiser: full free cooling in the `freeCoolingHours` of the climate models (dry bulb ≤ 25 °C,
 *   dew point ≤ 15 °C, combined comonotonically); outside air through wetted media while the outdoor wet
 *   bulb ≤ the wet bulb of (25 °C, 17 °C dew point); otherwise air-cooled DX on recirculated air with
 *   the full load. The mechanical hours are the most humid ones, and under the climate models'
 *   comonotone assumption the hottest ones, so 1/COP is taken at their mean dry bulb τ + D(τ)/H(τ)
 *   (exact for the linear COP model), τ the threshold they lie above (H(τ) = H_mech, solved by Newton's
 *   method on ln H to 1 % in hours; within 0.4 K of a bisection at every fixture site); or, when the
 *   mechanical hours outnumber the hours above 25 °C, by interpolating between 25 °C and the annual
 *   mean (the hours just below 25 °C at 25 °C, the coolest at the mean of the rest). Water: the
 *   wetted media evaporate (T − 25)/ΔT_server of a kWh's latent heat per kWh of IT in the hours above 25
 *   °C that are not mechanical (degree-hours D₂₅ less those of the mechanical hours), × C/(C − 1).
 * - evaporative_assist: one chilled-water loop on wet bulb (x₁ = 6, x₂ = 12 °C) with water-cooled
 *   chillers (condensing = wet bulb + 11.1 K). Tower water = heat rejected × latent share × 1.474 L/kWh
 *   × C/(C − 1), with heat rejected = IT + hall fans + pumps + chiller power (all of it ends in the
 *   condenser water) and the latent share s/(s + γ) of a wet surface in equilibrium with the air
 *   (Slatyer & McIlroy 1961; the Priestley–Taylor equilibrium evaporation), s the slope of the
 *   saturation curve at the film temperature (monthly mean wet bulb + approach + half the range) and
 *   γ the psychrometric constant: 0.55 in a 10 °C film, 0.78 in a 30 °C one. The common cooling-tower
 *   rule of thumb E ≈ 0.00085·flow·range(°F) implies 0.89 at summer design, so the model evaporates a
 *   little less than the rule in summer (the equilibrium ratio ignores the drying power of unsaturated
 *   inlet air) and, as towers do, much less per kWh in winter, when more heat leaves as sensible heat.
 * - dry_cooler_liquid: the liquid share (0.8) on a W32 warm-water loop on dry bulb (x₁ = 27, x₂ = 37 °C)
 *   and the residual air heat on an 18/24 °C loop (x₁ = 13, x₂ = 19 °C), both with air-cooled trim
 *   chillers; no evaporation (WUE 0).
 *
 * Peak (design) PUE, for the grid connection: IT at nameplate (utilisation 1), the hour at the ASHRAE
 * 0.4 % design condition: dry bulb for air and dry-cooler plants, the evaporation design wet bulb
 * (climate/designWetBulb.ts) for towers. For the air economiser the design hour is taken as fully
 * mechanical whenever the design dry bulb is above 25 °C (the trim plant is sized for it, even where
 * wetted media could carry it): conservative, as a grid connection should be. The peak is never
 * below the annual PUE at nameplate load.
 */
import { DESIGN_WET_BULB_MODEL, designWetBulbUnchecked } from "../climate/designWetBulb";
import { dewPointAboveFraction } from "../climate/humidityDistribution";
import {
  psychrometricCoefficientHpaPerK,
  saturationVapourPressureHpa,
  saturationVapourPressureSlopeHpaPerK,
  wetBulbC,
} from "../climate/psychrometrics";
import { HOURS_PER_MONTH, HOURS_PER_YEAR, type SiteClimate } from "../climate/siteClimate";
import type { CoolingArchetype } from "./archetypes";
import { AIR, AIR_ECONOMISER, CHILLERS, type ChillerRating, DESIGN_CONDITION, DRY_COOLER_LIQUID, EVAPORATIVE, FIXED_OVERHEAD, WATER } from "./assumptions";
import { annualMeanDryBulbC, dryBulbExceededFastC, dryTail, loadClimate, wetTail, type ClimateTails } from "./climateTails";

const KELVIN = 273.15;

/** Everything the model says about one site and archetype. Energies in kWh per kWh of IT energy. */
export interface CoolingResult {
  archetype: CoolingArchetype;
  /** Utilisation the fixed overhead was computed for (0.05–1). */
  utilisation: number;
  /** Annual PUE = 1 + fixed + fans + mechanical + pumps. */
  pue: number;
  /** PUE at the design condition with IT at nameplate (sizes the grid connection). */
  pue_peak: number;
  /** Annual site WUE, litres per kWh of IT energy = evaporation + blow-down. */
  wue_l_per_kwh: number;
  /** Power-chain losses and auxiliaries. */
  fixed: number;
  /** Hall air movers plus heat-rejection fans (towers, dry coolers). */
  fans: number;
  /** Chillers / DX compressors (air-cooled ones include their condenser fans). */
  mechanical: number;
  /** Chilled-water, condenser-water and liquid-cooling pumps. */
  pumps: number;
  /** Hours per year with full economiser (free) cooling. */
  economiser_hours: number;
  /**
   * Hours per year with the economiser carrying part of the load (water-side: pre-cooling; air-side:
   * outside air through the wetted media or within the allowable humidity).
   */
  partial_economiser_hours: number;
  /** Equivalent full-load hours of mechanical cooling per year (∫ chiller share dH). */
  mechanical_equivalent_hours: number;
  /** Outdoor condition of the peak, °C, and which variable it is. */
  design_condition_c: number;
  design_condition: "dry_bulb" | "wet_bulb";
  /** Water evaporated, L per kWh of IT. */
  evaporation_l_per_kwh: number;
  /** Blow-down / bleed-off, L per kWh of IT. */
  blowdown_l_per_kwh: number;
}

export function createCoolingResult(): CoolingResult {
  return {
    archetype: "air_economiser",
    utilisation: 1,
    pue: 1,
    pue_peak: 1,
    wue_l_per_kwh: 0,
    fixed: 0,
    fans: 0,
    mechanical: 0,
    pumps: 0,
    economiser_hours: 0,
    partial_economiser_hours: 0,
    mechanical_equivalent_hours: 0,
    design_condition_c: 0,
    design_condition: "dry_bulb",
    evaporation_l_per_kwh: 0,
    blowdown_l_per_kwh: 0,
  };
}

/** A chiller: 1/COP(x) = g₀ + k·(x − p)⁺ for outdoor variable x. */
interface Chiller {
  g0: number;
  k: number;
  pivot: number;
}

/**
 * The chiller of `rating` (assumptions.ts) evaporating at evapC, condensing at x + condOffsetK:
 * 1/COP = (1/COP_r)·(c₀ + (1 − c₀)·r/r_r), r = lift/T_evap[K], capped below by 1/COP_max.
 */
function chiller(rating: ChillerRating, evapC: number, condOffsetK: number): Chiller {
  const te = evapC + KELVIN;
  const ratedRatio = (rating.ratedCondensingC - rating.ratedEvaporatingC) / (rating.ratedEvaporatingC + KELVIN);
  const base = rating.fixedInputShare / rating.ratedCop; // 1/COP at zero lift
  const k = (1 - rating.fixedInputShare) / (rating.ratedCop * ratedRatio * te); // per kelvin of lift
  const g0 = 1 / rating.maxCop;
  // Lift at which the linear model meets the bound: base + k·lift = g0 (may be negative: bound never binds).
  const pivotLift = (g0 - base) / k;
  return { g0, k, pivot: evapC - condOffsetK + pivotLift };
}

/** 1/COP at outdoor variable x. */
function inverseCop(c: Chiller, x: number): number {
  return c.g0 + c.k * Math.max(0, x - c.pivot);
}

/** Chiller share of the load at x for an economiser band [x1, x2]. */
function chillerShare(x: number, x1: number, x2: number): number {
  return Math.min(1, Math.max(0, (x - x1) / (x2 - x1)));
}

/** Results of {@link loopMechanical}: hours and chiller energy per unit of loop heat per year-hour. */
interface LoopResult {
  freeHours: number;
  partialHours: number;
  equivalentHours: number;
  /** Σ over the year of share × 1/COP, in hours (÷ 8,760 gives kWh per kWh of loop heat). */
  energyHours: number;
}

const LOOP: LoopResult = { freeHours: 0, partialHours: 0, equivalentHours: 0, energyHours: 0 };

/** Economiser + trim-chiller loop on the dry bulb (`wet` false) or wet bulb (`wet` true). Fills LOOP. */
function loopMechanical(t: ClimateTails, wet: boolean, x1: number, x2: number, ch: Chiller): LoopResult {
  const tail = wet ? wetTail : dryTail;
  tail(t, x1);
  const h1 = t.hours;
  const d1 = t.degreeHours;
  tail(t, x2);
  const h2 = t.hours;
  const d2 = t.degreeHours;
  const rampTotal = Math.max(0, (d1 - d2) / (x2 - x1)); // ∫ share dH, including the hours above x2
  const partialEquivalent = Math.max(0, rampTotal - h2);
  let fullEnergy: number;
  if (ch.pivot <= x2) {
    fullEnergy = ch.g0 * h2 + ch.k * (d2 + (x2 - ch.pivot) * h2);
  } else {
    tail(t, ch.pivot);
    fullEnergy = ch.g0 * h2 + ch.k * t.degreeHours;
  }
  LOOP.freeHours = HOURS_PER_YEAR - h1;
  LOOP.partialHours = Math.max(0, h1 - h2);
  LOOP.equivalentHours = partialEquivalent + h2;
  LOOP.energyHours = partialEquivalent * inverseCop(ch, 0.5 * (x1 + x2)) + fullEnergy;
  return LOOP;
}

const AIR_COOLED_COND = CHILLERS.airCooledCondensingOffsetK;
const WATER_COOLED_COND = EVAPORATIVE.towerApproachK + CHILLERS.condenserRangeK + CHILLERS.condenserApproachK;

const AIR_ECON_CHILLER = chiller(CHILLERS.airCooled, AIR_ECONOMISER.mechanicalEvaporatingC, AIR_COOLED_COND);
const TOWER_CHILLER = chiller(CHILLERS.waterCooled, EVAPORATIVE.chilledWaterSupplyC - CHILLERS.evaporatorApproachK, WATER_COOLED_COND);
const LIQUID_TRIM_CHILLER = chiller(CHILLERS.airCooled, DRY_COOLER_LIQUID.liquidTrimEvaporatingC, AIR_COOLED_COND);
const AIR_LOOP_CHILLER = chiller(CHILLERS.airCooled, DRY_COOLER_LIQUID.airLoopEvaporatingC, AIR_COOLED_COND);

/** Make-up per litre evaporated, C/(C − 1); blow-down is the part above 1. */
const MAKEUP_PER_EVAPORATED = WATER.cyclesOfConcentration / (WATER.cyclesOfConcentration - 1);
const DESIGN_HOURS = DESIGN_CONDITION.exceedanceFraction * HOURS_PER_YEAR;

function setFixed(out: CoolingResult, utilisation: number): void {
  out.utilisation = utilisation;
  out.fixed = FIXED_OVERHEAD.electricalLossFraction + FIXED_OVERHEAD.capacityAuxiliaryFraction / utilisation;
}

function setWater(out: CoolingResult, evaporated: number): void {
  out.evaporation_l_per_kwh = evaporated;
  out.blowdown_l_per_kwh = evaporated * (MAKEUP_PER_EVAPORATED - 1);
  out.wue_l_per_kwh = evaporated * MAKEUP_PER_EVAPORATED;
}

function finish(out: CoolingResult): void {
  out.pue = 1 + out.fixed + out.fans + out.mechanical + out.pumps;
  // The design hour leaves out the rarest 35 h, which can carry a little mechanical cooling that the
  // annual figure includes: the peak is never taken below the annual PUE at nameplate load.
  out.pue_peak = Math.max(out.pue_peak, out.pue - out.fixed + fixedAtNameplate());
}

function airEconomiser(t: ClimateTails, c: SiteClimate, out: CoolingResult): void {
  const supply = AIR_ECONOMISER.supplyAirC;
  const s = t.state;
  dryTail(t, supply);
  const h25 = t.hours;
  const d25 = t.degreeHours;
  // Free hours exactly as climate/freeCooling.ts `freeCoolingHours` (comonotone min of the two conditions).
  const dewOk = HOURS_PER_YEAR * (1 - dewPointAboveFraction(c, AIR_ECONOMISER.maxDewPointC));
  const free = Math.min(HOURS_PER_YEAR - h25, dewOk);
  // Wet bulb of supply air at 25 °C with the A1-allowable 17 °C dew point, at the site's pressure.
  const wetLimit = wetBulbC(supply, saturationVapourPressureHpa(AIR_ECONOMISER.adiabaticMaxSupplyDewPointC), s.pressureHpa);
  wetTail(t, wetLimit);
  const outsideAir = Math.max(free, HOURS_PER_YEAR - t.hours);
  const mech = HOURS_PER_YEAR - outsideAir;

  // Mean dry bulb of the mechanical hours (the hottest ones under the comonotone assumption).
  let meanMechC = supply;
  let mechDegreeHoursAboveSupply = 0;
  if (mech > 1e-9) {
    if (mech < h25 && h25 > 0) {
      // Threshold τ with H(τ) = mech, then the mean of the hours above it.
      const tau = dryBulbExceededFastC(t, mech, {
        relTol: 0.01,
        lowerBoundC: supply,
        startC: supply + (d25 / h25) * Math.log(h25 / mech), // exponential-tail guess
      });
      dryTail(t, tau);
      meanMechC = t.hours > 1e-9 ? tau + t.degreeHours / t.hours : tau;
      mechDegreeHoursAboveSupply = Math.min(d25, mech * (meanMechC - supply));
    } else {
      const annualMean = annualMeanDryBulbC(t);
      const meanAbove = h25 > 0 ? supply + d25 / h25 : supply;
      const rest = HOURS_PER_YEAR - h25;
      const meanBelow = rest > 1e-9 ? (HOURS_PER_YEAR * annualMean - h25 * meanAbove) / rest : annualMean;
      const extra = mech - h25;
      const bandMean = rest > 1e-9 ? supply - (supply - meanBelow) * (extra / rest) : supply;
      meanMechC = (h25 * meanAbove + extra * 0.5 * (supply + bandMean)) / mech;
      mechDegreeHoursAboveSupply = d25;
    }
  }
  const fans = AIR.economiserFanFraction;
  const load = 1 + fans; // fan heat ends in the air stream
  out.fans = fans;
  out.pumps = 0;
  out.mechanical = (mech / HOURS_PER_YEAR) * load * inverseCop(AIR_ECON_CHILLER, meanMechC);
  out.economiser_hours = free;
  out.partial_economiser_hours = outsideAir - free;
  out.mechanical_equivalent_hours = mech;
  // Wetted media: per kWh of IT, (T − 25)/ΔT_server of a kWh leaves as latent heat in the non-mechanical hours above 25 °C.
  const adiabaticDegreeHours = Math.max(0, d25 - mechDegreeHoursAboveSupply);
  setWater(out, ((adiabaticDegreeHours / AIR.serverDeltaTK) * load * WATER.litresPerKwhEvaporated) / HOURS_PER_YEAR);
  // Peak: design dry bulb; fully mechanical above 25 °C.
  const design = designDryBulbC(t);
  out.design_condition = "dry_bulb";
  out.design_condition_c = design;
  const peakMech = design > supply ? load * inverseCop(AIR_ECON_CHILLER, design) : 0;
  out.pue_peak = 1 + fixedAtNameplate() + fans + peakMech;
}

/**
 * The 0.4 % design dry bulb of the loaded climate to 1 % in hours (≈ 0.02 K), starting Newton from the
 * coincident-dry-bulb formula of climate/designWetBulb.ts (warmest month + 4.25 K + 0.13 × annual
 * range), which lies within about 1.5 K of it.
 */
function designDryBulbC(t: ClimateTails): number {
  const s = t.state;
  let warmest = -Infinity;
  let coldest = Infinity;
  for (let m = 0; m < 12; m++) {
    warmest = Math.max(warmest, s.meanC[m] as number);
    coldest = Math.min(coldest, s.meanC[m] as number);
  }
  const start = warmest + DESIGN_WET_BULB_MODEL.coincidentOffsetK + DESIGN_WET_BULB_MODEL.perAnnualRange * (warmest - coldest);
  return dryBulbExceededFastC(t, DESIGN_HOURS, { relTol: 0.01, startC: start });
}

function fixedAtNameplate(): number {
  return FIXED_OVERHEAD.electricalLossFraction + FIXED_OVERHEAD.capacityAuxiliaryFraction;
}

/** Hour-weighted mean latent share s/(s + γ) of tower heat rejection over the year. */
function towerLatentShare(t: ClimateTails): number {
  const s = t.state;
  const filmOffset = EVAPORATIVE.towerApproachK + 0.5 * CHILLERS.condenserRangeK;
  let sum = 0;
  for (let m = 0; m < 12; m++) {
    const film = (s.wetMeanC[m] as number) + filmOffset;
    const slope = saturationVapourPressureSlopeHpaPerK(film);
    const gamma = psychrometricCoefficientHpaPerK(film, s.pressureHpa);
    sum += (HOURS_PER_MONTH[m] as number) * (slope / (slope + gamma));
  }
  return sum / HOURS_PER_YEAR;
}

function evaporativeAssist(t: ClimateTails, c: SiteClimate, out: CoolingResult): void {
  const approach = EVAPORATIVE.towerApproachK + EVAPORATIVE.economiserExchangerApproachK;
  const x1 = EVAPORATIVE.chilledWaterSupplyC - approach;
  const x2 = EVAPORATIVE.chilledWaterReturnC - approach;
  const loop = loopMechanical(t, true, x1, x2, TOWER_CHILLER);
  const hallFans = AIR.recirculatingFanFraction;
  const pumps = EVAPORATIVE.pumpsFraction;
  // Heat the chillers must remove: IT + hall fans + pump work (all of it counted in the chilled water,
  // slightly conservative: condenser-pump heat really goes to the towers).
  const load = 1 + hallFans + pumps;
  const mechanical = (loop.energyHours / HOURS_PER_YEAR) * load;
  const heatRejected = load + mechanical;
  out.fans = hallFans + EVAPORATIVE.towerFanPerHeatRejected * heatRejected;
  out.pumps = pumps;
  out.mechanical = mechanical;
  out.economiser_hours = loop.freeHours;
  out.partial_economiser_hours = loop.partialHours;
  out.mechanical_equivalent_hours = loop.equivalentHours;
  setWater(out, heatRejected * towerLatentShare(t) * WATER.litresPerKwhEvaporated);
  // Peak: design wet bulb, IT at nameplate, tower fans at their design power (twice the annual mean).
  const design = designWetBulbUnchecked(c);
  out.design_condition = "wet_bulb";
  out.design_condition_c = design;
  const peakMech = load * chillerShare(design, x1, x2) * inverseCop(TOWER_CHILLER, design);
  out.pue_peak = 1 + fixedAtNameplate() + hallFans + 2 * EVAPORATIVE.towerFanPerHeatRejected * (load + peakMech) + pumps + peakMech;
}

function dryCoolerLiquid(t: ClimateTails, out: CoolingResult): void {
  const p = DRY_COOLER_LIQUID;
  const phi = p.liquidShare;
  const hallFans = (1 - phi) * AIR.recirculatingFanFraction;
  const pumps = phi * p.liquidPumpsFraction + (1 - phi) * p.airLoopPumpsFraction;
  const liquidLoad = phi * (1 + p.liquidPumpsFraction);
  const airLoad = (1 - phi) * (1 + p.airLoopPumpsFraction) + hallFans;
  const lx1 = p.liquidSupplyC - p.dryCoolerApproachK;
  const lx2 = p.liquidReturnC - p.dryCoolerApproachK;
  const ax1 = p.airLoopSupplyC - p.dryCoolerApproachK;
  const ax2 = p.airLoopReturnC - p.dryCoolerApproachK;
  const air = loopMechanical(t, false, ax1, ax2, AIR_LOOP_CHILLER);
  const airMech = (air.energyHours / HOURS_PER_YEAR) * airLoad;
  const liquid = loopMechanical(t, false, lx1, lx2, LIQUID_TRIM_CHILLER);
  const liquidMech = (liquid.energyHours / HOURS_PER_YEAR) * liquidLoad;
  const mechanical = liquidMech + airMech;
  const heatRejected = liquidLoad + airLoad + mechanical;
  out.fans = hallFans + p.dryCoolerFanPerHeatRejected * heatRejected;
  out.pumps = pumps;
  out.mechanical = mechanical;
  // Hours of the liquid loop, which carries most of the heat.
  out.economiser_hours = liquid.freeHours;
  out.partial_economiser_hours = liquid.partialHours;
  out.mechanical_equivalent_hours = liquid.equivalentHours;
  setWater(out, 0);
  const design = designDryBulbC(t);
  out.design_condition = "dry_bulb";
  out.design_condition_c = design;
  const peakMech =
    liquidLoad * chillerShare(design, lx1, lx2) * inverseCop(LIQUID_TRIM_CHILLER, design) +
    airLoad * chillerShare(design, ax1, ax2) * inverseCop(AIR_LOOP_CHILLER, design);
  out.pue_peak = 1 + fixedAtNameplate() + hallFans + 2 * p.dryCoolerFanPerHeatRejected * (liquidLoad + airLoad + peakMech) + pumps + peakMech;
}

/**
 * Runs the model for a validated climate (no validation here: callers check with assertSiteClimate)
 * into `out`, using `t` as scratch. Allocation-free; about 10–25 tail evaluations.
 */
export function analyseCoolingInto(
  out: CoolingResult,
  t: ClimateTails,
  climate: SiteClimate,
  archetype: CoolingArchetype,
  utilisation: number,
): CoolingResult {
  loadClimate(t, climate);
  out.archetype = archetype;
  setFixed(out, utilisation);
  switch (archetype) {
    case "air_economiser":
      airEconomiser(t, climate, out);
      break;
    case "evaporative_assist":
      evaporativeAssist(t, climate, out);
      break;
    case "dry_cooler_liquid":
      dryCoolerLiquid(t, out);
      break;
  }
  finish(out);
  return out;
}
