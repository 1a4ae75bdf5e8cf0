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

/** ADM0_A3 keys of the 27 EU member states (Natural Earth; Cyprus without Northern Cyprus). */
export const EU27 = ["AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE"];

/**
 * Facts any correct build of the power layers shows (issue 9): every US state and DC has its EIA
 * price, every EU member a Eurostat price, prices are physical, Venezuela's artefact is excluded
 * with its reason, and each value's note names its source kind.
 */
function powerGates(dir: string, m: Manifest, fail: (msg: string) => never): void {
  const s = m.layers.find((l) => l.id === "power.price_usd_per_mwh")?.storage;
  if (s?.kind !== "polygon" || s.polygonSet !== "subdivisions") return fail("power.price_usd_per_mwh must be a polygon layer on the subdivisions set");
  const values = new Map((JSON.parse(readFileSync(path.join(dir, s.values.path), "utf8")) as PolygonValue[]).map((v) => [v.key, v]));
  const states = [...values.keys()].filter((k) => k.startsWith("US-"));
  if (states.length !== 51) fail(`power.price_usd_per_mwh: ${states.length} US state features, expected 50 states and DC`);
  for (const k of states) if (values.get(k)!.source !== "eia-861-industrial-price") fail(`power.price_usd_per_mwh: ${k} has no EIA price`);
  for (const k of EU27) if (values.get(k)?.source !== "eurostat-nrg-pc-205") fail(`power.price_usd_per_mwh: EU member ${k} has no Eurostat price`);
  for (const v of values.values()) {
    if (typeof v.value === "number" && (v.value < 5 || v.value > 1000)) fail(`power.price_usd_per_mwh: ${v.key} = ${v.value} USD/MWh is not a plausible price`);
    if (v.value !== null && !v.note?.startsWith("Source kind:")) fail(`power.price_usd_per_mwh: ${v.key} does not name its source kind`);
  }
  if (values.get("VEN")?.value !== null || !/artefact/.test(values.get("VEN")?.reason ?? "")) fail("power.price_usd_per_mwh: Venezuela's exchange-rate artefact is not excluded with its reason");
}

/**
 * Facts any correct build of the market layers shows (issue 15): the five layers sit on the
 * subdivisions set, every value cites its row (URL, title, as-of date, confidence), and well-known
 * facts hold in the features that carry them (Germany physical PPA with AIB GOs, Texas physical,
 * Dublin's data-centre moratorium, Bahrain's single buyer without a PPA route).
 */
function marketGates(dir: string, m: Manifest, fail: (msg: string) => never): void {
  const expect: Record<string, Record<string, string | number>> = {
    "market.corporate_ppa": { DEU: "physical", "US-TX": "physical", BHR: "not_permitted" },
    "market.eac_system": { DEU: "aib_go", "US-TX": "us_rec" },
    "market.structure": { BHR: "single_buyer" },
    "market.large_load_restrictions": { "IE-D": "moratorium", SWE: "none_known" },
  };
  for (const id of ["market.structure", "market.corporate_ppa", "market.eac_system", "market.carbon_price_usd_per_t", "market.large_load_restrictions"]) {
    const s = m.layers.find((l) => l.id === id)?.storage;
    if (s?.kind !== "polygon" || s.polygonSet !== "subdivisions") return fail(`${id} must be a polygon layer on the subdivisions set`);
    const values = JSON.parse(readFileSync(path.join(dir, s.values.path), "utf8")) as PolygonValue[];
    for (const v of values) {
      if (v.source !== "curated-power-market" || !v.url?.startsWith("https://") || !v.citation || !/^\d{4}-\d{2}-\d{2}$/.test(v.year ?? "") || !v.confidence) {
        fail(`${id}: ${v.key} does not carry its row's citation, URL, as-of date and confidence`);
      }
    }
    const byKey = new Map(values.map((v) => [v.key, v.value]));
    for (const [key, want] of Object.entries(expect[id] ?? {})) if (byKey.get(key) !== want) fail(`${id}: ${key} is ${String(byKey.get(key))}, expected ${want}`);
  }
}

/**
 * Grid layers that are legitimately empty over part of the land, with the share allowed: the
 * regional generation intensity needs 1 TWh/yr of generation within 300 km, which deserts, tundra,
 * ice sheets and rainforest do not have. Every other grid layer must cover 98 % of land cells.
 */
const MAX_MISSING_SHARE: Record<string, number> = { "carbon.regional_generation_intensity": 0.5 };

export function runGates(dir: string, m: Manifest): void {
  const fail = (msg: string): never => { throw new Error(`validation gate failed: ${msg}`); };
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
      if (missing / a.length > (MAX_MISSING_SHARE[layer.id] ?? 0.02)) fail(`${layer.id}: ${((100 * missing) / a.length).toFixed(1)} % of land cells have no value`);
      if (layer.id.endsWith("_temp_c") && (min < -70 || max > 45)) fail(`${layer.id}: temperatures ${min}..${max} °C are not physical`);
      if (min < 0 && !layer.id.endsWith("_temp_c")) fail(`${layer.id}: negative value ${min}`);
      if (missing > 0 && !layer.nodataReason) fail(`${layer.id}: ${missing} land cells have no value but the layer gives no nodataReason`);
    }
    if (s.kind === "polygon") {
      const values = JSON.parse(readFileSync(path.join(dir, s.values.path), "utf8")) as PolygonValue[];
      const set = m.polygonSets.find((p) => p.id === s.polygonSet);
      if (!set) return fail(`${layer.id}: polygon set ${s.polygonSet} is not in the manifest`);
      const keys = JSON.parse(readFileSync(path.join(dir, set.keys.path), "utf8")) as string[];
      if (values.length !== keys.length || values.some((v, i) => v.key !== keys[i])) fail(`${layer.id}: values are not parallel to ${set.id} keys`);
      if (values.some((v) => v.value === null && !v.reason)) fail(`${layer.id}: a missing value has no reason`);
      // A layer listed as missing (e.g. a licence not yet confirmed) has no values to check.
      if (layer.quality === "missing") {
        if (!layer.missingReason) fail(`${layer.id}: listed as missing without a reason`);
        continue;
      }
      // Both sets key France and Norway by ADM0_A3 (subdivisions keeps whole countries outside US, BR, CA, AU).
      if (s.polygonSet === "countries" || s.polygonSet === "subdivisions") {
        for (const key of ["FRA", "NOR"]) {
          if (values.find((v) => v.key === key)?.value == null) fail(`${layer.id}: ${key} has no value (the Natural Earth ISO_A3 = -99 trap)`);
        }
      }
      const present = values.filter((v) => v.value !== null).length;
      if (present / values.length < 0.5) fail(`${layer.id}: only ${present} of ${values.length} features have a value`);
    }
  }
  powerGates(dir, m, fail);
  marketGates(dir, m, fail);
  for (const set of m.polygonSets) {
    const feature = readArray(dir, set.cellFeature);
    let none = 0;
    for (let i = 0; i < feature.length; i++) if (feature[i] === set.cellFeature.nodata) none++;
    if ((set.id === "countries" || set.id === "subdivisions") && none > 0) fail(`${set.id}: ${none} land cells have no feature`);
    if (set.id === "zones" && none / feature.length > 0.03) fail(`zones: ${none} land cells (${((100 * none) / feature.length).toFixed(1)} %) fall in no Electricity Maps zone`);
  }
}
