/**
 * The report's sentences: why a site is recommended, the summary's findings and the limitations,
 * written from the gathered inputs and the assembled cards. Shared sentences (engineering, carbon,
 * latency, data rules, boundaries) come from server/documents/limitations.ts.
 */
import type { SiteResult } from "@/server/siting/evaluate";
import type { ReportInputs } from "./gather";
import { fmtNumber, fmtPct } from "@/server/documents/format";
import { METHOD_TITLES } from "@/server/documents/methodology";
import { type ReportContent, type ReportSiteCard } from "./types";
import type { DocumentCriterion } from "@/server/documents/content";
import { ANNUAL_CARBON_FACTORS, BOUNDARIES, DATA_RULES_NOT_LEGAL_ADVICE, ENGINEERING_ESTIMATES, POWER_MARKET_SCREENING, HISTORICAL_CLIMATE, MODELLED_LATENCY } from "@/server/documents/limitations";

/** Why a site ranks where it does, in one line: its largest weighted utilities. */
export function whyLine(s: SiteResult, criteria: DocumentCriterion[]): string {
  const parts = s.criteria
    .map((c, j) => ({ title: criteria[j]!.title, v: c.contribution ?? (c.utility !== null && c.weight !== null ? c.utility * c.weight : null), u: c.utility }))
    .filter((x): x is { title: string; v: number; u: number | null } => x.v !== null && x.v > 0)
    .sort((a, b) => b.v - a.v)
    .slice(0, 2);
  if (!parts.length) return "no weighted criterion contributes";
  return `strongest on ${parts.map((p) => `${p.title} (utility ${fmtNumber(p.u, 2)})`).join(" and ")}`;
}

export function limitationsOf(inputs: ReportInputs, criteria: DocumentCriterion[], cards: ReportSiteCard[], provenance: ReportContent["provenance"]): string[] {
  const out: string[] = [];
  const proxies = provenance.layers.filter((l) => l.quality === "proxy" && l.usedFor.some((u) => u.startsWith("criterion")));
  if (proxies.length) out.push(`Proxy data: ${proxies.map((l) => l.title).join("; ")} ${proxies.length === 1 ? "is a proxy" : "are proxies"}: ${proxies.length === 1 ? "it stands" : "they stand"} in for a quantity with no open global dataset; each value's quality is shown on the site cards, and the layer's method says what would replace it.`);
  const missing = cards.reduce((n, c) => n + c.criteria.filter((v) => v.raw.value === null).length, 0);
  if (missing) out.push(`${missing} criterion value${missing === 1 ? " is" : "s are"} missing across the sites; missing values are never scored as 0 (${inputs.scenario.missing === "exclude" ? "such sites are not ranked" : "their weight is spread over the other criteria"}).`);
  const overrides = cards.reduce((n, c) => n + c.criteria.filter((v) => v.override).length, 0);
  if (overrides) out.push(`${overrides} value${overrides === 1 ? " was" : "s were"} entered by the user as site overrides (marked “user override”); they are not checked against a source.`);
  out.push(
    ENGINEERING_ESTIMATES,
    HISTORICAL_CLIMATE,
    "Free-cooling hours assume the humid hours are the warmest ones, which is optimistic where humid air comes at mild temperatures; the site cards show the range.",
    `${ANNUAL_CARBON_FACTORS} Market-based CO2 uses the grid average for the uncovered share, not a residual mix.`,
    MODELLED_LATENCY,
    DATA_RULES_NOT_LEGAL_ADVICE,
    POWER_MARKET_SCREENING,
    "Weights and value functions are value judgements of the scenario; the robustness section shows how far they can move before the recommendation changes.",
    BOUNDARIES,
  );
  if (provenance.nonCommercialNote) out.push(provenance.nonCommercialNote);
  if (criteria.some((c) => c.source === "power.price_usd_per_mwh")) out.push("Electricity prices mix observed large-user prices (US states, Europe) with a small-business proxy elsewhere; they are not negotiated PPA prices.");
  return out;
}

export function findingsOf(inputs: ReportInputs, ranked: SiteResult[], excluded: SiteResult[], unranked: SiteResult[]): string[] {
  const out: string[] = [];
  const [a, b] = ranked;
  const method = METHOD_TITLES[inputs.rank.method];
  if (a) {
    out.push(b
      ? `${a.name} ranks first with a score of ${fmtNumber(a.score, 1)} (${method}); ${b.name} is second with ${fmtNumber(b.score, 1)}, ${fmtNumber((a.score ?? 0) - (b.score ?? 0), 1)} points behind.`
      : `${a.name} is the only ranked site, with a score of ${fmtNumber(a.score, 1)} (${method}).`);
  } else out.push("No site is ranked under this scenario: see the exclusions and missing values below.");
  const first = inputs.sensitivity.reading[0];
  if (first) out.push(first);
  const smaa = inputs.sensitivity.smaa;
  if (smaa && a) {
    const k = inputs.sensitivity.sites.findIndex((s) => s.id === a.id);
    if (k >= 0) out.push(`With weights drawn at random (SMAA, ${smaa.samples.toLocaleString("en")} draws), ${a.name} ranks first in ${fmtPct(smaa.firstRankShare[k] ?? 0)} of them.`);
  }
  if (excluded.length) out.push(`${excluded.length} site${excluded.length === 1 ? " is" : "s are"} excluded by hard constraints: ${excluded.slice(0, 5).map((s) => `${s.name} (${s.exclusionReasons[0] ?? "constraint"})`).join("; ")}${excluded.length > 5 ? "; …" : ""}.`);
  if (unranked.length) out.push(`${unranked.length} site${unranked.length === 1 ? " is" : "s are"} not ranked because a weighted value is missing: ${unranked.slice(0, 5).map((s) => s.name).join(", ")}${unranked.length > 5 ? ", …" : ""}.`);
  const tau = inputs.rank.agreement.filter((x) => x.tau !== null).map((x) => x.tau!);
  if (tau.length && ranked.length > 2) out.push(`The other ranking methods agree with this order with Kendall's tau between ${fmtNumber(Math.min(...tau), 2)} and ${fmtNumber(Math.max(...tau), 2)}.`);
  return out;
}
