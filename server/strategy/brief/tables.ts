/**
 * The strategy brief's tables as rows of text (../tables.ts `TableModel`), formatted once so the web
 * page and the PDF print the same cells.
 */
import type { BriefPlan, BriefProfile, StrategyBriefContent } from "@/server/strategy/brief/content";
import { changeText } from "@/server/strategy/brief/prose";
import { fmtFixed, fmtNumber, fmtPct, QUALITY_TEXT } from "@/server/documents/format";
import type { TableModel } from "@/server/documents/tables";

/** Decimals for a layer's values: by magnitude, like the report's raw values. */
function dec(v: number | null): number {
  if (v === null) return 0;
  const a = Math.abs(v);
  return a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
}

export function keyNumbersTable(content: StrategyBriefContent): TableModel {
  return {
    columns: [{ title: "Key number", width: 30 }, { title: "Value", width: 16, align: "right" }, { title: "Unit", width: 10 }, { title: "Against", width: 44 }],
    rows: content.summary.keyNumbers.map((k) => [k.label, k.decimals > 0 ? fmtFixed(k.value, k.decimals) : fmtNumber(k.value, 0), k.unit, k.note ?? ""]),
  };
}

export function layerSpreadsTable(profile: BriefProfile): TableModel {
  return {
    columns: [
      { title: "Layer", width: 26 }, { title: "Quality", width: 9 }, { title: "Median", width: 10, align: "right" }, { title: "P10–P90", width: 16, align: "right" },
      { title: "Range", width: 16, align: "right" }, { title: "Unit", width: 14 }, { title: "Land with a value", width: 9, align: "right" },
    ],
    rows: profile.layers.map((l) => {
      const d = dec(l.median);
      return [
        l.title, QUALITY_TEXT[l.quality] ?? l.quality, fmtNumber(l.median, d),
        l.p10 === null ? "—" : `${fmtNumber(l.p10, d)}–${fmtNumber(l.p90, d)}`,
        l.min === null ? "—" : `${fmtNumber(l.min, d)}–${fmtNumber(l.max, d)}`,
        l.unit, fmtPct(l.coverage),
      ];
    }),
  };
}

function latLon(lat: number, lon: number): string {
  return `${Math.abs(lat).toFixed(2)}° ${lat >= 0 ? "N" : "S"}, ${Math.abs(lon).toFixed(2)}° ${lon >= 0 ? "E" : "W"}`;
}

export function candidateAreasTable(profile: BriefProfile): TableModel {
  return {
    columns: [
      { title: "Candidate area", width: 8, align: "right" }, { title: "Country", width: 22 }, { title: "Centre (best cell)", width: 22 },
      { title: "Area km²", width: 12, align: "right" }, { title: "Mean score", width: 12, align: "right" }, { title: "Best cell", width: 12, align: "right" },
    ],
    rows: profile.candidateAreas.map((z) => [String(z.rank), z.country ?? "—", latLon(z.lat, z.lon), fmtNumber(z.areaKm2, 0), fmtFixed(z.meanScore, 1), fmtFixed(z.bestScore, 1)]),
    rowStyle: profile.candidateAreas.map((z) => (z.rank === 1 ? "strong" : null)),
  };
}

export function comparisonTable(content: StrategyBriefContent): TableModel {
  const rows = content.comparison?.rows ?? [];
  return {
    columns: [
      { title: "#", width: 4, align: "right" }, { title: "Region", width: 20 }, { title: "Land km²", width: 12, align: "right" }, { title: "Passing", width: 9, align: "right" },
      { title: "Best candidate area", width: 9, align: "right" }, { title: "Median", width: 9, align: "right" }, { title: "Top decile from", width: 10, align: "right" },
      { title: "Candidate areas", width: 7, align: "right" }, { title: "Grid gCO2/kWh (median)", width: 11, align: "right" }, { title: "Free cooling h/yr (median)", width: 11, align: "right" },
    ],
    rows: rows.map((r) => [
      String(r.rank), r.regionName, fmtNumber(r.areaKm2, 0), fmtPct(r.passShare), fmtFixed(r.bestAreaScore, 1), fmtFixed(r.medianScore, 1), fmtFixed(r.p90Score, 1),
      String(r.candidateAreas), fmtNumber(r.carbonMedian_gco2_per_kwh, 0), fmtNumber(r.freeCoolingMedian_h_per_yr, 0),
    ]),
    rowStyle: rows.map((r) => (r.profiled ? "strong" : null)),
  };
}

export function planDemandTable(plan: BriefPlan): TableModel {
  const rows: string[][] = [];
  for (const w of plan.workloads) {
    if (w.rttSlaMs === null) {
      rows.push([w.id, "anywhere (no latency limit)", fmtPct(w.share), fmtNumber(w.mw, 0)]);
      continue;
    }
    for (const m of plan.markets) rows.push([w.id, `${m.name}, ≤ ${fmtNumber(w.rttSlaMs, 0)} ms round trip`, fmtPct(w.share * m.share, 1), fmtNumber(w.mw * m.share, 0)]);
  }
  return {
    columns: [{ title: "Workload", width: 14 }, { title: "Where it must be served", width: 46 }, { title: "Share", width: 10, align: "right" }, { title: "MW", width: 10, align: "right" }],
    rows,
  };
}

