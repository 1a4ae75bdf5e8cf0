/**
 * What a site's power market allows the engineering model to claim (issue 15):
 *
 * 1. Contracted carbon-free energy (CFE) needs a procurement route. The scenario's CFE share is
 *    checked against the site's corporate PPA route (layer market.corporate_ppa, curated per country
 *    or region in data/curated/power-market.csv):
 *    - physical, virtual_only, green_tariff_or_sleeved: the share counts in market-based CO2, and
 *      the route that makes it possible is named (`cfe_route`);
 *    - not_permitted: no corporate route to new renewable supply exists beyond on-site generation,
 *      so the share cannot be contracted: market-based CO2 falls back to location-based (share 0),
 *      with a note saying so;
 *    - unknown (or no value): the share is kept but the result is flagged `route_unknown` with a
 *      note: nobody has verified that it can be contracted there.
 * 2. Optionally (scenario `carbonPriceInPowerCost`, off by default) the power-sector carbon price
 *    (layer market.carbon_price_usd_per_t) is shown as a separate cost line on top of the
 *    electricity price, never folded in silently:
 *
 *      carbon_cost_usd_per_mwh = carbon price (USD/tCO2) × grid intensity (gCO2/kWh) / 1,000
 *
 *    (g/kWh ÷ 1,000 = t/MWh.) It assumes full pass-through of the generators' carbon cost at the
 *    grid-average intensity. The intensity is lifecycle (Electricity Maps), which overstates the
 *    direct emissions a carbon price applies to by roughly a tenth to a third for fossil plants
 *    (carbon.ts), and the bundled electricity prices (EIA 2018, Eurostat to 2021, Doing Business
 *    2019) already contain the carbon cost passed through at their own vintage — so adding it is a
 *    sensitivity ("what if the full current price were added"), not a forecast.
 */
import { percentPoints } from "@/server/scoring/percentPoints";
import { known, missing, toEstimate, type Estimate, type EstimateInput } from "./estimate";

/** Corporate PPA routes of the curated table (power-market.md, `corporate_ppa`). */
export const CFE_ROUTES = ["physical", "virtual_only", "green_tariff_or_sleeved", "not_permitted", "unknown"] as const;
export type CfeRoute = (typeof CFE_ROUTES)[number];

const ROUTE_TEXT: Record<CfeRoute, string> = {
  physical: "a physical (or supplier-sleeved) corporate PPA",
  virtual_only: "a virtual (financial) PPA with certificates",
  green_tariff_or_sleeved: "the utility's green tariff or a utility-sleeved PPA",
  not_permitted: "no corporate PPA route",
  unknown: "an unknown route",
};

/** The site's power-market facts the model reads (sampled by server/siting), each with its citation. */
export interface SitePowerMarket {
  /** Category key of market.corporate_ppa, or null with the reason when missing. */
  corporatePpa: { value: string | null; reason?: string; citation?: string; url?: string; as_of?: string; confidence?: string };
  /** market.carbon_price_usd_per_t: USD/tCO2 (0 = no scheme applies), or null with the reason. */
  carbonPriceUsdPerT: EstimateInput;
  /** The scheme and price basis (the layer value's note), shown with the cost line. */
  carbonPriceNote?: string;
  /** power.price_usd_per_mwh at the site, for the "power cost with carbon" line. */
  powerPriceUsdPerMwh: EstimateInput;
}

/** How the CFE claim fares at this site. */
export type CfeFlag = "no_cfe_claimed" | "route_available" | "no_ppa_route" | "route_unknown";

/** What the site's power market does to its market-based figure and its power cost. */
export interface PowerMarketExplanation {
  /** The corporate PPA route that makes the market-based figure possible (null = no value). */
  cfe_route: CfeRoute | null;
  cfe_flag: CfeFlag;
  /** The scenario's contracted carbon-free share, 0–1. */
  cfe_share_requested: number | null;
  /** The share counted in market-based CO2 (0 where no route exists). */
  cfe_share_applied: number | null;
  /** One sentence for the site's metric explanation. */
  note: string;
  /** Citation of the PPA route (curated row). */
  route_citation: string | null;
  route_url: string | null;
  route_as_of: string | null;
  route_confidence: string | null;
  carbon_price_usd_per_t: Estimate;
  /** Whether the scenario adds the carbon price to the power cost. */
  carbon_price_added: boolean;
  /** Carbon cost per MWh drawn from the grid (only when added; else null with the reason). */
  carbon_cost_usd_per_mwh: Estimate;
  /** Electricity price at the site + the carbon cost line (only when added). */
  power_cost_with_carbon_usd_per_mwh: Estimate;
  carbon_note: string | null;
}

