/**
 * The brief's sentences: its question, findings, method sections and limitations, written from the
 * assembled profile, comparison and plan. Shared sentences (engineering, carbon, latency, data rules,
 * boundaries) come from server/documents/limitations.ts.
 */
import { ANNUAL_CARBON_FACTORS, BOUNDARIES, DATA_RULES_NOT_LEGAL_ADVICE, ENGINEERING_ESTIMATES, HISTORICAL_CLIMATE, MODELLED_LATENCY, POWER_MARKET_SCREENING } from "@/server/documents/limitations";
import { fmtFixed, fmtNumber, fmtPct } from "@/server/documents/format";
import { engineeringAssumptions } from "@/server/documents/methodology";
import type { DocumentProvenance } from "@/server/documents/content";
import { FIBRE_MS_PER_KM, ROUTE_FACTOR, RTT_OVERHEAD_MS } from "@/server/models/latency";
import type { BriefRequest } from "@/server/strategy/brief/request";
import { type BriefComparison, type BriefPlan, type BriefProfile } from "./content";

/** Change from a baseline in words ("−62 %"); null when the baseline is 0. */
export function changeText(value: number, baseline: number): string | null {
  if (!baseline) return null;
  const c = (value - baseline) / Math.abs(baseline);
  return `${c < 0 ? "−" : "+"}${fmtFixed(Math.abs(c * 100), Math.abs(c) < 0.1 ? 1 : 0)} %`;
}

