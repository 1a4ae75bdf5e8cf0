/**
 * Grid carbon layers. Electricity Maps (lifecycle, consumption-based, per zone) and Ember
 * (national, production-based) are different quantities, so each gets its own layer and no value
 * of one ever fills a gap in the other (DESIGN.md §4).
 */
import { readFileSync } from "node:fs";
import type { LayerMeta, PolygonValue } from "../../schema/manifest";
import { rawPath, type BuildContext } from "../context";
import { readCsv } from "../lib/csv";
import { polygonLayer, round } from "./define";

const EM_YEARS = [2025, 2024, 2023, 2022, 2021];

interface EmZoneYear {
  carbonIntensity?: { value: number | null };
  carbonFreeEnergy?: { value: number | null };
  renewableEnergy?: { value: number | null };
}

type EmMetric = "carbonIntensity" | "carbonFreeEnergy";

/** The latest yearly Electricity Maps value per zone for one metric. */
function latestEmValues(ctx: BuildContext, metric: EmMetric): Map<string, { value: number; year: number }> {
  const latest = new Map<string, { value: number; year: number }>();
  for (const year of EM_YEARS) {
    const data = JSON.parse(readFileSync(rawPath(ctx, `grid-carbon-intensity-co2js/electricity-maps-yearly_${year}.json`), "utf8")) as Record<string, EmZoneYear>;
    for (const [zone, d] of Object.entries(data)) {
      const v = d[metric]?.value;
      if (typeof v === "number" && Number.isFinite(v) && !latest.has(zone)) latest.set(zone, { value: v, year });
    }
  }
  return latest;
}

/**
 * Zone values with the fallback rule: the zone's own Electricity Maps value; else the
 * Electricity Maps value of its country-level zone (same basis), marked as such; else missing.
 */
function emZoneValues(ctx: BuildContext, metric: EmMetric, decimals: number): Map<string, Omit<PolygonValue, "key">> {
  const latest = latestEmValues(ctx, metric);
  const out = new Map<string, Omit<PolygonValue, "key">>();
  for (const zone of ctx.zones.features) {
    const own = latest.get(zone.key);
    if (own) {
      out.set(zone.key, { value: round(own.value, decimals), year: String(own.year), source: "electricitymaps-yearly" });
      continue;
    }
    const country = zone.props.country;
    const national = country ? latest.get(country) : undefined;
    if (country && national) {
      out.set(zone.key, {
        value: round(national.value, decimals),
        year: String(national.year),
        source: "electricitymaps-yearly",
        note: `Zone ${zone.key} has no yearly value of its own; national Electricity Maps value for ${country} used (same basis).`,
      });
    }
  }
  return out;
}

function ember(ctx: BuildContext): Map<string, Omit<PolygonValue, "key">> {
  const data = JSON.parse(readFileSync(rawPath(ctx, "grid-carbon-intensity-co2js/average-intensities.json"), "utf8")) as Record<
    string,
    { country_code: string; year: number; emissions_intensity_gco2_per_kwh: number }
  >;
  const byIso3 = new Map<string, { value: number; year: number }>();
  for (const d of Object.values(data)) {
    if (/^[A-Z]{3}$/.test(d.country_code) && Number.isFinite(d.emissions_intensity_gco2_per_kwh)) {
      byIso3.set(d.country_code, { value: d.emissions_intensity_gco2_per_kwh, year: d.year });
    }
  }
  const out = new Map<string, Omit<PolygonValue, "key">>();
  for (const c of ctx.countries.features) {
    const v = c.props.iso3 ? byIso3.get(c.props.iso3) : undefined;
    if (v) out.set(c.key, { value: round(v.value, 1), year: String(v.year), source: "ember-yearly" });
  }
  return out;
}

