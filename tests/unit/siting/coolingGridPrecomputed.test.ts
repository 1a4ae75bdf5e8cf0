/**
 * The pipeline's precomputed grids (server/siting/precomputed.ts) are the models' values: the cooling
 * columns equal a fresh run of the cooling model to within their quantisation, the server reads them
 * instead of computing, and anything they do not cover says why.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { climateAtLandCell, climateInputs, newClimate } from "@/server/layers/climateCells";
import { LayerStore } from "@/server/layers/store";
import { ClimateInputError } from "@/server/models/climate";
import { COOLING_ARCHETYPE_IDS } from "@/server/models/cooling/archetypes";
import { createCoolingResult } from "@/server/models/cooling/model";
import { coolingModelInto } from "@/server/models/cooling/pue";
import { coolingCells, probeCoolingModel } from "@/server/siting/coolingGrid";
import { MODEL_GRID_VERSION } from "@/server/siting/modelLayers";
import { cellCentres } from "@/server/layers/cellColumns";
import { COOLING_COLUMNS, distanceScale, PRECOMPUTED_INDEX, precomputedIndex, quantiseCoolingColumn, readPrecomputedCooling, readPrecomputedDistance, readPrecomputedModel } from "@/server/layers/precomputed";
import { LAYERS_DIR, testStore } from "../../helpers/layers";

/** Half a quantisation step plus float32 rounding of a value near 2. */
const tolerance = (column: keyof typeof COOLING_COLUMNS) => COOLING_COLUMNS[column].scale / 2 + 4e-7;

