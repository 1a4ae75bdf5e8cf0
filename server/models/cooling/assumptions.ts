/**
 * Every constant of the PUE/WUE model (cooling/model.ts), with where it comes from. Frozen and
 * exported so reports can print the assumptions next to the numbers and tests can pin them.
 *
 * Conventions: energies are per unit of IT energy (kWh/kWh), temperatures °C, differences K.
 * "Annual" fan/pump figures already include part-speed operation (variable-speed drives).
 *
 * Where a number is an engineering judgement rather than a published value, it says so.
 */
import { ASHRAE_RECOMMENDED_MAX_DEW_POINT_C, ASHRAE_RECOMMENDED_MAX_INLET_C, DEFAULT_ECONOMISER_APPROACH_K } from "../climate/freeCooling";

/** 1 refrigeration ton = 3.51685 kW (12,000 Btu/h). */
const KW_PER_TON = 3.51685;
/** kW/ton → COP. */
const copFromKwPerTon = (kwPerTon: number): number => KW_PER_TON / kwPerTon;
/** EER (Btu/Wh) → COP. */
const copFromEer = (eer: number): number => eer / 3.41214;

/**
 * Chiller model. Compressor input per unit of cooling, 1/COP, is taken as linear in the Carnot lift
 * ratio r = (T_cond − T_evap)/T_evap (temperatures in K) relative to its value at the rating point:
 *   1/COP = (1/COP_rated)·(c₀ + (1 − c₀)·r/r_rated),
 * so COP falls as the condensing temperature rises. c₀ = 0.2 is the share of input that does not scale
 * with lift (motor, drive and mechanical losses); it makes 1/COP rise by (1 − c₀)/lift_rated ≈ 2.5 %
 * per kelvin of condenser water at the water-cooled rating point, the middle of the 1–2 % per °F
 * (1.8–3.6 %/K) commonly quoted for chillers; a pure Carnot fraction (c₀ = 0) would promise more at
 * small lifts than real machines deliver. The rated points are the ASHRAE Standard 90.1-2019
 * Table 6.8.1-3 minimum full-load efficiencies at the AHRI 550/590 standard rating conditions (leaving
 * chilled water 6.7 °C (44 °F); entering condenser water 29.4 °C (85 °F) or entering air 35 °C
 * (95 °F)). Minimum-code chillers keep the estimate conservative: purchased hyperscale chillers are
 * often 10–20 % better.
 */
export interface ChillerRating {
  /** COP at the rating point (air-cooled: condenser fans included). */
  readonly ratedCop: number;
  /** Evaporating temperature at the rating point, °C. */
  readonly ratedEvaporatingC: number;
  /** Condensing temperature at the rating point, °C. */
  readonly ratedCondensingC: number;
  /** Lift-independent share of compressor input, c₀. */
  readonly fixedInputShare: number;
  /** Upper bound on COP where the linear model extrapolates to small lifts. */
  readonly maxCop: number;
}

/** Evaporating temperature below the leaving chilled water, K (flooded/shell-and-tube evaporators, typical 1–2 K). */
const EVAPORATOR_APPROACH_K = 2;
/** Condensing temperature above the leaving condenser water, K (typical 1–2 K). */
const CONDENSER_APPROACH_K = 1.5;
/** Condenser-water range at AHRI 550/590 (3 gpm/ton): 10 °F = 5.6 K. */
const CONDENSER_RANGE_K = 5.6;
/** Condensing temperature above outdoor dry bulb for air-cooled condensers, K (typical 12–17 K at design). */
const AIR_COOLED_CONDENSING_OFFSET_K = 15;

const AHRI_LEAVING_CHW_C = 6.7;
const AHRI_ENTERING_CW_C = 29.4;
const AHRI_AMBIENT_C = 35;