/**
 * IFI combined margin for "Electricity Consumption" projects: the harmonised factor IFIs apply to
 * new demand, which is what a data-centre load is. A published 0 (Albania, Bhutan, DR Congo,
 * Eswatini, Ethiopia, Iceland, Lesotho, Nepal, Paraguay) is kept: IFI reports no fossil units on the margin.
 */
function ifiMargin(ctx: BuildContext): Map<string, Omit<PolygonValue, "key">> {
  const data = JSON.parse(readFileSync(rawPath(ctx, "grid-carbon-intensity-co2js/marginal-intensities-2021.json"), "utf8")) as Record<string, Record<string, string>>;
  const byIso3 = new Map<string, number>();
  for (const [name, d] of Object.entries(data)) {
    const iso3 = d.country_code_iso_3;
    const raw = d["Electricity Consumption"];
    if (!iso3 || raw === undefined || raw.trim() === "") continue;
    const v = Number(raw);
    if (!Number.isFinite(v)) throw new Error(`marginal-intensities-2021.json: "${name}" Electricity Consumption "${raw}" is not a number`);
    byIso3.set(iso3, v);
  }
  const out = new Map<string, Omit<PolygonValue, "key">>();
  for (const c of ctx.countries.features) {
    const v = c.props.iso3 ? byIso3.get(c.props.iso3) : undefined;
    if (v !== undefined) {
      out.set(c.key, {
        value: v,
        year: "2021",
        source: "ifi-grid-factors-2021",
        ...(v === 0 ? { note: "Published as 0 by the IFI dataset: no fossil-fuelled units on the margin (hydro-dominated grid)." } : {}),
      });
    }
  }
  return out;
}

/** OWID/Ember national low-carbon share, latest year, for zones Electricity Maps does not cover. */
function owidLowCarbon(ctx: BuildContext): Map<string, { value: number; year: number }> {
  const byIso3 = new Map<string, { value: number; year: number }>();
  readCsv(rawPath(ctx, "owid-carbon-intensity-electricity/share-electricity-low-carbon.csv")).forEach((row, i) => {
    if (!/^[A-Z]{3}$/.test(row.Code ?? "")) return;
    const v = Number(row.Electricity), year = Number(row.Year);
    if (!Number.isFinite(v) || !Number.isFinite(year)) throw new Error(`share-electricity-low-carbon.csv row ${i + 2}: unparseable value`);
    const prev = byIso3.get(row.Code!);
    if (!prev || year > prev.year) byIso3.set(row.Code!, { value: v, year });
  });
  return byIso3;
}