function asRoute(v: string | null): CfeRoute | null {
  return v !== null && (CFE_ROUTES as readonly string[]).includes(v) ? (v as CfeRoute) : null;
}

const pct = (share: number) => `${percentPoints(share)} %`;

/** The CFE share that counts in market-based CO2 at a site, with the route, flag and note. */
export function checkCfeRoute(cfeShare: EstimateInput, market: SitePowerMarket | null): Pick<PowerMarketExplanation, "cfe_route" | "cfe_flag" | "cfe_share_requested" | "cfe_share_applied" | "note" | "route_citation" | "route_url" | "route_as_of" | "route_confidence"> {
  const requested = toEstimate(cfeShare, "carbon-free energy share").value;
  const ppa = market?.corporatePpa;
  const route = asRoute(ppa?.value ?? null);
  const cite = {
    route_citation: ppa?.citation ?? null, route_url: ppa?.url ?? null, route_as_of: ppa?.as_of ?? null, route_confidence: ppa?.confidence ?? null,
  };
  const source = ppa?.citation ? ` (${ppa.citation}${ppa.as_of ? `, as of ${ppa.as_of}` : ""})` : "";
  if (requested === null || requested === 0) {
    return { ...cite, cfe_route: route, cfe_flag: "no_cfe_claimed", cfe_share_requested: requested, cfe_share_applied: requested,
      note: `No contracted carbon-free share is claimed, so market-based CO2 equals location-based. Route available here: ${route ? ROUTE_TEXT[route] : "no value"}${source}.` };
  }
  if (route === "not_permitted") {
    return { ...cite, cfe_route: route, cfe_flag: "no_ppa_route", cfe_share_requested: requested, cfe_share_applied: 0,
      note: `Corporate PPAs are not permitted here${source}: the scenario's ${pct(requested)} contracted carbon-free share cannot be procured, so market-based CO2 falls back to location-based (only on-site generation could count).` };
  }
  if (route === null || route === "unknown") {
    const why = route === null ? `no PPA-route value (${ppa?.reason ?? "market.corporate_ppa not sampled"})` : `the corporate PPA route is unknown${source}`;
    return { ...cite, cfe_route: route, cfe_flag: "route_unknown", cfe_share_requested: requested, cfe_share_applied: requested,
      note: `Unverified: ${why}, so whether the scenario's ${pct(requested)} contracted carbon-free share can be procured here is not known; market-based CO2 assumes it can.` };
  }
  return { ...cite, cfe_route: route, cfe_flag: "route_available", cfe_share_requested: requested, cfe_share_applied: requested,
    note: `The ${pct(requested)} contracted carbon-free share is possible through ${ROUTE_TEXT[route]}${source}.` };
}

/**
 * The power-market explanation of a site: the CFE check and, when `addCarbonPrice`, the carbon cost
 * line (see the module comment). `gridIntensityGPerKwh` is the location-based intensity.
 */
export function powerMarketExplanation(
  market: SitePowerMarket | null, cfeShare: EstimateInput, gridIntensityGPerKwh: EstimateInput, addCarbonPrice: boolean,
): PowerMarketExplanation {
  const cfe = checkCfeRoute(cfeShare, market);
  const price = market ? toEstimate(market.carbonPriceUsdPerT, "carbon price") : missing("carbon price: market.carbon_price_usd_per_t not sampled");
  const off = missing("not added: the scenario's carbon-price option (carbonPriceInPowerCost) is off");
  let cost: Estimate = off, total: Estimate = off;
  if (addCarbonPrice) {
    const intensity = toEstimate(gridIntensityGPerKwh, "grid intensity");
    cost = price.value === null ? missing(price.reason) : intensity.value === null ? missing(intensity.reason) : known((price.value * intensity.value) / 1000);
    const power = market ? toEstimate(market.powerPriceUsdPerMwh, "electricity price") : missing("electricity price: not sampled");
    total = cost.value === null ? cost : power.value === null ? missing(power.reason) : known(power.value + cost.value);
  }
  const carbonNote = price.value === 0
    ? "No carbon tax or ETS prices power generation here: no carbon cost applies."
    : market?.carbonPriceNote
      ? `${market.carbonPriceNote}${addCarbonPrice ? " Added as a separate line at full pass-through of the grid-average intensity; the electricity price may already contain part of it (module comment of server/models/powerMarket.ts)." : ""}`
      : null;
  return { ...cfe, carbon_price_usd_per_t: price, carbon_price_added: addCarbonPrice, carbon_cost_usd_per_mwh: cost, power_cost_with_carbon_usd_per_mwh: total, carbon_note: carbonNote };
}