/** ASHRAE 90.1-2019 Table 6.8.1-3, water-cooled centrifugal ≥ 600 tons, Path A full load: 0.560 kW/ton. */
const WATER_COOLED_MIN_FULL_LOAD_COP = copFromKwPerTon(0.56);
/** ASHRAE 90.1-2019 Table 6.8.1-3, air-cooled ≥ 150 tons, Path A full load: EER 10.1 Btu/Wh (condenser fans included). */
const AIR_COOLED_MIN_FULL_LOAD_COP = copFromEer(10.1);

export const CHILLERS = Object.freeze({
  evaporatorApproachK: EVAPORATOR_APPROACH_K,
  condenserApproachK: CONDENSER_APPROACH_K,
  condenserRangeK: CONDENSER_RANGE_K,
  airCooledCondensingOffsetK: AIR_COOLED_CONDENSING_OFFSET_K,
  /**
   * Water-cooled centrifugal ≥ 600 tons, 0.560 kW/ton (COP 6.28) at 4.7 °C evaporating / 36.5 °C
   * condensing. Bound: COP 9.25 (0.38 kW/ton, the ASHRAE 90.1-2019 Path B part-load (IPLV) limit for
   * the same class, about the best part-load efficiency codes expect).
   */
  waterCooled: Object.freeze<ChillerRating>({
    ratedCop: WATER_COOLED_MIN_FULL_LOAD_COP,
    ratedEvaporatingC: AHRI_LEAVING_CHW_C - EVAPORATOR_APPROACH_K,
    ratedCondensingC: AHRI_ENTERING_CW_C + CONDENSER_RANGE_K + CONDENSER_APPROACH_K,
    fixedInputShare: 0.2,
    maxCop: copFromKwPerTon(0.38),
  }),
  /**
   * Air-cooled chillers and DX, ≥ 150 tons, EER 10.1 (COP 2.96) at 4.7 °C evaporating / 50 °C
   * condensing. Bound: COP 6, engineering judgement (the best variable-speed air-cooled machines reach
   * part-load COPs of about 5–6).
   */
  airCooled: Object.freeze<ChillerRating>({
    ratedCop: AIR_COOLED_MIN_FULL_LOAD_COP,
    ratedEvaporatingC: AHRI_LEAVING_CHW_C - EVAPORATOR_APPROACH_K,
    ratedCondensingC: AHRI_AMBIENT_C + AIR_COOLED_CONDENSING_OFFSET_K,
    fixedInputShare: 0.2,
    maxCop: 6,
  }),
});

/**
 * Fixed overhead: power chain losses and auxiliaries, independent of climate.
 * - Electrical losses ∝ IT energy, 3.5 %: MV/LV transformers ≈ 1 % (EU Ecodesign Regulation 548/2014
 *   caps the load and no-load losses of distribution transformers; compliant units lose roughly
 *   0.5–1.5 % at typical loads), UPS ≈ 2 % (double conversion 96–97 %, the high-efficiency/"eco"
 *   modes hyperscale designs use 98–99 %), switchgear, busway and PDUs ≈ 0.5 %.
 * - Capacity-proportional auxiliaries, 1 % of IT capacity: lighting, BMS, security, offices inside the
 *   meter, no-load transformer and UPS losses. Divided by utilisation, so PUE rises at low load (the
 *   known part-load behaviour of PUE; The Green Grid, White Paper #49 "PUE: a comprehensive
 *   examination of the metric", 2012).
 * At utilisation 0.8 the fixed overhead is 0.0475, about half the 0.08–0.10 total overhead that the
 * best hyperscale fleets report (Google fleet TTM PUE ≈ 1.09–1.10): the other half is cooling.
 */
export const FIXED_OVERHEAD = Object.freeze({
  electricalLossFraction: 0.035,
  capacityAuxiliaryFraction: 0.01,
});

/**
 * Air movement. Airflow per kW of IT heat = 1/(ρ·c_p·ΔT) with ρ = 1.2 kg/m³, c_p = 1.006 kJ/(kg·K) and
 * a server air temperature rise ΔT = 12 K (typical 10–15 K; dense GPU servers run hotter exhausts,
 * which would lower fan energy). Fan power = airflow × specific fan power (SFP), kW per m³/s, in the
 * classes of EN 16798-3:2017 (SFP 1 ≤ 0.5, SFP 2 ≤ 0.75, SFP 3 ≤ 1.25): 0.6 for outside-air
 * economiser units (filters, dampers, wetted media, longer paths), 0.45 for recirculating fan walls or
 * CRAHs (one coil, short path). Result: 0.041 and 0.031 kWh per kWh of IT.
 * IT fans inside the servers are IT energy (The Green Grid PUE definition) and are not counted.
 */
