/**
 * Validation gates run at the end of every build: a generated file set that fails one is not
 * written off as done. They check integrity (hashes, lengths) and facts any correct build must
 * show (France and Norway have country values, temperatures are physical, coverage is near-complete).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ArrayFile, Manifest, PolygonValue } from "../schema/manifest";
import { sha256 } from "./lib/output";

const CTORS = { int16: Int16Array, uint16: Uint16Array, uint8: Uint8Array, float32: Float32Array, int32: Int32Array, uint32: Uint32Array } as const;

function readArray(dir: string, f: ArrayFile): ArrayLike<number> {
  const buf = readFileSync(path.join(dir, f.path));
  if (sha256(buf) !== f.sha256) throw new Error(`gate: ${f.path} hash does not match the manifest`);
  const Ctor = CTORS[f.dtype];
  if (buf.byteLength !== f.length * Ctor.BYTES_PER_ELEMENT) throw new Error(`gate: ${f.path} has ${buf.byteLength} bytes, expected ${f.length} × ${Ctor.BYTES_PER_ELEMENT}`);
  return new Ctor(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}

export function runGates(dir: string, m: Manifest): void {
  const fail = (msg: string) => { throw new Error(`validation gate failed: ${msg}`); };
  if (m.grid.landCells < 200_000 || m.grid.landCells > 450_000) fail(`land cell count ${m.grid.landCells} outside 200k–450k`);

  for (const layer of m.layers) {
    const s = layer.storage;
    if (s.kind === "grid") {
      const a = readArray(dir, s.file);
      if (a.length !== m.grid.landCells) fail(`${layer.id}: ${a.length} values for ${m.grid.landCells} land cells`);
      let missing = 0, min = Infinity, max = -Infinity;
      for (let i = 0; i < a.length; i++) {
        const q = a[i]!;
        if (q === s.file.nodata) { missing++; continue; }
        const v = q * s.file.scale + s.file.offset;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      if (missing / a.length > 0.02) fail(`${layer.id}: ${((100 * missing) / a.length).toFixed(1)} % of land cells have no value`);
      if (layer.id.endsWith("_temp_c") && (min < -70 || max > 45)) fail(`${layer.id}: temperatures ${min}..${max} °C are not physical`);
      if (min < 0 && !layer.id.endsWith("_temp_c")) fail(`${layer.id}: negative value ${min}`);
    }
    if (s.kind === "polygon") {
      const values = JSON.parse(readFileSync(path.join(dir, s.values.path), "utf8")) as PolygonValue[];
      const set = m.polygonSets.find((p) => p.id === s.polygonSet)!;
      const keys = JSON.parse(readFileSync(path.join(dir, set.keys.path), "utf8")) as string[];
      if (values.length !== keys.length || values.some((v, i) => v.key !== keys[i])) fail(`${layer.id}: values are not parallel to ${set.id} keys`);
      if (values.some((v) => v.value === null && !v.reason)) fail(`${layer.id}: a missing value has no reason`);
      if (s.polygonSet === "countries") {
        for (const key of ["FRA", "NOR"]) {
          if (values.find((v) => v.key === key)?.value == null) fail(`${layer.id}: ${key} has no value (the Natural Earth ISO_A3 = -99 trap)`);
        }
      }
      const present = values.filter((v) => v.value !== null).length;
      if (present / values.length < 0.5) fail(`${layer.id}: only ${present} of ${values.length} features have a value`);
    }
  }
  for (const set of m.polygonSets) {
    const feature = readArray(dir, set.cellFeature);
    let none = 0;
    for (let i = 0; i < feature.length; i++) if (feature[i] === set.cellFeature.nodata) none++;
    if (set.id === "countries" && none > 0) fail(`countries: ${none} land cells have no country`);
    if (set.id === "zones" && none / feature.length > 0.03) fail(`zones: ${none} land cells (${((100 * none) / feature.length).toFixed(1)} %) fall in no Electricity Maps zone`);
  }
}
