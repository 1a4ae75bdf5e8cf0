/**
 * The "power market" section of a document (issue 15): at a site or a candidate area, the curated
 * facts on market structure, the corporate PPA route, certificates, the power-sector carbon price and
 * data-centre connection rules, each with its citation and as-of date (data/curated/power-market.csv,
 * sampled by server/layers/powerMarket.ts), and what the route means for the contracted CFE share.
 * The report (per site) and the brief (per candidate area) both build and print it from here.
 */
import { POWER_MARKET_LAYERS, type PowerMarketAt, type PowerMarketField } from "@/server/layers/powerMarket";
import { fmtNumber } from "./format";
import type { TableModel } from "./tables";

const TITLES: Record<PowerMarketField, string> = {
  structure: "Market structure",
  corporate_ppa: "Corporate PPA route",
  eac_system: "Energy attribute certificates",
  carbon_price_usd_per_t: "Power-sector carbon price",
  large_load_restrictions: "Data-centre connection rules",
};

/** One fact as a document prints it. */
export interface PowerMarketLine {
  layer: string;
  title: string;
  /** The category's label or the price with its unit; "unknown" or the reason when missing. */
  value: string;
  note: string | null;
  citation: string | null;
  url: string | null;
  asOf: string | null;
  confidence: string | null;
  /** The country or region whose curated row applies. */
  region: string | null;
}

/** The section for one place. */
export interface DocumentPowerMarket {
  lines: PowerMarketLine[];
  /** What the PPA route does to the scenario's contracted CFE share at this place (site metrics), or null. */
  cfeNote: string | null;
}

function valueText(field: PowerMarketField, f: PowerMarketAt[PowerMarketField]): string {
  if (f.value === null) return `unknown${f.reason ? ` (${f.reason})` : ""}`;
  if (field === "carbon_price_usd_per_t" && typeof f.value === "number") return f.value === 0 ? "none (no scheme applies)" : `${fmtNumber(f.value, 0)} USD/tCO2`;
  return f.label ?? String(f.value);
}

/** The section from the facts at a place and, for a site, its CFE-route note. */
export function documentPowerMarket(facts: PowerMarketAt, cfeNote: string | null): DocumentPowerMarket {
  const lines = (Object.keys(POWER_MARKET_LAYERS) as PowerMarketField[]).map((field): PowerMarketLine => {
    const f = facts[field];
    return {
      layer: f.layer, title: TITLES[field], value: valueText(field, f), note: f.note ?? null,
      citation: f.citation, url: f.url, asOf: f.as_of, confidence: f.confidence, region: f.region?.name ?? null,
    };
  });
  return { lines, cfeNote };
}

/** The section as a table: fact, value, detail, and the source with its as-of date and confidence. */
export function powerMarketTable(section: DocumentPowerMarket): TableModel {
  return {
    columns: [{ title: "Power market", width: 16 }, { title: "Value", width: 18 }, { title: "Detail", width: 34 }, { title: "Source (as of, confidence)", width: 32 }],
    rows: section.lines.map((l) => [
      l.title, l.value, l.note ?? "—",
      l.citation ? `${l.citation}${l.asOf ? ` (as of ${l.asOf}${l.confidence ? `, ${l.confidence} confidence` : ""})` : ""}${l.region ? ` · row: ${l.region}` : ""}` : "no curated row",
    ]),
  };
}
