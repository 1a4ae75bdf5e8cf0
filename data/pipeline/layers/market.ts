/**
 * Power-market layers (issue 15) from the curated table data/curated/power-market.csv (one cited
 * row per Natural Earth country plus regional rows; power-market.md defines every category). Built
 * on the `subdivisions` polygon set, so a regional rule (Dublin's connection policy, Shanghai's
 * pilot ETS, Texas's market) applies inside its region and the country row elsewhere:
 *
 * - a Natural Earth admin-1 feature (US state, Canadian province, Australian state, Brazilian state)
 *   takes its regional row, or its country's row when it has none (Brazil, Jervis Bay);
 * - a proxied region (admin1Proxy.ts) takes its regional row; its value is labelled `proxy`
 *   because its outline is approximate;
 * - a whole country, or a country's remainder outside its proxied regions, takes the country row.
 *
 * Every value carries its fact group's citation (title and URL), the row's as-of date (as `year`)
 * and confidence. `unknown` in the table stays the category `unknown` in the categorical layers (the
 * curator's statement that the fact is not known, with the citation of what was consulted), so a
 * constraint can tell "not known" from "known to be restricted"; in the numeric carbon-price layer
 * an unknown scheme is null with the reason, and "no scheme" is 0 with a note saying so.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { CategoryKey, LayerMeta, PolygonValue } from "../../schema/manifest";
import type { BuildContext } from "../context";
import type { SubdivisionFeature } from "../sources/subdivisions";
import {
  CORPORATE_PPA_ROUTES, EAC_SYSTEMS, LARGE_LOAD_RESTRICTIONS, MARKET_STRUCTURES, parsePowerMarketTable, POWER_MARKET_TABLE,
  type PowerMarketRow,
} from "../sources/powerMarket";
import { polygonLayer } from "./define";

type Value = Omit<PolygonValue, "key">;

/** No row may claim a status later than the date the table was curated (power-market.md, Method 3). */
export const POWER_MARKET_CURATION_DATE = "2026-12-02";

const UNKNOWN_COLOR = "#cccccc";

function categories<K extends string>(keys: readonly K[], labels: Record<K, [string, string]>): CategoryKey[] {
  return keys.map((key, code) => ({ code, key, label: labels[key][0], color: labels[key][1] }));
}

/** Legends (Okabe–Ito colours; unknown in light grey). */
export const MARKET_STRUCTURE_CATEGORIES = categories(MARKET_STRUCTURES, {
  liberalised: ["Liberalised: large users can choose a supplier", "#009e73"],
  single_buyer: ["Single buyer: one state buyer purchases all generation", "#e69f00"],
  vertically_integrated: ["Vertically integrated utility, no supplier choice", "#d55e00"],
  unknown: ["Unknown (not researched, or set by state/province)", UNKNOWN_COLOR],
});
export const CORPORATE_PPA_CATEGORIES = categories(CORPORATE_PPA_ROUTES, {
  physical: ["Physical (or supplier-sleeved) corporate PPA permitted", "#009e73"],
  virtual_only: ["Virtual (financial) PPA only", "#56b4e9"],
  green_tariff_or_sleeved: ["Only via the utility: green tariff or utility-sleeved PPA", "#f0e442"],
  not_permitted: ["No corporate PPA route", "#d55e00"],
  unknown: ["Unknown", UNKNOWN_COLOR],
});
export const EAC_CATEGORIES = categories(EAC_SYSTEMS, {
  aib_go: ["Guarantees of origin (AIB/EECS)", "#0072b2"],
  go_non_aib: ["Guarantees of origin (EU RED, not AIB)", "#56b4e9"],
  us_rec: ["US Renewable Energy Certificates", "#009e73"],
  i_rec: ["I-REC", "#e69f00"],
  china_gec: ["China Green Electricity Certificates", "#d55e00"],
  japan_nfc: ["Japan non-fossil certificates", "#cc79a7"],
  tigr: ["TIGR", "#f0e442"],
  other: ["Other national scheme (see the note)", "#8c6d31"],
  none: ["No certificate system", "#444444"],
  unknown: ["Unknown", UNKNOWN_COLOR],
});
/**
 * Legend order is best first for a site (the scenario editor's default utilities fall along it), so
 * the large-load categories run from none known to moratorium, unknown last.
 */
const LARGE_LOAD_ORDER = ["none_known", "conditional", "allocation_regime", "moratorium", "unknown"] as const satisfies readonly (typeof LARGE_LOAD_RESTRICTIONS)[number][];
export const LARGE_LOAD_CATEGORIES = categories(LARGE_LOAD_ORDER.length === LARGE_LOAD_RESTRICTIONS.length ? LARGE_LOAD_ORDER : LARGE_LOAD_RESTRICTIONS, {
  moratorium: ["Moratorium: new data-centre connections halted", "#d55e00"],
  allocation_regime: ["Allocation regime: capacity only through a call or tender", "#e69f00"],
  conditional: ["Conditional: designated zones, large-load tariffs or special conditions", "#f0e442"],
  none_known: ["No data-centre connection restriction known", "#009e73"],
  unknown: ["Unknown", UNKNOWN_COLOR],
});

