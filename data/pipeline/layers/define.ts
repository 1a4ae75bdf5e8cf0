/** Helpers that turn computed values into layer files plus their manifest entry. */
import type { LayerMeta, PolygonValue } from "../../schema/manifest";
import type { BuildContext } from "../context";
import { quantizeInt16 } from "../lib/output";
import type { PolygonSet } from "../polygons";

/** Everything about a layer except where its values are stored. */
export type LayerInfo = Omit<LayerMeta, "storage">;

/** Writes a per-land-cell grid layer, quantised to int16 at `scale` (value = stored × scale). */
export function gridLayer(ctx: BuildContext, info: LayerInfo, values: Float32Array, opts: { scale: number; interpolation: "bilinear" | "nearest" }): LayerMeta {
  const file = ctx.out.writeArray(`grid/layers/${info.id}.i16`, quantizeInt16(values, opts.scale, info.id), { scale: opts.scale, nodata: -32768 });
  return { ...info, storage: { kind: "grid", file, interpolation: opts.interpolation } };
}

/** Writes a per-land-cell categorical grid layer as uint8 codes (255 = no value). */
export function categoricalGridLayer(ctx: BuildContext, info: LayerInfo, codes: Uint8Array): LayerMeta {
  const file = ctx.out.writeArray(`grid/layers/${info.id}.u8`, codes, { nodata: 255 });
  return { ...info, storage: { kind: "grid", file, interpolation: "nearest" } };
}

/**
 * Writes a polygon layer: one value with its own provenance per feature of the set. Features
 * without an entry in `byKey` get null with `missingReason(key)`.
 */
export function polygonLayer(
  ctx: BuildContext,
  info: LayerInfo,
  set: PolygonSet,
  byKey: Map<string, Omit<PolygonValue, "key">>,
  missingReason: (key: string) => string,
): LayerMeta {
  const values: PolygonValue[] = set.features.map((f) => {
    const v = byKey.get(f.key);
    return v ? { key: f.key, ...v } : { key: f.key, value: null, year: null, source: null, reason: missingReason(f.key) };
  });
  const file = ctx.out.writeJson(`polygon/${info.id}.json`, values);
  return { ...info, storage: { kind: "polygon", polygonSet: set.id, values: file } };
}

/** Rounds to a fixed number of decimals for compact, stable JSON. */
export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
