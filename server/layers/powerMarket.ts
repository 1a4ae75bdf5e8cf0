/**
 * The power-market facts at a place, each with its citation, as-of date and confidence: what the
 * engineering model, reports and the strategy brief read (issue 15). The five `market.*` layers are
 * polygon layers on the subdivisions set built from data/curated/power-market.csv; this module only
 * samples them and reshapes each value with its provenance record.
 */
import { sampleColumns, toPointSamples, type ProvenanceRef, type SamplePoint, type SampledValue } from "./sample";
import type { LayerStore } from "./store";

/** The market layers, by the field name of {@link PowerMarketAt} that carries each. */
export const POWER_MARKET_LAYERS = {
  structure: "market.structure",
  corporate_ppa: "market.corporate_ppa",
  eac_system: "market.eac_system",
  carbon_price_usd_per_t: "market.carbon_price_usd_per_t",
  large_load_restrictions: "market.large_load_restrictions",
} as const;
export type PowerMarketField = keyof typeof POWER_MARKET_LAYERS;

/** One curated fact at a place. */
export interface PowerMarketFact {
  layer: string;
  /** Category key (structure, PPA route, certificates, large-load) or USD/tCO2 (carbon price); null when missing. */
  value: string | number | null;
  /** Category label, for categorical layers. */
  label?: string;
  /** Why the value is missing (e.g. a scheme applies but no verifiable price was found). */
  reason?: string;
  /** The row's detail for this fact (e.g. Dublin's connection policy, the carbon price basis). */
  note?: string;
  /** Citation title and URL of the fact group; null only when no curated row applies. */
  citation: string | null;
  url: string | null;
  /** The date the row's facts are known to hold (YYYY-MM-DD). */
  as_of: string | null;
  confidence: "high" | "medium" | "low" | null;
  /** "observed" for a curated fact; "proxy" where the region's outline is approximate. */
  quality: SampledValue["quality"];
  /** The country or region whose row applies. */
  region: { key: string; name: string } | null;
}

export type PowerMarketAt = Record<PowerMarketField, PowerMarketFact>;

const FIELDS = Object.keys(POWER_MARKET_LAYERS) as PowerMarketField[];

function fact(layer: string, v: SampledValue, ref: ProvenanceRef | undefined): PowerMarketFact {
  const f = ref?.kind === "feature" ? ref : undefined;
  return {
    layer,
    value: v.value,
    ...(v.label ? { label: v.label } : {}),
    ...(v.reason ? { reason: v.reason } : {}),
    ...(f?.note ? { note: f.note } : {}),
    citation: f?.citation ?? null,
    url: f?.url ?? null,
    as_of: f?.year ?? null,
    confidence: f?.confidence ?? null,
    quality: f?.quality ?? v.quality,
    region: f ? { key: f.key, name: f.name } : null,
  };
}

/**
 * The five power-market facts at each point (same order), with citation, URL, as-of date and
 * confidence per fact. Throws when the layers are not in the store (a build without them).
 */
export function powerMarketAtPoints(store: LayerStore, points: readonly SamplePoint[]): PowerMarketAt[] {
  const ids = FIELDS.map((f) => POWER_MARKET_LAYERS[f]);
  for (const id of ids) if (!store.layer(id)) throw new Error(`layer ${id} is not in this build (run npm run data:build)`);
  const cols = sampleColumns(store, points, ids);
  return toPointSamples(store, cols).map((sample) => Object.fromEntries(FIELDS.map((field, k) => {
    const v = sample.values[k]!;
    return [field, fact(ids[k]!, v, v.ref !== undefined ? cols.refs[v.ref] : undefined)];
  })) as PowerMarketAt);
}

/** The five power-market facts at (lon, lat), degrees; see {@link powerMarketAtPoints}. */
export function powerMarketAt(store: LayerStore, lon: number, lat: number): PowerMarketAt {
  return powerMarketAtPoints(store, [{ lat, lon }])[0]!;
}

/** Whether the store has the power-market layers (every build from this repository does; a custom build may not). */
export function hasPowerMarketLayers(store: LayerStore): boolean {
  return Object.values(POWER_MARKET_LAYERS).every((id) => store.layer(id) !== undefined);
}