/** The row that applies to each feature of the subdivisions set (see the module comment). */
export function rowsByFeature(features: readonly SubdivisionFeature[], rows: readonly PowerMarketRow[]): Map<string, PowerMarketRow> {
  const byKey = new Map(rows.map((r) => [r.iso_3166_2 || r.adm0_a3, r]));
  const countryRow = new Map(rows.filter((r) => !r.iso_3166_2).map((r) => [r.adm0_a3, r]));
  const out = new Map<string, PowerMarketRow>();
  for (const f of features) {
    const { level, country } = f.props;
    const row = level === "admin1" || level === "admin1_proxy" ? byKey.get(f.key) ?? countryRow.get(country) : countryRow.get(country);
    if (!row) throw new Error(`${POWER_MARKET_TABLE}: no row applies to subdivision ${f.key} (${f.name})`);
    if (level === "admin1_proxy" && row.iso_3166_2 !== f.key) throw new Error(`${POWER_MARKET_TABLE}: proxied region ${f.key} has no regional row`);
    out.set(f.key, row);
  }
  return out;
}

/** Reads and validates the table against the countries and the subdivisions (every regional code needs an outline). */
export function readPowerMarketRows(ctx: BuildContext): PowerMarketRow[] {
  const text = readFileSync(path.join(ctx.repoDir, POWER_MARKET_TABLE), "utf8");
  const countries = new Map(ctx.countries.features.map((f) => [f.key, { iso2: f.props.iso2 ?? null }]));
  const regions = new Set(ctx.subdivisions.features.filter((f) => f.props.level === "admin1" || f.props.level === "admin1_proxy").map((f) => f.key));
  return parsePowerMarketTable(text, { countries, regions, latestAsOf: POWER_MARKET_CURATION_DATE });
}

const PROXY_OUTLINE = "The region's outline is approximate (Voronoi of Natural Earth and GeoNames admin-1 points, clipped to the country; data/pipeline/sources/admin1Proxy.ts): near its boundary the neighbouring region's rule may apply.";

function rowLabel(r: PowerMarketRow): string {
  return `${r.adm0_a3}${r.iso_3166_2 ? ` ${r.iso_3166_2}` : ""}`;
}