const AIR_DENSITY_KG_M3 = 1.2;
const AIR_CP_KJ_KG_K = 1.006;
const SERVER_DELTA_T_K = 12;
const AIRFLOW_M3S_PER_KW = 1 / (AIR_DENSITY_KG_M3 * AIR_CP_KJ_KG_K * SERVER_DELTA_T_K);
export const AIR = Object.freeze({
  serverDeltaTK: SERVER_DELTA_T_K,
  airflowM3sPerKw: AIRFLOW_M3S_PER_KW,
  economiserFanFraction: AIRFLOW_M3S_PER_KW * 0.6,
  recirculatingFanFraction: AIRFLOW_M3S_PER_KW * 0.45,
});

/**
 * Water: the latent heat of vaporisation at typical evaporating-film temperatures (≈ 25 °C),
 * 2,442 kJ/kg (IAPWS-95 / steam tables), gives 3,600/2,442 = 1.474 L of water evaporated per kWh of
 * heat carried off as latent heat. Make-up = evaporation × C/(C − 1), with blow-down
 * evaporation/(C − 1) to hold the dissolved solids at C cycles of concentration (US DOE FEMP, "Cooling
 * towers: understanding key components … and how to improve water efficiency", best-practice sheet:
 * typical 3–6 cycles, higher with treatment). C = 5 for towers and for wetted-media coolers (their
 * bleed-off plays the same role). Drift (< 0.005 % of circulation with modern eliminators) is
 * neglected.
 */
const LATENT_HEAT_KJ_PER_KG = 2442;
export const WATER = Object.freeze({
  litresPerKwhEvaporated: 3600 / LATENT_HEAT_KJ_PER_KG,
  cyclesOfConcentration: 5,
});

/**
 * Air-side economiser with adiabatic assist and air-cooled DX/chiller trim (the Open Compute /
 * Meta-style design):
 * - Full free cooling while outdoor dry bulb ≤ 27 − 2 = 25 °C and dew point ≤ 15 °C (ASHRAE TC 9.9
 *   2021 recommended envelope; climate/freeCooling.ts `freeCoolingHours`).
 * - Outside air still carries the load, through the wetted media when it is warm, while the outdoor
 *   wet bulb is at or below the wet bulb of supply air at 25 °C with a 17 °C dew point (the ASHRAE A1
 *   allowable dew-point limit): evaporative cooling is isenthalpic, so the supply air's wet bulb is the
 *   outdoor one and its dew point rises toward it. About 19.7 °C at sea level.
 * - Otherwise mechanical cooling of recirculated air carries the full load, with the coil below the
 *   15 °C dew-point limit so it can dehumidify: evaporating at 11 °C.
 */
export const AIR_ECONOMISER = Object.freeze({
  supplyAirC: ASHRAE_RECOMMENDED_MAX_INLET_C - DEFAULT_ECONOMISER_APPROACH_K,
  maxDewPointC: ASHRAE_RECOMMENDED_MAX_DEW_POINT_C,
  adiabaticMaxSupplyDewPointC: 17,
  mechanicalEvaporatingC: 11,
});

