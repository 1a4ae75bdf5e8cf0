/**
 * What the inspector lists, in which order (issue 16, item 4): the layers the active scenario uses as
 * criteria first (in the scenario's order, with their weight), then every other layer by category.
 * Layers missing for the whole data build (e.g. ND-GAIN) are left out of the list and counted, so
 * the Sources dialog can name them with the reason. Pure, so the order is tested without a browser.
 */
import { CATEGORIES, type CatalogLayer, type SampleResponse } from "@/components/layers/types";

export type SampleValue = SampleResponse["results"][number]["values"][number];
export type SampleRef = SampleResponse["refs"][number];

export interface InspectorRow {
  id: string;
  layer: CatalogLayer;
  value: SampleValue;
  ref: SampleRef | undefined;
  /** The criterion's share of the scenario's weight (0–1), for criteria rows. */
  weightShare?: number;
}

export interface InspectorGroup { id: string; title: string; rows: InspectorRow[] }

export interface InspectorRows {
  /** Layers the active scenario scores, in its order. */
  criteria: InspectorRow[];
  /** The engineering metrics the scenario scores (computed per site, not per map point). */
  metricCriteria: { source: string; weightShare: number }[];
  /** Every other layer with data in this build, by category (panel order). */
  groups: InspectorGroup[];
  /** Layers with no data anywhere in this build, left out of the list. */
  missingForBuild: CatalogLayer[];
}

export interface CriterionLike { source: string; weight: number }

export function inspectorRows(sample: Pick<SampleResponse, "layers" | "refs"> & { values: readonly SampleValue[] }, catalog: readonly CatalogLayer[], criteria: readonly CriterionLike[] = []): InspectorRows {
  const byId = new Map(catalog.map((l) => [l.id, l]));
  const total = criteria.reduce((a, c) => a + c.weight, 0) || 1;
  const rows = new Map<string, InspectorRow>();
  const missingForBuild: CatalogLayer[] = [];
  sample.layers.forEach((id, k) => {
    const layer = byId.get(id);
    const value = sample.values[k];
    if (!layer || !value) return;
    if (layer.quality === "missing") {
      missingForBuild.push(layer);
      return;
    }
    rows.set(id, { id, layer, value, ref: value.ref !== undefined ? sample.refs[value.ref] : undefined });
  });
  const criteriaRows: InspectorRow[] = [];
  const metricCriteria: { source: string; weightShare: number }[] = [];
  const used = new Set<string>();
  for (const c of criteria) {
    const row = rows.get(c.source);
    if (row && !used.has(c.source)) {
      criteriaRows.push({ ...row, weightShare: c.weight / total });
      used.add(c.source);
    } else if (c.source.startsWith("metric.")) metricCriteria.push({ source: c.source, weightShare: c.weight / total });
  }
  const groups = CATEGORIES.map((cat) => ({
    id: cat.id,
    title: cat.title,
    rows: [...rows.values()].filter((r) => r.layer.category === cat.id && !used.has(r.id)),
  })).filter((g) => g.rows.length > 0);
  return { criteria: criteriaRows, metricCriteria, groups, missingForBuild };
}

/** A value without its unit (the unit is a badge beside it). */
export function formatBare(v: SampleValue): string {
  if (v.value === null) return "no value";
  if (v.label) return v.label;
  if (typeof v.value === "number") return v.value.toLocaleString("en", { maximumFractionDigits: Math.abs(v.value) >= 100 ? 0 : Math.abs(v.value) >= 10 ? 1 : 3 });
  return v.value;
}

/**
 * The reason most layers have no value here, when at least `min` share it (e.g. a point at sea):
 * said once above the list instead of in every row's provenance.
 */
export function sharedMissingReason(r: InspectorRows, min = 3): { reason: string; count: number } | null {
  const counts = new Map<string, number>();
  for (const row of [...r.criteria, ...r.groups.flatMap((g) => g.rows)]) {
    if (row.value.value === null && row.value.reason) counts.set(row.value.reason, (counts.get(row.value.reason) ?? 0) + 1);
  }
  let best: { reason: string; count: number } | null = null;
  for (const [reason, count] of counts) if (count >= min && (!best || count > best.count)) best = { reason, count };
  return best;
}
