/**
 * The report's own tables (shared ones: server/documents/tables.ts) as plain rows of text, formatted once, so the web page and the PDF print the
 * same cells (each renderer only lays them out). Column widths are relative weights.
 */
import { fmtFixed, fmtNumber, fmtPct, fmtValue, QUALITY_TEXT } from "@/server/documents/format";
import type { TableColumn, TableModel } from "@/server/documents/tables";
import type { ReportContent, ReportSiteCard } from "./types";

const FIT_TEXT: Record<string, string> = { allowed: "allowed", conditional: "conditional", excluded: "excluded" };

export function keyNumbersTable(content: ReportContent): TableModel {
  return {
    columns: [
      { title: "#", width: 3, align: "right" }, { title: "Site", width: 17 }, { title: "Score", width: 6, align: "right" },
      { title: "PUE", width: 6, align: "right" }, { title: "Grid energy MWh/yr", width: 11, align: "right" },
      { title: "tCO2/yr location", width: 10, align: "right" }, { title: "tCO2/yr marginal", width: 10, align: "right" }, { title: "tCO2/yr market", width: 10, align: "right" },
      { title: "Water m³/yr", width: 10, align: "right" }, { title: "RTT ms", width: 7, align: "right" }, { title: "Jurisdiction", width: 10 },
    ],
    rows: content.summary.keyNumbers.map((r) => [
      String(r.rank ?? "—"), r.name, fmtFixed(r.score, 1), fmtFixed(r.pue, 2), fmtNumber(r.annual_grid_energy_mwh, 0),
      fmtNumber(r.co2_location_t_per_yr, 0), fmtNumber(r.co2_marginal_t_per_yr, 0), fmtNumber(r.co2_market_t_per_yr, 0),
      fmtNumber(r.water_m3_per_yr, 0), fmtFixed(r.rtt_mean_ms, 1), r.jurisdiction_fit ? FIT_TEXT[r.jurisdiction_fit] ?? r.jurisdiction_fit : "—",
    ]),
    rowStyle: content.summary.keyNumbers.map((r) => (r.rank === 1 ? "strong" : null)),
  };
}

/** Criteria shown as columns of the ranking table (more would not fit a page). */
export const RANKING_TABLE_CRITERIA = 6;

export function rankingTable(content: ReportContent): TableModel {
  const crit = content.ranking.criteria.slice(0, RANKING_TABLE_CRITERIA);
  const byId = new Map(content.sites.map((s) => [s.id, s]));
  const sites = content.ranking.order.map((id) => byId.get(id)!);
  return {
    columns: [
      { title: "#", width: 3, align: "right" }, { title: "Site", width: 16 }, { title: "Country", width: 10 }, { title: "Score", width: 6, align: "right" },
      ...crit.map((c): TableColumn => ({ title: `${c.title.length > 22 ? `${c.title.slice(0, 21)}…` : c.title}${c.unit ? ` (${c.unit.length > 12 ? `${c.unit.slice(0, 11)}…` : c.unit})` : ""}`, width: 9, align: "right" })),
      { title: "Status", width: 14 },
    ],
    rows: sites.map((s) => [
      String(s.rank ?? "—"), s.name, s.country?.iso3 ?? s.country?.name ?? "—", s.excluded ? "—" : fmtFixed(s.score, 1),
      ...crit.map((_, j) => fmtValue(s.criteria[j]!.raw) + (s.criteria[j]!.override ? "*" : "")),
      s.excluded ? `excluded: ${s.exclusionReasons.join("; ")}` : s.rank === null ? `not ranked: ${s.unrankedReason ?? ""}` : s.rank === 1 ? "recommended" : "ranked",
    ]),
    rowStyle: sites.map((s) => (s.rank === 1 ? "strong" : s.rank === null ? "muted" : null)),
  };
}

