/**
 * Limitation sentences every document states in the same words, so a report and a brief made from the
 * same data never describe one model's limits differently. Each document adds its own sentences
 * (the report: proxies, overrides, prices; the brief: grid resolution, the plan's linearity).
 */

/** The engineering models are screening estimates (server/models). */
export const ENGINEERING_ESTIMATES =
  "Engineering estimates (PUE, WUE, energy, CO2, water) are screening-level models from climate normals and code-level equipment, not a design: a site study with hourly weather and the chosen equipment will differ.";

/** The climate normals behind them are historical (ITU-R P.1510 and the NCEP reanalysis normals). */
export const HISTORICAL_CLIMATE =
  "Climate normals are historical (1979–2014); climate change shifts cooling hours and heat risk over a data center's life and is not modelled.";

/** Carbon factors are annual averages (server/models/carbon.ts). */
export const ANNUAL_CARBON_FACTORS =
  "Grid carbon intensities are annual averages (location-based: lifecycle factors; marginal: 2021 combined-margin defaults); hourly matching and future grid decarbonisation are not modelled.";

/** Latency is modelled, not measured (server/models/latency.ts). */
export const MODELLED_LATENCY =
  "Latency is a fibre-route model (great circle × route factor), not a measured round trip; actual routes depend on the networks contracted.";

/** Data rules come from the curated data-protection table (data/curated/data-protection.csv). */
export const DATA_RULES_NOT_LEGAL_ADVICE =
  "Jurisdiction fit and data rules summarise a curated table of data-protection regimes with citations; they are not legal advice.";

/** Power-market facts come from the curated table (data/curated/power-market.csv). */
export const POWER_MARKET_SCREENING =
  "Power-market facts (market structure, corporate PPA route, certificates, carbon price, large-load connection rules) come from a curated table with a citation and an as-of date per row; they are a screening aid, not legal or commercial advice, and rules change: check them with the market operator and counsel before relying on them.";

/** Boundaries are Natural Earth's. */
export const BOUNDARIES =
  "Country boundaries are Natural Earth's and imply no position on disputed territories.";
