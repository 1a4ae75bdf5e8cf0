/**
 * Open exports of a report (issue 6 item 3), all from the same content as the PDF and web page:
 * - CSV: one row per site, ranking and metrics and every criterion's raw value, utility, weight and
 *   contribution; units in the header (`column [unit]`);
 * - GeoJSON (RFC 7946): one Point feature per site with the same values as properties, plus a
 *   `fields` foreign member naming each property's unit and meaning;
 * - JSON: the scenario and the sites exactly as ranked, with the results and the reproducibility
 *   record. Re-ranking `scenario` and `sites` from it with the same data build reproduces every score
 *   and rank exactly (tests/unit/reports/exports.test.ts).
 */
import type { ReportContent, ReportSiteCard } from "./types";

/** One CSV/GeoJSON column: a name with its unit, and how to read it from a site card. */
interface Column {
  name: string;
  unit: string;
  description: string;
  get: (s: ReportSiteCard) => string | number | boolean | null;
}

function columns(content: ReportContent): Column[] {
  const cols: Column[] = [
    { name: "rank", unit: "", description: "Rank, 1 = best (empty when excluded or not ranked)", get: (s) => s.rank },
    { name: "site_id", unit: "", description: "Site id", get: (s) => s.id },
    { name: "site_name", unit: "", description: "Site name", get: (s) => s.name },
    { name: "lat", unit: "deg", description: "Latitude, WGS 84", get: (s) => s.lat },
    { name: "lon", unit: "deg", description: "Longitude, WGS 84", get: (s) => s.lon },
    { name: "country", unit: "", description: "Country (Natural Earth)", get: (s) => s.country?.name ?? null },
    { name: "country_iso3", unit: "", description: "Country code (ISO 3166-1 alpha-3)", get: (s) => s.country?.iso3 ?? null },
    { name: "grid_zone", unit: "", description: "Electricity Maps grid zone", get: (s) => s.gridZone?.key ?? null },
    { name: "score", unit: "0-100", description: `Score, higher is better (${content.ranking.scoreNote})`, get: (s) => s.score },
    { name: "method_score", unit: "", description: `The ${content.ranking.methodTitle} method's own number`, get: (s) => s.methodScore },
    { name: "excluded", unit: "", description: "Excluded by a hard constraint", get: (s) => s.excluded },
    { name: "exclusion_reasons", unit: "", description: "Why the site is excluded or not ranked", get: (s) => [...s.exclusionReasons, ...(s.unrankedReason ? [s.unrankedReason] : [])].join("; ") || null },
  ];
  const first = content.sites[0];
  for (const m of first?.metrics ?? []) {
    const k = first!.metrics.indexOf(m);
    cols.push({ name: m.id, unit: m.unit, description: `${m.title}: ${m.description}`, get: (s) => s.metrics[k]?.value ?? null });
  }
  content.ranking.criteria.forEach((c, j) => {
    cols.push(
      { name: `${c.id}_raw`, unit: c.unit, description: `${c.title}: raw value`, get: (s) => s.criteria[j]?.raw.value ?? null },
      { name: `${c.id}_quality`, unit: "", description: `${c.title}: quality of the raw value (observed, modelled, proxy, missing, override)`, get: (s) => s.criteria[j]?.raw.quality ?? null },
      { name: `${c.id}_utility`, unit: "0-1", description: `${c.title}: utility (${c.valueFunction})`, get: (s) => s.criteria[j]?.utility ?? null },
      { name: `${c.id}_weight`, unit: "0-1", description: `${c.title}: weight applied`, get: (s) => s.criteria[j]?.weight ?? null },
      { name: `${c.id}_contribution`, unit: "0-1", description: `${c.title}: weight × utility (weighted sum only)`, get: (s) => s.criteria[j]?.contribution ?? null },
    );
  });
  return cols;
}

function sitesInOrder(content: ReportContent): ReportSiteCard[] {
  const byId = new Map(content.sites.map((s) => [s.id, s]));
  return content.ranking.order.map((id) => byId.get(id)!).filter(Boolean);
}

/**
 * CSV formula injection (OWASP "CSV Injection"): a spreadsheet treats a cell that starts with
 * = + - @, a tab or a carriage return as a formula, so a site named `=HYPERLINK(...)` could run when
 * the export is opened. Every text cell that starts with one of those characters is prefixed with an
 * apostrophe, which spreadsheets read as "this is text" and do not display. Numbers we emit ourselves
 * (e.g. a negative longitude) are written as numbers and left alone: they are data, not formulas.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV field (RFC 4180): text neutralised against formulas, then quoted when it holds a comma, quote, line break or edge space. */
export function csvField(v: string | number | boolean | null): string {
  if (v === null) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "true" : "false";
  const s = neutraliseFormula(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Header cell: the column name with its unit in brackets ("pue", "annual_grid_energy_mwh [MWh/yr]"). */
function headerCell(c: Column): string {
  return csvField(c.unit ? `${c.name} [${c.unit}]` : c.name);
}

/**
 * The ranking and metrics as CSV: UTF-8 with a byte-order mark (so spreadsheets read "Luleå" right),
 * CRLF line ends (RFC 4180), one row per site in rank order.
 */
export function reportCsv(content: ReportContent): string {
  const cols = columns(content);
  const lines = [cols.map(headerCell).join(",")];
  for (const s of sitesInOrder(content)) lines.push(cols.map((c) => csvField(c.get(s))).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** Sites as a GeoJSON FeatureCollection with every value as a property; units in the `fields` foreign member. */
export function reportGeoJson(content: ReportContent): string {
  const cols = columns(content).filter((c) => c.name !== "lat" && c.name !== "lon");
  const features = sitesInOrder(content).map((s) => ({
    type: "Feature" as const,
    id: s.id,
    geometry: { type: "Point" as const, coordinates: [s.lon, s.lat] },
    properties: Object.fromEntries(cols.map((c) => [c.name, c.get(s)])),
  }));
  return JSON.stringify({
    type: "FeatureCollection",
    name: content.title,
    fields: cols.map((c) => ({ name: c.name, unit: c.unit, description: c.description })),
    reproducibility: content.reproducibility,
    features,
  }, null, 1);
}

export const EXPORT_FORMAT = "siting-atlas.report-export";
export const EXPORT_FORMAT_VERSION = 1;

/** Scenario + sites + results JSON (see the module comment). */
export function reportJson(content: ReportContent): string {
  return JSON.stringify({
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    title: content.title,
    project: content.project,
    reproducibility: content.reproducibility,
    scenario: content.inputs.scenario,
    sites: content.inputs.sites,
    results: {
      method: content.ranking.method,
      scoreNote: content.ranking.scoreNote,
      criteria: content.ranking.criteria,
      sites: sitesInOrder(content).map((s) => ({
        id: s.id, name: s.name, rank: s.rank, score: s.score, methodScore: s.methodScore,
        excluded: s.excluded, exclusionReasons: s.exclusionReasons,
        criteria: s.criteria.map((c) => ({ criterionId: c.criterionId, raw: c.raw.value, quality: c.raw.quality, utility: c.utility, weight: c.weight, contribution: c.contribution })),
        metrics: Object.fromEntries(s.metrics.map((m) => [m.id, m.value])),
      })),
      robustness: content.robustness,
    },
  }, null, 1);
}