export function findingsOf(profile: BriefProfile, comparison: BriefComparison | null, plan: BriefPlan | null, scenarioName: string): string[] {
  const out: string[] = [];
  out.push(`${profile.regionName} has ${fmtNumber(profile.areaKm2, 0)} km² of land on the analysis grid; ${fmtPct(profile.passShare, 1)} of it passes the hard constraints of the “${scenarioName}” scenario${profile.excludedShare > 0 ? ` (${fmtPct(profile.excludedShare, 1)} is excluded by a constraint` : " ("}${profile.unscoredShare > 0 ? `${profile.excludedShare > 0 ? "; " : ""}${fmtPct(profile.unscoredShare, 1)} has no data` : ""}${profile.excludedShare > 0 || profile.unscoredShare > 0 ? ")" : "nothing is excluded)"}.`);
  if (profile.medianScore !== null) out.push(`Half of the passing land scores ${fmtFixed(profile.medianScore, 1)} or more; the best tenth ${fmtFixed(profile.p90Score, 1)} or more (scores 0–100, ${profile.method}).`);
  const [z1, z2] = profile.candidateAreas;
  if (z1) {
    out.push(`The best candidate area is Candidate area 1 ${z1.country ? `in ${z1.country} ` : ""}around ${fmtNumber(z1.lat, 2)}°, ${fmtNumber(z1.lon, 2)}°: ${fmtNumber(z1.areaKm2, 0)} km² of top-scoring land with a mean score of ${fmtFixed(z1.meanScore, 1)} (best cell ${fmtFixed(z1.bestScore, 1)}).${z2 ? ` ${profile.candidateAreas.length} candidate areas were found at least ${fmtNumber(profile.candidateAreaOptions.minDistanceKm, 0)} km apart; the last has a mean score of ${fmtFixed(profile.candidateAreas[profile.candidateAreas.length - 1]!.meanScore, 1)}.` : ""}`);
  } else out.push(`No candidate area of at least ${fmtNumber(profile.candidateAreaOptions.minAreaKm2, 0)} km² of contiguous top-scoring land was found: lower the minimum area or widen the top share.`);
  if (comparison) {
    const [a, b] = comparison.rows;
    if (a) out.push(`Of the ${comparison.rows.length} regions compared, ${a.regionName} ranks first (best candidate area ${fmtFixed(a.bestAreaScore, 1)}, median ${fmtFixed(a.medianScore, 1)})${b ? `, ahead of ${b.regionName} (best candidate area ${fmtFixed(b.bestAreaScore, 1)}, median ${fmtFixed(b.medianScore, 1)})` : ""}.`);
  }
  if (plan) {
    const t = plan.totals, base = plan.baseline.totals;
    const largest = plan.built.slice(0, 3).map((c) => `${c.name} ${fmtNumber(c.built_mw, 0)} MW`).join(", ");
    out.push(`The capacity plan places ${fmtNumber(t.it_mw, 0)} of ${fmtNumber(plan.total_mw, 0)} MW IT in ${plan.built.length} location${plan.built.length === 1 ? "" : "s"}${largest ? ` (largest: ${largest})` : ""}, minimising ${plan.objectiveTitle}.`);
    const co2 = changeText(t.co2_t, base.co2_t), water = changeText(t.water_m3, base.water_m3);
    out.push(`Per year it uses ${fmtNumber(t.grid_mwh, 0)} MWh of grid energy and emits ${fmtNumber(t.co2_t, 0)} tCO2 (location-based) with ${fmtNumber(t.water_m3, 0)} m³ of site water, against ${fmtNumber(base.co2_t, 0)} tCO2 and ${fmtNumber(base.water_m3, 0)} m³ if built next to the demand${co2 || water ? ` (CO2 ${co2 ?? "—"}, water ${water ?? "—"})` : ""}.`);
    if (plan.shortfalls.length) {
      const unmet = plan.shortfalls.reduce((a, s) => a + s.unmetMw, 0);
      out.push(`${fmtNumber(unmet, 0)} MW of demand cannot be placed under the constraints: ${plan.shortfalls[0]!.binding}${plan.shortfalls.length > 1 ? ` (and ${plan.shortfalls.length - 1} more shortfall${plan.shortfalls.length > 2 ? "s" : ""})` : ""}.`);
    }
  }
  return out;
}

export function questionOf(request: BriefRequest, profile: BriefProfile, comparison: BriefComparison | null, plan: BriefPlan | null): string {
  const scen = `the “${request.scenario.name}” scenario`;
  const others = comparison ? comparison.rows.filter((r) => !r.profiled).map((r) => r.regionName) : [];
  const vs = others.length ? `, compared with ${others.length > 3 ? `${others.slice(0, 3).join(", ")} and ${others.length - 3} more` : others.join(others.length === 2 ? " and " : ", ")}` : "";
  if (plan) {
    const gw = plan.total_mw >= 1000 ? `${fmtNumber(plan.total_mw / 1000, 2)} GW` : `${fmtNumber(plan.total_mw, 0)} MW`;
    return `How suitable is ${profile.regionName} for hyperscale AI data centers under ${scen}${vs}, and where should ${gw} of IT capacity serving ${plan.markets.map((m) => m.name).join(", ")} go to minimise ${plan.objectiveTitle.replace(/ \(.*\)$/, "")}?`;
  }
  return `How suitable is ${profile.regionName} for hyperscale AI data centers under ${scen}${vs}, and where are its best candidate areas?`;
}

export function methodSections(request: BriefRequest, profile: BriefProfile, comparison: BriefComparison | null, plan: BriefPlan | null): { topic: string; items: string[] }[] {
  const z = profile.candidateAreaOptions;
  const out: { topic: string; items: string[] }[] = [
    {
      topic: "Region profile",
      items: [
        "Every land cell of the 0.25° analysis grid that belongs to the region (the country or subdivision covering most of the cell; for a drawn polygon, cells whose centre lies inside) is scored with the scenario: the same suitability surface as the siting map.",
        "Shares, the histogram and the percentiles are weighted by each cell's land area (spherical cell area × land fraction), so high-latitude cells do not count more than their area.",
        "Cells a hard constraint excludes and cells without data for a weighted criterion are counted apart; a missing value is never scored as 0.",
        "Layer spreads are area-weighted percentiles over the region's cells with a value; coverage is the share of land with a value.",
      ],
    },
    {
      topic: "Best candidate areas",
      items: [
        `${profile.plausibility.text}${profile.plausibility.implausibleShare > 0 ? ` It rules out ${fmtPct(profile.plausibility.implausibleShare)} of the land that passes the constraints.` : ""} Each candidate area says what its best cell showed to pass.`,
        `Cells count towards candidate areas when their score is in the top ${fmtPct(z.topShare)} of the region's scored, buildable land${profile.candidateAreaThreshold !== null ? ` (here, a score of ${fmtFixed(profile.candidateAreaThreshold, 1)} or more)` : ""}.`,
        `Candidate areas are seeded at the best such cells, best first, each seed at least ${fmtNumber(z.minDistanceKm, 0)} km (great circle) from the candidate areas already found; a candidate area is the contiguous (8-neighbour) top-share land within ${fmtNumber(z.minDistanceKm / 2, 0)} km of its seed, kept when it reaches ${fmtNumber(z.minAreaKm2, 0)} km²; at most ${z.count} candidate areas.`,
        "A candidate area is a screening result at the grid's resolution (about 28 km), not a parcel: land availability, grid connection and permits are for a site study.",
      ],
    },
  ];
  if (comparison) out.push({ topic: "Comparison of regions", items: [comparison.basis, `Candidate area settings for the comparison: at most ${comparison.candidateAreaOptions.count} candidate areas, ${fmtNumber(comparison.candidateAreaOptions.minDistanceKm, 0)} km apart, ${fmtNumber(comparison.candidateAreaOptions.minAreaKm2, 0)} km², top ${fmtPct(comparison.candidateAreaOptions.topShare)}.`] });
  if (plan) {
    out.push({
      topic: "Capacity plan",
      items: [
        `Decision: x_dc ≥ 0, the MW of demand d (a workload class in a market, or location-free) placed at candidate c. Objective: minimise Σ cost_c · x_dc with cost_c the candidate's ${plan.objectiveTitle} per MW of IT.`,
        "Constraints: every demand is met (Σ_c x_dc = D_d); no candidate takes more than its maximum size (Σ_d x_dc ≤ cap_c); x_dc = 0 unless candidate c is eligible for demand d: within the workload's round-trip latency limit of the market and allowed by the data rule.",
        plan.minBuildMw !== null
          ? `Minimum build: a candidate that is used takes at least ${fmtNumber(plan.minBuildMw, 0)} MW (binary y_c; cap_c · y_c ≥ Σ_d x_dc ≥ min · y_c), which makes the model a mixed-integer programme.`
          : "No minimum build: the model is a linear programme.",
        "Solved exactly with HiGHS (Huangfu & Hall 2018), an established open-source LP/MIP solver. Each demand has a slack variable priced far above any real cost, so an infeasible plan still solves and reports which demand is short, by how much, and which constraint binds.",
        `Latency: round trip ≈ 2 × great-circle km × route factor ${ROUTE_FACTOR} × ${FIBRE_MS_PER_KM} ms/km + ${RTT_OVERHEAD_MS} ms, from each candidate's centre to the market.`,
        `Per-MW figures: the engineering model at each candidate's centre for the scenario's load profile (${fmtNumber(request.scenario.loadProfile.itMw, 0)} MW IT at ${fmtPct(request.scenario.loadProfile.utilisation)} utilisation), divided by the IT MW: energy, CO2 and water scale linearly with IT capacity.`,
        "Baseline: each market's share of the capacity built at the market itself, with the same load profile and models.",
      ],
    });
  }
  return [...out, ...engineeringAssumptions(request.scenario.loadProfile.cooling)];
}

export function limitationsOf(plan: BriefPlan | null, provenance: DocumentProvenance): string[] {
  const out = [
    "Suitability and candidate areas are screening results on a 0.25° grid from global datasets: they say where to look, not where to build. Land use, protected areas, grid capacity and transmission, water rights and permits are not in the data.",
    "Region membership is by majority of each cell's area, so thin strips of coast or border may be assigned to a neighbour; areas are land areas on the grid, within a few per cent of official figures.",
  ];
  if (plan) out.push(
    "The plan places capacity at candidate area centres and treats energy, CO2 and water as linear in IT MW; it has no cost of land, construction, power or network, and no transmission or grid-connection limits beyond the maximum size per location.",
    "Demand markets are points with shares; the build-at-demand baseline uses the same models at those points, which may not be where capacity near a market would be built.",
  );
  out.push(ENGINEERING_ESTIMATES, HISTORICAL_CLIMATE, ANNUAL_CARBON_FACTORS, MODELLED_LATENCY, DATA_RULES_NOT_LEGAL_ADVICE, POWER_MARKET_SCREENING, BOUNDARIES);
  if (provenance.nonCommercialNote) out.push(provenance.nonCommercialNote);
  return out;
}
