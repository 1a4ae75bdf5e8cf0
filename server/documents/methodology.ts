/**
 * The methodology section in words: method and formula, value functions, constraints, weighting,
 * and the engineering model assumptions. Every number here is read from the constant the models use
 * (server/models/cooling/assumptions.ts, latency.ts, climate/freeCooling.ts, risk/composite.ts), so
 * the report can never describe a model other than the one that produced its numbers.
 */
import { COOLING_ARCHETYPES, AIR, AIR_ECONOMISER, CHILLERS, DESIGN_CONDITION, DRY_COOLER_LIQUID, EVAPORATIVE, FIXED_OVERHEAD, WATER, type CoolingArchetype } from "@/server/models/cooling";
import { ASHRAE_RECOMMENDED_MAX_DEW_POINT_C, ASHRAE_RECOMMENDED_MAX_INLET_C, DEFAULT_ECONOMISER_APPROACH_K } from "@/server/models/climate";
import { FIBRE_MS_PER_KM, ROUTE_FACTOR, ROUTE_FACTOR_MAX, ROUTE_FACTOR_MIN, RTT_OVERHEAD_MS } from "@/server/models/latency";
import { COMPOSITE_COMPONENTS, MIN_COMPONENTS } from "@/server/models/risk/composite";
import type { MethodName } from "@/server/scoring";
import type { ConstraintSpec, Scenario, ValueFunctionSpec } from "@/server/schemas/scenario";
import { fmtNumber } from "@/server/documents/format";

export const METHOD_TITLES: Record<MethodName, string> = {
  wsm: "Weighted sum (WSM)",
  wpm: "Weighted product (WPM)",
  waspas: "WASPAS",
  topsis: "TOPSIS",
  vikor: "VIKOR",
  promethee2: "PROMETHEE II",
};

/** Method formula and a one-paragraph description (scores are computed on utilities u_ij ∈ [0, 1]). */
export function methodText(method: Scenario["method"]): { id: MethodName; title: string; formula: string; description: string } {
  switch (method.method) {
    case "wsm":
      return { id: "wsm", title: METHOD_TITLES.wsm, formula: "S_i = Σ_j w_j · u_ij", description: "Each site's score is the weighted sum of its criterion utilities; weights sum to 1. A good value on one criterion can compensate a poor one on another in proportion to the weights. Contributions w_j · u_ij add up to the score." };
    case "wpm":
      return { id: "wpm", title: METHOD_TITLES.wpm, formula: "S_i = Π_j u_ij ^ w_j", description: "Each site's score is the product of its utilities raised to the weights: a utility of 0 on any weighted criterion gives a score of 0, so poor values compensate less than under the weighted sum." };
    case "waspas":
      return { id: "waspas", title: METHOD_TITLES.waspas, formula: `S_i = λ · Σ_j w_j u_ij + (1 − λ) · Π_j u_ij ^ w_j, λ = ${method.lambda}`, description: "A blend of the weighted sum and the weighted product (Zavadskas et al. 2012)." };
    case "topsis":
      return { id: "topsis", title: METHOD_TITLES.topsis, formula: "C_i = d_i⁻ / (d_i⁺ + d_i⁻), d± = weighted Euclidean distance to the worst / best utility of each criterion", description: "Sites are ranked by relative closeness to the ideal site (the best utility on every criterion) and distance from the anti-ideal (Hwang & Yoon 1981), on the utilities without further normalisation." };
    case "vikor":
      return { id: "vikor", title: METHOD_TITLES.vikor, formula: `Q_i = v · (S_i − S*)/(S⁻ − S*) + (1 − v) · (R_i − R*)/(R⁻ − R*), v = ${method.v}; S_i = Σ_j w_j (u*_j − u_ij)/(u*_j − u⁻_j), R_i = max_j of the same terms`, description: "VIKOR (Opricovic & Tzeng 2004) balances group utility (S) against the worst individual regret (R); the lower Q, the better. The report's score is 100 × (1 − Q)." };
    case "promethee2":
      return { id: "promethee2", title: METHOD_TITLES.promethee2, formula: "φ_i = 1/(n − 1) · Σ_k [π(i, k) − π(k, i)], π(i, k) = Σ_j w_j P_j(u_ij − u_kj)", description: `Pairwise outranking (Brans & Vincke 1985): each pair of sites is compared criterion by criterion with a preference function (${method.preferences ? method.preferences.map((p) => p.type).join(", ") : "usual, i.e. any difference counts fully"}); the net flow φ ranks the sites. The report's score is 50 × (1 + φ).` };
  }
}