describe("precomputed cooling grids", () => {
  it("cover every archetype and model layer of this data build", () => {
    const store = testStore();
    const idx = precomputedIndex(store);
    if ("reason" in idx) throw new Error(idx.reason);
    expect(idx.inputsHash).toBe(store.manifest.inputsHash);
    expect(idx.modelGridVersion).toBe(MODEL_GRID_VERSION);
    expect(idx.cooling.map((c) => c.archetype).sort()).toEqual([...COOLING_ARCHETYPE_IDS].sort());
    const modelLayers = store.layers.filter((l) => l.storage.kind === "model" && l.quality !== "missing").map((l) => l.id).sort();
    expect(idx.models.map((m) => m.layerId).sort()).toEqual(modelLayers);
    // Each archetype's fingerprint is today's model's: a model change shows up here (rebuild with npm run data:build).
    for (const c of idx.cooling) expect(c.fingerprint, c.archetype).toBe(probeCoolingModel(store, c.archetype as (typeof COOLING_ARCHETYPE_IDS)[number]).fingerprint);
  });

  it.each(COOLING_ARCHETYPE_IDS)("%s: equal the cooling model to within the quantisation, missing where the model has no value", (archetype) => {
    const store = testStore();
    const pre = readPrecomputedCooling(store, archetype, probeCoolingModel(store, archetype).fingerprint);
    if ("reason" in pre) throw new Error(pre.reason);
    const inputs = climateInputs(store);
    const climate = newClimate();
    const r = createCoolingResult();
    let compared = 0, missing = 0;
    for (let li = 0; li < store.grid.landCells; li += 211) {
      let expected: { pueBase: number; puePeak: number; wue: number } | null = null;
      if (climateAtLandCell(inputs, li, climate)) {
        try {
          coolingModelInto(r, climate, archetype, 0.8);
          expected = { pueBase: r.pue - r.fixed, puePeak: r.pue_peak, wue: r.wue_l_per_kwh };
        } catch (err) {
          if (!(err instanceof ClimateInputError)) throw err;
        }
      }
      if (!expected) {
        missing++;
        expect(Number.isNaN(pre.pueBase[li]!), `cell ${li} has no model value`).toBe(true);
        continue;
      }
      compared++;
      for (const col of ["pueBase", "puePeak", "wue"] as const) {
        expect(Math.abs(pre[col][li]! - expected[col]), `${archetype} ${col} at land cell ${li}`).toBeLessThanOrEqual(tolerance(col));
      }
    }
    expect(compared).toBeGreaterThan(1000);
    expect(missing).toBeLessThan(compared);
  });

  it("are what the surface reads: coolingCells takes them without computing", async () => {
    const store = new LayerStore(LAYERS_DIR, testStore().manifest, null); // no disk cache to fall back on
    const t0 = performance.now();
    const cells = await coolingCells(store, "dry_cooler_liquid", 0.6);
    expect(cells.origin).toEqual({ kind: "precomputed" });
    expect(cells.utilisation).toBeNull();
    expect(performance.now() - t0).toBeLessThan(5000); // computing takes 15–60 s
  });

  it("are not used for another data build or a changed model, and say why", () => {
    const store = testStore();
    const other = new LayerStore(LAYERS_DIR, { ...store.manifest, inputsHash: "f".repeat(64) }, null);
    const miss = readPrecomputedCooling(other, "air_economiser", "whatever");
    expect("reason" in miss && miss.reason).toMatch(/another data build/);
    const stale = readPrecomputedCooling(store, "air_economiser", "0000000000000000");
    expect("reason" in stale && stale.reason).toMatch(/cooling model changed/);
    const oldModels = readPrecomputedModel(store, "risk.heat", MODEL_GRID_VERSION + 1);
    expect("reason" in oldModels && oldModels.reason).toMatch(/version/);
  });

  it("record the SHA-256 of every file they list", async () => {
    const { createHash } = await import("node:crypto");
    const idx = JSON.parse(readFileSync(path.join(LAYERS_DIR, PRECOMPUTED_INDEX), "utf8")) as { models: { file: { path: string; sha256: string } }[]; cooling: Record<string, { path: string; sha256: string } | string>[] };
    const files = [...idx.models.map((m) => m.file), ...idx.cooling.flatMap((c) => [c.pueBase, c.puePeak, c.wue] as { path: string; sha256: string }[])];
    expect(files.length).toBeGreaterThanOrEqual(5 + 9);
    for (const f of files) expect(createHash("sha256").update(readFileSync(path.join(LAYERS_DIR, f.path))).digest("hex"), f.path).toBe(f.sha256);
  });

  it("hold every distance layer's cell column: the distance from the cell centre to the nearest point, to within the quantisation", () => {
    const store = testStore();
    const { lat, lon } = cellCentres(store);
    const layers = store.layers.filter((l) => l.storage.kind === "points" && l.quality !== "missing");
    expect(layers.length).toBeGreaterThan(0);
    for (const layer of layers) {
      const pre = readPrecomputedDistance(store, layer.id);
      if ("reason" in pre) throw new Error(pre.reason);
      const idx = precomputedIndex(store);
      const scale = "reason" in idx ? NaN : idx.distances.find((d) => d.layerId === layer.id)!.file.scale;
      const index = store.pointsOfLayer(layer.storage as Extract<typeof layer.storage, { kind: "points" }>).index;
      for (let li = 0; li < store.grid.landCells; li += 997) {
        const km = index.nearestIndex(lat[li]!, lon[li]!) >= 0 ? index.lastKm : NaN;
        expect(Math.abs(pre[li]! - km), `${layer.id} at land cell ${li}`).toBeLessThanOrEqual(scale / 2 + 1e-3);
      }
    }
    expect(distanceScale(Float32Array.of(10, 3000))).toBe(0.05);
    expect(distanceScale(Float32Array.of(10, 4000))).toBe(0.1);
  });

  it("quantise without clipping: a value outside the column's range is an error, NaN is nodata", () => {
    expect(Array.from(quantiseCoolingColumn("pueBase", Float32Array.of(1, 1.2, NaN)))).toEqual([0, 10000, 65535]);
    expect(() => quantiseCoolingColumn("pueBase", Float32Array.of(0.9))).toThrow(/does not fit/);
    expect(() => quantiseCoolingColumn("wue", Float32Array.of(7))).toThrow(/does not fit/);
  });
});