export function buildCarbonLayers(ctx: BuildContext): LayerMeta[] {
  const zoneMissing = (key: string) => `Electricity Maps publishes no yearly value for zone ${key} or its country (2021–2025).`;
  const countryMissing = (dataset: string) => (key: string) => {
    const c = ctx.countries.features[ctx.countries.indexByKey.get(key)!]!;
    return c.props.iso3 ? `${dataset} has no value for ${c.name} (${c.props.iso3}).` : `${c.name} has no ISO 3166 code, so ${dataset} cannot be joined.`;
  };

  const intensity = polygonLayer(ctx, {
    id: "carbon.grid_intensity",
    title: "Grid carbon intensity (lifecycle, consumption-based)",
    description: "Average lifecycle gCO2eq per kWh consumed in the Electricity Maps zone, latest full year.",
    method: "Electricity Maps yearly average per zone (flow-traced consumption mix with lifecycle emission factors). Sub-national zones (US balancing authorities, Nordic bidding zones, Indian and Australian regions, Japanese areas…) where Electricity Maps has a polygon and a value; a zone without its own value takes its country's Electricity Maps value (same basis, marked). No Ember or IFI value is mixed in: see carbon.grid_intensity_production for the national production-based figure.",
    category: "carbon",
    unit: "gCO2eq/kWh",
    direction: "lower_is_better",
    quality: "observed",
    resolution: "Electricity Maps zone",
    vintage: "2025 (latest year per zone)",
    sources: ["electricitymaps-yearly", "electricitymaps-zones"],
    valueType: "continuous",
    domain: [0, 800],
    ramp: "carbon",
  }, ctx.zones, emZoneValues(ctx, "carbonIntensity", 0), zoneMissing);

  const production = polygonLayer(ctx, {
    id: "carbon.grid_intensity_production",
    title: "Grid carbon intensity (national, production-based, Ember)",
    description: "Average gCO2eq per kWh generated in the country (Ember), latest year 2022–2024.",
    method: "Ember yearly electricity data as packaged by co2.js: emissions of domestic generation divided by generation, imports excluded. Ember states its emission factors aim at lifecycle emissions including upstream methane; the boundary (production vs consumption) and factor set differ from Electricity Maps, so the two are separate layers and never blended.",
    category: "carbon",
    unit: "gCO2eq/kWh",
    direction: "lower_is_better",
    quality: "observed",
    resolution: "country",
    vintage: "2022–2024 (latest year per country)",
    sources: ["ember-yearly", "natural-earth-admin0"],
    valueType: "continuous",
    domain: [0, 800],
    ramp: "carbon",
  }, ctx.countries, ember(ctx), countryMissing("Ember"));

  const marginal = polygonLayer(ctx, {
    id: "carbon.marginal_intensity",
    title: "Marginal grid emission factor (IFI combined margin)",
    description: "UNFCCC/IFI harmonised combined-margin factor for new electricity consumption, gCO2/kWh.",
    method: "IFI Dataset of Default Grid Factors v3.1 (2021): combined margin for 'Electricity Consumption' projects (weights of operating and build margin per the IFI harmonised approach). A project-appraisal default, not a measured marginal emission rate.",
    category: "carbon",
    unit: "gCO2/kWh",
    direction: "lower_is_better",
    quality: "modelled",
    resolution: "country",
    vintage: "2021",
    sources: ["ifi-grid-factors-2021", "natural-earth-admin0"],
    valueType: "continuous",
    domain: [0, 1000],
    ramp: "carbon",
  }, ctx.countries, ifiMargin(ctx), countryMissing("The IFI dataset"));

  const owid = owidLowCarbon(ctx);
  const iso3ByIso2 = new Map(ctx.countries.features.filter((c) => c.props.iso2).map((c) => [c.props.iso2!, c.props.iso3!]));
  const lowCarbon = emZoneValues(ctx, "carbonFreeEnergy", 0);
  for (const zone of ctx.zones.features) {
    if (lowCarbon.has(zone.key)) continue;
    const iso3 = zone.props.country ? iso3ByIso2.get(zone.props.country) : undefined;
    const v = iso3 ? owid.get(iso3) : undefined;
    if (v) {
      lowCarbon.set(zone.key, {
        value: round(v.value, 1),
        year: String(v.year),
        source: "owid-low-carbon-share",
        note: `No Electricity Maps value for ${zone.key}: national share of low-carbon generation (OWID, production-based) used instead.`,
      });
    }
  }
  const share = polygonLayer(ctx, {
    id: "carbon.low_carbon_share",
    title: "Low-carbon electricity share",
    description: "Share of electricity from nuclear and renewable sources, %.",
    method: "Electricity Maps yearly carbon-free share per zone (consumption-based); where a zone has no Electricity Maps value, the country's production-based low-carbon share from Our World in Data (Ember/Energy Institute) is used and marked on the value.",
    category: "carbon",
    unit: "%",
    direction: "higher_is_better",
    quality: "observed",
    resolution: "Electricity Maps zone (national fallback)",
    vintage: "2025 (Electricity Maps); ≤ 2022 (OWID fallback)",
    sources: ["electricitymaps-yearly", "electricitymaps-zones", "owid-low-carbon-share"],
    valueType: "continuous",
    domain: [0, 100],
    ramp: "clean",
  }, ctx.zones, lowCarbon, zoneMissing);

  return [intensity, production, marginal, share];
}