/** One line for a value function, with the criterion's unit. */
export function describeValueFunction(vf: ValueFunctionSpec, unit: string): string {
  const u = unit ? ` ${unit}` : "";
  switch (vf.type) {
    case "linear":
      return `linear: utility 0 at ${fmtNumber(vf.worst, 3)}${u}, 1 at ${fmtNumber(vf.best, 3)}${u}, clamped outside`;
    case "piecewiseLinear":
      return `piecewise linear through ${vf.points.map(([x, y]) => `(${fmtNumber(x, 3)}${u} → ${fmtNumber(y, 2)})`).join(", ")}, clamped outside`;
    case "threshold":
      return `threshold: utility 1 ${vf.better === "above" ? "at or above" : "at or below"} ${fmtNumber(vf.threshold, 3)}${u}, else 0`;
    case "categorical":
      return `categorical: ${Object.entries(vf.utilities).map(([k, v]) => `${k} → ${fmtNumber(v, 2)}`).join(", ")}; a category not listed is missing`;
  }
}

/** A hard constraint in words. */
export function describeConstraint(c: ConstraintSpec, unit: string): string {
  const u = unit ? ` ${unit}` : "";
  switch (c.kind) {
    case "excludeAbove": return `exclude if above ${fmtNumber(c.value, 3)}${u}`;
    case "excludeBelow": return `exclude if below ${fmtNumber(c.value, 3)}${u}`;
    case "allowedValues": return `keep only ${c.values.join(", ")}`;
    case "excludedValues": return `exclude ${c.values.join(", ")}`;
  }
}

export function describeWeighting(w: Scenario["weighting"]): string {
  switch (w.mode) {
    case "direct": return "Weights entered directly and normalised to sum 1.";
    case "roc": return "Rank-order centroid weights from an importance order (Barron & Barrett 1996): w_k = (1/n) Σ_{i≥k} 1/i for the criterion ranked k.";
    case "ahp": return `AHP: weights are the principal eigenvector of the pairwise comparison matrix (Saaty 1980); consistency checked with the ${w.randomIndex} random-index table.`;
  }
}

export function describeMissingRule(missing: Scenario["missing"]): string {
  return missing === "exclude"
    ? "A site with a missing value in a weighted criterion is not ranked (it is listed with the reason); a missing value is never counted as 0."
    : "A missing value in a weighted criterion drops that criterion for the site and the site's other weights are rescaled to sum 1 (recorded per site as the weight applied).";
}

export function describeRule(rule: Scenario["market"]["rule"]): string {
  switch (rule.kind) {
    case "any": return "no data-location rule";
    case "eu_gdpr_transfer": return "EU personal data: hosting outside the EU/EEA needs an adequacy decision or safeguards (GDPR Chapter V)";
    case "same_country": return `data stays in ${rule.country}`;
    case "allowed_countries": return `data may be hosted only in ${rule.countries.join(", ")}`;
    case "allowed_regimes": return `data may be hosted only where the regime is ${rule.regimes.join(" or ")}`;
  }
}

const f2 = (x: number) => fmtNumber(x, 3);