export function siteCriteriaTable(card: ReportSiteCard, content: ReportContent): TableModel {
  return {
    columns: [
      { title: "Criterion", width: 20 }, { title: "Raw value", width: 14, align: "right" }, { title: "Quality", width: 9 },
      { title: "Utility", width: 7, align: "right" }, { title: "Weight", width: 7, align: "right" }, { title: "Contrib.", width: 7, align: "right" },
      { title: "Source of the value", width: 26 },
    ],
    rows: content.ranking.criteria.map((c, j) => {
      const v = card.criteria[j]!;
      return [
        c.title,
        v.raw.value === null ? "missing" : `${fmtValue(v.raw)}${c.unit && !v.raw.label ? ` ${c.unit}` : ""}`,
        QUALITY_TEXT[v.raw.quality] ?? v.raw.quality,
        fmtFixed(v.utility, 2), fmtFixed(v.weight, 3), fmtFixed(v.contribution, 3),
        v.raw.value === null ? (v.raw.reason ?? "") : v.override ? "user override" : (v.raw.provenance ?? ""),
      ];
    }),
  };
}

export function siteMetricsTable(card: ReportSiteCard): TableModel {
  return {
    columns: [{ title: "Engineering estimate", width: 22 }, { title: "Value", width: 14, align: "right" }, { title: "Unit", width: 9 }],
    rows: card.metrics.filter((m) => m.id !== "jurisdiction_fit").map((m) => [m.title, m.value === null ? "—" : typeof m.value === "number" ? fmtNumber(m.value, m.decimals) : m.value, m.value === null ? (m.reason ?? "").slice(0, 40) : m.unit]),
  };
}

function layerValuesTable(heading: string, values: ReportSiteCard["hazards"]): TableModel {
  return {
    columns: [{ title: heading, width: 22 }, { title: "Value", width: 14, align: "right" }, { title: "Quality", width: 9 }],
    rows: values.map((h) => [h.title, h.value.value === null ? "—" : `${fmtValue(h.value)}${h.value.label || !h.value.unit ? "" : ` ${h.value.unit}`}`, QUALITY_TEXT[h.value.quality] ?? h.value.quality]),
  };
}

export function siteHazardsTable(card: ReportSiteCard): TableModel {
  return layerValuesTable("Hazard", card.hazards);
}

/** Grid, towns and water around the site. */
export function siteLocalEvidenceTable(card: ReportSiteCard): TableModel {
  return layerValuesTable("Local evidence", card.localEvidence);
}

export function agreementTable(content: ReportContent): TableModel {
  return {
    columns: [{ title: "Method", width: 20 }, { title: "Kendall's tau-b with this ranking", width: 20, align: "right" }, { title: "Note", width: 40 }],
    rows: content.robustness.agreement.map((a) => [a.title, fmtFixed(a.tau, 2), a.note ?? ""]),
  };
}

/** One line describing a site's place: country, coordinates, grid zone. */
export function siteLocationLine(s: ReportSiteCard): string {
  const lat = `${Math.abs(s.lat).toFixed(2)}° ${s.lat >= 0 ? "N" : "S"}`, lon = `${Math.abs(s.lon).toFixed(2)}° ${s.lon >= 0 ? "E" : "W"}`;
  return [s.country ? `${s.country.name}${s.country.iso3 ? ` (${s.country.iso3})` : ""}` : "no country", `${lat}, ${lon}`, s.gridZone ? `grid zone ${s.gridZone.name}` : null].filter(Boolean).join(" · ");
}