export function planTotalsTable(plan: BriefPlan): TableModel {
  const row = (label: string, unit: string, v: number, b: number): string[] => [label, unit, fmtNumber(v, 0), fmtNumber(b, 0), changeText(v, b) ?? "—"];
  const t = plan.totals, b = plan.baseline.totals;
  return {
    columns: [{ title: "Per year", width: 26 }, { title: "Unit", width: 10 }, { title: "Plan", width: 16, align: "right" }, { title: "At demand", width: 16, align: "right" }, { title: "Change", width: 10, align: "right" }],
    rows: [
      row("IT capacity", "MW", t.it_mw, b.it_mw),
      row("Grid energy", "MWh", t.grid_mwh, b.grid_mwh),
      row("CO2, location-based", "t", t.co2_t, b.co2_t),
      row("Site water", "m³", t.water_m3, b.water_m3),
    ],
  };
}

export function builtTable(plan: BriefPlan): TableModel {
  return {
    columns: [
      { title: "Location", width: 18 }, { title: "Country", width: 12 }, { title: "Score", width: 7, align: "right" }, { title: "MW", width: 8, align: "right" },
      { title: "Serves", width: 20 }, { title: "Grid MWh/yr", width: 11, align: "right" }, { title: "tCO2/yr", width: 10, align: "right" }, { title: "Water m³/yr", width: 11, align: "right" },
      { title: "At max size", width: 7, align: "center" },
    ],
    rows: plan.built.map((c) => [
      c.name, c.country ?? "—", fmtFixed(c.score, 1), fmtNumber(c.built_mw, 0), c.serves.join(", "),
      fmtNumber(c.grid_mwh_per_yr, 0), fmtNumber(c.co2_t_per_yr, 0), fmtNumber(c.water_m3_per_yr, 0), c.atLimit ? "yes" : "",
    ]),
  };
}

export function allocationTable(plan: BriefPlan): TableModel {
  return {
    columns: [{ title: "Location", width: 24 }, { title: "Workload", width: 14 }, { title: "Serves", width: 26 }, { title: "MW", width: 10, align: "right" }, { title: "RTT ms", width: 10, align: "right" }],
    rows: plan.allocations.map((a) => [a.candidateName, a.workload, a.market === "any" ? "anywhere" : a.market, fmtNumber(a.mw, 0), fmtFixed(a.rtt_ms, 1)]),
  };
}

/** The plan's inputs and solver in one sentence. */
export function planSetupLine(plan: BriefPlan): string {
  return `${fmtNumber(plan.total_mw, 0)} MW of IT capacity over ${plan.candidateCount} candidate${plan.candidateCount === 1 ? "" : "s"} (${plan.candidateSource}), at most ${fmtNumber(plan.maxMwPerCandidate, 0)} MW each${plan.minBuildMw !== null ? ` and at least ${fmtNumber(plan.minBuildMw, 0)} MW where built` : ""}; data rule: ${plan.rule}; minimising ${plan.objectiveTitle}.`;
}

export function solverLine(plan: BriefPlan): string {
  const s = plan.solver;
  return `Solved by ${s.name} (${s.integer ? "mixed-integer" : "linear"} programme, ${fmtNumber(s.variables, 0)} variables, ${fmtNumber(s.constraints, 0)} constraints): ${s.status.toLowerCase()} in ${fmtNumber(s.seconds * 1000, 0)} ms. ${plan.status === "optimal" ? "All demand is met." : "Some demand is not met: see the shortfalls."}`;
}

/** Section titles in order, numbered by what the brief holds. */
export function briefSections(content: StrategyBriefContent): { id: string; title: string }[] {
  return [
    { id: "summary", title: "Summary" },
    { id: "profile", title: `Region profile: ${content.profile.regionName}` },
    ...(content.comparison ? [{ id: "comparison", title: "Regions compared" }] : []),
    ...(content.plan ? [{ id: "plan", title: "Capacity plan" }] : []),
    { id: "methodology", title: "Methodology" },
    { id: "provenance", title: "Data provenance and licences" },
    { id: "limitations", title: "Limitations and reproducibility" },
  ].map((x, i) => ({ ...x, title: `${i + 1}. ${x.title}` }));
}

/** The reproducibility record, one line per hash (web joins them, the PDF stacks them). */
export function reproducibilityLines(content: StrategyBriefContent): string[] {
  const r = content.reproducibility;
  return [
    `Inputs SHA-256 ${r.inputsHash}`,
    `Scenario SHA-256 ${r.scenarioHash}`,
    `Data manifest ${r.dataManifestHash} (profile ${r.dataProfile})`,
    `${r.appName} ${r.appVersion}, generated ${r.generatedAt}`,
  ];
}

export const REPRODUCIBILITY_NOTE = "The JSON download holds the inputs (scenario, regions, candidate area settings, plan); making the brief again from them with the same data build and app version gives the same numbers.";