/**
 * Chilled-water plant with open cooling towers, water-cooled chillers and a water-side economiser (plate
 * heat exchanger in series with the chillers):
 * - Chilled water 12 °C supply / 18 °C return, a common specification of current colocation and
 *   enterprise plants serving 24–27 °C supply air through CRAH/fan-wall coils. Best-practice
 *   hyperscale plants run 18–20 °C (fewer chiller hours; PUE about 0.02–0.04 lower in temperate
 *   climates), legacy ones 7–10 °C. Chosen as the middle of practice; it is the main lever of this
 *   archetype's calibration (cooling/pue.ts).
 * - Tower approach 4 K (typical 3–5 K at design) and plate exchanger approach 2 K: full free cooling
 *   while wet bulb ≤ 12 − 6 = 6 °C; partial (the exchanger pre-cools the return water) while
 *   wet bulb < 18 − 6 = 12 °C; the chillers' share of the load rises linearly in between.
 * - Chiller condensing = wet bulb + tower approach + condenser range + condenser approach.
 * - Pumps: ASHRAE 90.1-2019 Appendix G baseline chilled-water pumping 22 W/gpm at a 10 °F rise
 *   (2.4 gpm/ton: 0.0150 kW per kW of cooling) and condenser-water pumping 19 W/gpm at 3 gpm/ton
 *   (0.0162): 0.031 in all. With the chillers and towers also at 90.1-2019 levels this is a
 *   code-level plant throughout; variable-speed, wide-ΔT hyperscale plants pump about a third less.
 * - Tower fans: ASHRAE 90.1-2019 Table 6.8.1-7 minimum for open axial-fan towers, 40.2 gpm/hp at
 *   95/85/75 °F (1.27 kW of fan per 100 kW of heat rejected at design); variable-speed fans average
 *   about half of that over a year: 0.0063 per kWh of heat rejected.
 */
export const EVAPORATIVE = Object.freeze({
  chilledWaterSupplyC: 12,
  chilledWaterReturnC: 18,
  towerApproachK: 4,
  economiserExchangerApproachK: 2,
  pumpsFraction: (22 * (12000 / (500 * 10)) + 19 * 3) / (1000 * KW_PER_TON),
  towerFanPerHeatRejected: 0.5 * ((0.746 / (40.2 * 500 * 10)) * 3412.14),
});

/**
 * Direct-to-chip liquid cooling with dry coolers (closed loops, no evaporation):
 * - Liquid share 0.8 of the IT heat (cold plates capture 70–90 % on current GPU/accelerator servers;
 *   memory, storage, network and power supplies stay air-cooled).
 * - Liquid loop: facility water 32 °C supply (ASHRAE TC 9.9 liquid-cooling class W32) / 42 °C return;
 *   dry cooler approach 5 K: fully free while dry bulb ≤ 27 °C, partial below 37 °C, air-cooled trim
 *   chiller (evaporating at 30 °C) above.
 * - Residual air heat: fan walls on an 18/24 °C water loop with a free-cooling dry coil (approach 5 K:
 *   free below 13 °C, partial below 19 °C) and air-cooled chillers (evaporating 16 °C).
 * - Pumps: CDU and facility-water pumping 1.5 % of the liquid heat (engineering judgement from CDU
 *   data sheets, about 1–2 %), 1 % of the residual air heat for its water loop.
 * - Dry cooler fans: about 2 % of heat rejected at design, half of that averaged over the year with
 *   variable-speed fans: 0.01 (engineering judgement from manufacturer data; no code minimum exists).
 */
export const DRY_COOLER_LIQUID = Object.freeze({
  liquidShare: 0.8,
  liquidSupplyC: 32,
  liquidReturnC: 42,
  airLoopSupplyC: 18,
  airLoopReturnC: 24,
  dryCoolerApproachK: 5,
  liquidTrimEvaporatingC: 30,
  airLoopEvaporatingC: 16,
  liquidPumpsFraction: 0.015,
  airLoopPumpsFraction: 0.01,
  dryCoolerFanPerHeatRejected: 0.01,
});

/**
 * Peak (design) conditions for the grid connection: the ASHRAE 0.4 % annual cooling design dry bulb
 * (exceeded 35 h a year; ASHRAE Handbook—Fundamentals ch. 14) for air-cooled and dry-cooler plants,
 * and the 0.4 % evaporation design wet bulb for tower plants, with IT at full nameplate load.
 */
export const DESIGN_CONDITION = Object.freeze({
  exceedanceFraction: 0.004,
});
