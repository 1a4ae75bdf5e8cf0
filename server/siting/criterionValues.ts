/**
 * Raw criterion values for a set of sites: a site override when there is one (marked as such),
 * else the layer's or metric's value with its quality; a missing value is null with its reason.
 */
import type { Quality } from "@/data/schema/manifest";
import type { SampleColumns } from "@/server/layers/sample";
import type { Site } from "@/server/schemas/site";

export interface RawValue {
  value: number | string | null;
  quality: Quality | "override";
  reason?: string;
  /** True when a user override replaced the layer or metric value. */
  override?: boolean;
  /** Category label, for categorical layers. */
  label?: string;
  /** A note on the value (e.g. which hazard drives the composite risk). */
  note?: string;
}

/** A layer column's value for site i as a RawValue (category key for categorical layers). */
export function layerRawValue(cols: SampleColumns, layerIndex: number, i: number): RawValue {
  const col = cols.columns[layerIndex]!;
  const r = col.reason[i]!;
  if (r >= 0) return { value: null, quality: "missing", reason: cols.reasons[r]! };
  const c = col.category[i]!;
  if (c >= 0) {
    const cat = col.layer.categories![c]!;
    return col.layer.valueType === "categorical" ? { value: cat.key, quality: col.layer.quality, label: cat.label } : { value: col.numeric[i]!, quality: col.layer.quality, label: cat.label };
  }
  const note = col.note[i]!;
  return note >= 0 ? { value: col.numeric[i]!, quality: col.layer.quality, note: cols.reasons[note]! } : { value: col.numeric[i]!, quality: col.layer.quality };
}

/** The site's override for `id`, if any. */
export function overrideValue(site: Site, id: string): RawValue | null {
  const v = site.overrides[id];
  return v === undefined ? null : { value: v, quality: "override", override: true };
}