/** Engineering model assumptions, from the constants the models use. */
export function engineeringAssumptions(cooling: CoolingArchetype): { topic: string; items: string[] }[] {
  const arch = COOLING_ARCHETYPES[cooling];
  const coolingItems: Record<CoolingArchetype, string[]> = {
    air_economiser: [
      `Full free cooling while outdoor dry bulb ≤ ${AIR_ECONOMISER.supplyAirC} °C and dew point ≤ ${AIR_ECONOMISER.maxDewPointC} °C; adiabatic (wetted-media) assist up to a supply dew point of ${AIR_ECONOMISER.adiabaticMaxSupplyDewPointC} °C; otherwise mechanical cooling evaporating at ${AIR_ECONOMISER.mechanicalEvaporatingC} °C.`,
      `Fans: airflow for a ${AIR.serverDeltaTK} K server temperature rise; economiser units at SFP 0.6 kW/(m³/s) → ${f2(AIR.economiserFanFraction)} kWh per kWh IT; recirculating at SFP 0.45 → ${f2(AIR.recirculatingFanFraction)} (EN 16798-3).`,
    ],
    evaporative_assist: [
      `Chilled water ${EVAPORATIVE.chilledWaterSupplyC}/${EVAPORATIVE.chilledWaterReturnC} °C; tower approach ${EVAPORATIVE.towerApproachK} K and plate exchanger approach ${EVAPORATIVE.economiserExchangerApproachK} K: full free cooling while wet bulb ≤ ${EVAPORATIVE.chilledWaterSupplyC - EVAPORATIVE.towerApproachK - EVAPORATIVE.economiserExchangerApproachK} °C, partial below ${EVAPORATIVE.chilledWaterReturnC - EVAPORATIVE.towerApproachK - EVAPORATIVE.economiserExchangerApproachK} °C.`,
      `Pumps ${f2(EVAPORATIVE.pumpsFraction)} kWh per kWh of cooling (ASHRAE 90.1-2019 Appendix G baseline); tower fans ${f2(EVAPORATIVE.towerFanPerHeatRejected)} per kWh rejected.`,
    ],
    dry_cooler_liquid: [
      `Liquid share ${DRY_COOLER_LIQUID.liquidShare} of IT heat on a ${DRY_COOLER_LIQUID.liquidSupplyC}/${DRY_COOLER_LIQUID.liquidReturnC} °C loop (ASHRAE W32); dry cooler approach ${DRY_COOLER_LIQUID.dryCoolerApproachK} K; trim chillers evaporating at ${DRY_COOLER_LIQUID.liquidTrimEvaporatingC} °C.`,
      `Residual air heat on an ${DRY_COOLER_LIQUID.airLoopSupplyC}/${DRY_COOLER_LIQUID.airLoopReturnC} °C loop; pumps ${DRY_COOLER_LIQUID.liquidPumpsFraction} (liquid) and ${DRY_COOLER_LIQUID.airLoopPumpsFraction} (air loop); dry cooler fans ${DRY_COOLER_LIQUID.dryCoolerFanPerHeatRejected} per kWh rejected (engineering judgement).`,
    ],
  };
  return [
    {
      topic: `Cooling: ${arch.title}`,
      items: [
        arch.description,
        ...coolingItems[cooling],
        `Chillers at ASHRAE 90.1-2019 minimum full-load efficiency (water-cooled COP ${f2(CHILLERS.waterCooled.ratedCop)}, air-cooled COP ${f2(CHILLERS.airCooled.ratedCop)}), scaled with the Carnot lift (lift-independent share ${CHILLERS.waterCooled.fixedInputShare}).`,
        `Fixed overhead: electrical losses ${fmtNumber(FIXED_OVERHEAD.electricalLossFraction * 100, 2)} % of IT energy plus auxiliaries ${fmtNumber(FIXED_OVERHEAD.capacityAuxiliaryFraction * 100, 2)} % of IT capacity divided by utilisation.`,
        `Peak PUE at the ASHRAE ${fmtNumber(DESIGN_CONDITION.exceedanceFraction * 100, 2)} % annual design condition with IT at nameplate; it sizes the grid connection (grid MW = IT MW × peak PUE).`,
      ],
    },
    {
      topic: "Climate and free cooling",
      items: [
        "Monthly mean temperatures: ITU-R P.1510-1; humidity: ITU-R P.836-6 exceedance levels, bilinear over land cells.",
        "Hourly temperatures per month: mean + sinusoidal diurnal cycle + normal day-to-day anomaly, with diurnal range and spread estimated from humidity and the annual range (fitted to ASHRAE design data).",
        `Air-side free-cooling hours: outdoor dry bulb ≤ ${ASHRAE_RECOMMENDED_MAX_INLET_C} − ${DEFAULT_ECONOMISER_APPROACH_K} °C and dew point ≤ ${ASHRAE_RECOMMENDED_MAX_DEW_POINT_C} °C (ASHRAE TC 9.9 2021 recommended envelope), combined by assuming the humid hours are the warmest ones (an upper bound; the card shows the range). Monthly hours split the annual figure under the same assumption.`,
      ],
    },
    {
      topic: "Energy, carbon and water",
      items: [
        "IT energy (MWh/yr) = IT MW × utilisation × 8,760 h; grid energy = IT energy × annual PUE.",
        "CO2 location-based = grid energy × grid-average lifecycle intensity (Electricity Maps); marginal = grid energy × IFI combined-margin factor (2021); market-based = grid energy × (1 − CFE share) × grid-average intensity. Shown side by side, never blended.",
        `Water (m³/yr) = IT energy (MWh) × WUE (L/kWh); evaporation ${f2(WATER.litresPerKwhEvaporated)} L per kWh of latent heat, ${WATER.cyclesOfConcentration} cycles of concentration; site water only.`,
      ],
    },
    {
      topic: "Latency and jurisdiction",
      items: [
        `RTT (ms) = 2 × great-circle km × route factor × ${FIBRE_MS_PER_KM} ms/km + ${RTT_OVERHEAD_MS} ms; route factor ${ROUTE_FACTOR} by default (${ROUTE_FACTOR_MIN}–${ROUTE_FACTOR_MAX}).`,
        "Mean RTT is weighted by the market points' demand; the demand share counts the points within the RTT budget.",
        "Jurisdiction fit from the curated data-protection table (regime and localisation per country, with a citation per row) and the market's rule: allowed, conditional or excluded, always with the reason.",
      ],
    },
    {
      topic: "Physical risk",
      items: [
        `Composite physical risk = 0.5 · max + 0.5 · mean of the severities of hazards that vary within a country (${COMPOSITE_COMPONENTS.map((c) => `${c.label}: 0 at ${c.none}, 1 at ${c.full}`).join("; ")}); null with fewer than ${MIN_COMPONENTS} components. Country-level Aqueduct categories are separate criteria.`,
      ],
    },
  ];
}

export const ROBUSTNESS_METHOD: readonly string[] = Object.freeze([
  "Method agreement: Kendall's tau-b between this ranking and the ranking each other method gives on the same utilities and weights (1 = same order, 0 = unrelated, −1 = reversed).",
  "Weight stability: for each weighted criterion, the interval of its weight (the other weights rescaled in proportion) within which the first-ranked site stays first, and which site overtakes at each edge.",
  "SMAA-2 rank acceptability (Lahdelma & Salminen 2001): weight vectors drawn uniformly from the simplex with a fixed seed; for each site the share of draws that give it each rank.",
]);