export function buildMarketLayers(ctx: BuildContext): LayerMeta[] {
  const rows = readPowerMarketRows(ctx);
  const features = ctx.subdivisions.features as SubdivisionFeature[];
  const rowOf = rowsByFeature(features, rows);
  const asOf = rows.map((r) => r.as_of).sort();
  const vintage = `as of ${asOf[0]} to ${asOf.at(-1)} (date per row)`;
  const proxied = (f: SubdivisionFeature) => f.props.level === "admin1_proxy" || f.props.level === "country_remainder";

  /** One value per feature: the row's value for a fact group, with that group's citation. */
  const values = (make: (r: PowerMarketRow) => { value: string | number | null; note: string; reason?: string; citation: string; url: string }) => {
    const out = new Map<string, Value>();
    for (const f of features) {
      const r = rowOf.get(f.key)!;
      const v = make(r);
      const tail = [`Curated row ${rowLabel(r)} (confidence ${r.confidence}).`, proxied(f) ? PROXY_OUTLINE : ""].filter(Boolean).join(" ");
      out.set(f.key, {
        value: v.value,
        year: r.as_of,
        source: "curated-power-market",
        ...(v.value === null ? { reason: `${v.reason} ${tail}` } : { note: [v.note, tail].filter(Boolean).join(" ") }),
        url: v.url,
        citation: v.citation,
        confidence: r.confidence,
        ...(proxied(f) ? { quality: "proxy" as const } : {}),
      });
    }
    return out;
  };
  const market = (pick: (r: PowerMarketRow) => string, note: (r: PowerMarketRow) => string) =>
    values((r) => ({ value: pick(r), note: note(r), citation: r.market_source_title, url: r.market_source_url }));
  const noRow = (key: string) => `No curated power-market row applies to ${key}.`;
  const common = {
    category: "market" as const, unit: "category", direction: "categorical" as const, quality: "observed" as const,
    resolution: "country; US states, Canadian provinces, Australian states and proxied regions (CN pilots, Dublin, Hesse, Noord-Holland, Groningen, Tokyo, Saitama, Johor, northern Taiwan)",
    vintage, sources: ["curated-power-market", "natural-earth-admin0", "natural-earth-admin1", "natural-earth-populated-places", "geonames-cities"], valueType: "categorical" as const,
  };
  const method = (what: string) => `${what} Hand-curated with one citation per fact group, an as-of date and a confidence per row (data/curated/power-market.csv; definitions and tie-break rules in power-market.md). "Unknown" is the curator's statement that the fact was not researched or could not be verified, not a guess. A screening aid, not legal or commercial advice.`;

  return [
    polygonLayer(ctx, {
      ...common, id: "market.structure", title: "Power-market structure",
      description: "Whether large users can choose a competitive supplier (liberalised), or one state buyer or a vertically integrated utility supplies them.",
      method: method("Market structure as defined in power-market.md: capped supplier choice still counts as liberalised; a named single-buyer function is single_buyer; otherwise an incumbent without choice is vertically_integrated."),
      categories: MARKET_STRUCTURE_CATEGORIES, ramp: "market_structure",
    }, ctx.subdivisions, market((r) => r.market_structure, () => ""), noRow),
    polygonLayer(ctx, {
      ...common, id: "market.corporate_ppa", title: "Corporate PPA route",
      description: "The best legal route for a large buyer to contract new wind or solar: physical PPA, virtual PPA only, only via the utility (green tariff, sleeved), or none.",
      method: method("The best legally available route in the order physical > virtual_only > green_tariff_or_sleeved > not_permitted (power-market.md). A utility-sleeved PPA is green_tariff_or_sleeved, a retailer-sleeved one physical; pilots not in force and virtual PPAs with projects in another market are not counted. The engineering model uses it to check a scenario's contracted carbon-free share."),
      categories: CORPORATE_PPA_CATEGORIES, ramp: "corporate_ppa",
    }, ctx.subdivisions, market((r) => r.corporate_ppa, (r) => r.notes), noRow),
    polygonLayer(ctx, {
      ...common, id: "market.eac_system", title: "Energy attribute certificates",
      description: "Which certificate system backs renewable-electricity claims (market-based Scope 2): AIB guarantees of origin, US RECs, I-REC, China GEC, Japan non-fossil certificates, another national scheme, or none.",
      method: method("The energy attribute certificate system used for renewable-electricity claims; where a national statutory scheme and I-RECs both exist, the national scheme is recorded (power-market.md)."),
      categories: EAC_CATEGORIES, ramp: "eac_system",
    }, ctx.subdivisions, market((r) => r.eac_system, (r) => r.eac_detail), noRow),
    polygonLayer(ctx, {
      ...common, id: "market.carbon_price_usd_per_t", title: "Carbon price on power generation",
      description: "Latest price of the ETS or carbon tax that prices power-sector emissions, USD per tCO2 (0 where no scheme applies).",
      method: method("Headline price of the scheme that prices power generation (or, for China's pilots and Tokyo/Saitama, the regional scheme): annual averages, dated auction or settlement prices, or statutory rates, converted at the exchange rates stated in power-market.md; free allocation makes effective costs lower. 0 means no carbon tax or ETS prices power generation there (curated as none), not a measured price of zero. Missing where it is unknown whether a scheme applies, or where a scheme applies but no verifiable price was found."),
      unit: "USD/tCO2", direction: "lower_is_better", valueType: "continuous", domain: [0, 100], ramp: "carbon_price",
    }, ctx.subdivisions, values((r) => {
      const cite = { citation: r.carbon_price_source_title, url: r.carbon_price_source_url };
      if (r.carbon_price_scheme === "none") return { ...cite, value: 0, note: "No carbon tax or ETS prices power generation here (curated as none): 0 means no scheme applies, not a measured price." };
      if (r.carbon_price_scheme === "unknown") return { ...cite, value: null, note: "", reason: "Unknown whether a carbon tax or ETS prices power generation here (not verified for this table)." };
      if (r.carbon_price_usd_per_t === null) return { ...cite, value: null, note: "", reason: `${r.carbon_price_scheme} applies, but the curated table has no verifiable price per tCO2 for it. ${r.notes}` };
      return { ...cite, value: r.carbon_price_usd_per_t, note: `${r.carbon_price_scheme}: USD ${r.carbon_price_usd_per_t}/tCO2 (${r.carbon_price_year} price; basis and exchange rate in the row's notes).` };
    }), noRow),
    polygonLayer(ctx, {
      ...common, id: "market.large_load_restrictions", title: "Data-centre connection restrictions",
      description: "Any moratorium, special allocation regime or special conditions for connecting data centres and other large loads to the grid, with region and dates.",
      method: method("moratorium: new data-centre connections or permits halted in the area (including de facto halts by the system operator); allocation_regime: capacity only through a call, tender or batch; conditional: allowed under special conditions (zones, large-load tariffs, on-site generation); none_known: researched, no such rule found. General congestion, efficiency standards and crypto-only rules are none_known (power-market.md)."),
      categories: LARGE_LOAD_CATEGORIES, ramp: "large_load",
    }, ctx.subdivisions, values((r) => ({
      value: r.large_load_restriction,
      note: [r.large_load_detail, r.large_load_start && `From ${r.large_load_start}${r.large_load_end ? ` to ${r.large_load_end}` : ""}.`].filter(Boolean).join(" "),
      citation: r.large_load_source_title, url: r.large_load_source_url,
    })), noRow),
  ];
}