/** The climate and cooling summary of a site card, as sentences. */
export function climateLines(s: ReportSiteCard): string[] {
  const out: string[] = [];
  const c = s.climate;
  if (c) {
    const mean = c.monthlyMeanC.reduce((a, v) => a + v, 0) / 12;
    out.push(`Annual mean ${fmtNumber(mean, 1)} °C, warmest month ${fmtNumber(Math.max(...c.monthlyMeanC), 1)} °C, coldest ${fmtNumber(Math.min(...c.monthlyMeanC), 1)} °C${c.elevationM !== null ? `; elevation about ${fmtNumber(c.elevationM, 0)} m` : ""}.`);
    out.push(`Air-side free cooling ${fmtNumber(c.freeCoolingHoursPerYear, 0)} h/yr (${fmtPct(c.freeCoolingHoursPerYear / 8760)} of the year; dry bulb ≤ ${c.freeCoolingDryBulbLimitC} °C and dew point ≤ ${c.freeCoolingDewPointLimitC} °C, limited by ${c.freeCoolingLimitedBy === "dry_bulb" ? "temperature" : "humidity"}); ${fmtNumber(c.freeCoolingRangeHours[0], 0)}–${fmtNumber(c.freeCoolingRangeHours[1], 0)} h/yr if humid hours are not the warmest.`);
  } else out.push(s.climateReason ?? "No climate profile.");
  const k = s.cooling;
  if (k) {
    const pue = s.metrics.find((m) => m.id === "pue")?.value;
    out.push(`${k.archetype_title}: PUE ${typeof pue === "number" ? fmtFixed(pue, 2) : "—"} = 1 + fixed ${fmtFixed(k.fixed, 3)} + fans ${fmtFixed(k.fans, 3)} + mechanical ${fmtFixed(k.mechanical, 3)} + pumps ${fmtFixed(k.pumps, 3)}; economiser ${fmtNumber(k.economiser_hours, 0)} h full and ${fmtNumber(k.partial_economiser_hours, 0)} h partial; design ${k.design_condition === "dry_bulb" ? "dry bulb" : "wet bulb"} ${fmtNumber(k.design_condition_c, 1)} °C.`);
  }
  return out;
}

/** The carbon profile of a site card, as sentences. */
export function carbonLines(s: ReportSiteCard): string[] {
  const m = (id: string) => s.metrics.find((x) => x.id === id);
  const g = s.carbon.gridIntensity, mi = s.carbon.marginalIntensity;
  const t = (id: string) => {
    const v = m(id);
    return v && typeof v.value === "number" ? `${fmtNumber(v.value, 0)} t` : `— (${v?.reason ?? "missing"})`;
  };
  return [
    `Grid intensity ${fmtValue(g)}${g.value !== null ? ` ${g.unit}` : ""} (${QUALITY_TEXT[g.quality] ?? g.quality}${g.provenance ? `; ${g.provenance}` : ""}${g.value === null && g.reason ? `; ${g.reason}` : ""}); marginal factor ${fmtValue(mi)}${mi.value !== null ? ` ${mi.unit}` : ""} (${QUALITY_TEXT[mi.quality] ?? mi.quality}${mi.provenance ? `; ${mi.provenance}` : ""}).`,
    `CO2 per year: location-based ${t("co2_location_t_per_yr")}, marginal ${t("co2_marginal_t_per_yr")}, market-based ${t("co2_market_t_per_yr")} (carbon-free share ${fmtPct(s.carbon.cfeShare)}).`,
  ];
}

/** The reproducibility record, one line per hash (web joins them, the PDF stacks them). */
export function reproducibilityLines(content: ReportContent): string[] {
  const r = content.reproducibility;
  return [
    `Scenario SHA-256 ${r.scenarioHash}`,
    `Sites SHA-256 ${r.sitesHash}`,
    `Data manifest ${r.dataManifestHash} (profile ${r.dataProfile})`,
    `${r.appName} ${r.appVersion}, generated ${r.generatedAt}`,
    ...(r.smaa ? [`SMAA ${r.smaa.samples.toLocaleString("en")} samples, seed ${r.smaa.seed}`] : []),
  ];
}

export const REPRODUCIBILITY_NOTE = "The JSON export holds the scenario and the sites; ranking them again with the same data build and app version gives the same scores and ranks.";
