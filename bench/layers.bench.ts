/**
 * Layer benchmarks (issue 2): `layers.sample` for 100,000 random land points across all layers,
 * the one-off model-grid computation, and the size of data/layers.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildLayers, DEFAULT_RAW_DIR } from "@/data/pipeline/build";
import { toPointSamples } from "@/server/layers/sample";
import { layerGrid, sampleLayerColumns } from "@/server/siting/modelLayers";
import { LayerStore } from "@/server/layers/store";
import { createCaller } from "@/server/trpc/root";
import { internalContext } from "@/server/trpc/context";
import { medianMs, type BenchRow } from "./types";

export const name = "layers";

const LAYERS_DIR = path.resolve(__dirname, "../data/layers");
/** Bytes in data/layers at commit ca0dc42, before the within-country layers of issue 13. */
const BYTES_BEFORE_ISSUE_13 = 23_917_878;

function dirBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
    const full = path.join(dir, e.name);
    return sum + (e.isDirectory() ? dirBytes(full) : statSync(full).size);
  }, 0);
}

/** Deterministic random land points: a random land cell, jittered within it. */
export function randomLandPoints(store: LayerStore, n: number, seed = 42): { lat: number; lon: number }[] {
  let s = seed >>> 0;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, () => {
    const c = store.grid.centreOfLand(Math.floor(rnd() * store.grid.landCells));
    return { lat: c.lat + (rnd() - 0.5) * store.grid.cellDeg, lon: c.lon + (rnd() - 0.5) * store.grid.cellDeg };
  });
}

export async function run(): Promise<BenchRow[]> {
  const store = LayerStore.load(LAYERS_DIR, null);
  const modelLayers = store.layers.filter((l) => l.storage.kind === "model");
  const t0 = performance.now();
  for (const l of modelLayers) layerGrid(store, l.id);
  const modelMs = performance.now() - t0;

  const ids = store.layers.map((l) => l.id);
  const points = randomLandPoints(store, 100_000);
  const coreMs = await medianMs(() => sampleLayerColumns(store, points, ids), 5, 1);
  const objectsMs = await medianMs(() => toPointSamples(store, sampleLayerColumns(store, points, ids)), 3, 1);

  process.env.LAYERS_DIR = LAYERS_DIR;
  const api = createCaller(internalContext("bench"));
  const batches = Array.from({ length: 10 }, (_, i) => points.slice(i * 10_000, (i + 1) * 10_000));
  await api.layers.sample({ points: batches[0]! }); // loads the API's own store and its model grids
  const apiMs = await medianMs(async () => {
    for (const b of batches) await api.layers.sample({ points: b });
  }, 3, 1);

  const bytes = dirBytes(LAYERS_DIR);
  // The pipeline end to end into a temporary folder (needs the raw datasets).
  const raw = process.env.DATA_RAW_DIR ?? DEFAULT_RAW_DIR;
  let pipelineMs: number | null = null;
  if (existsSync(raw)) {
    const out = mkdtempSync(path.join(os.tmpdir(), "bench-layers-"));
    const t1 = performance.now();
    buildLayers({ rawDir: raw, outDir: out, profile: "full" });
    pipelineMs = performance.now() - t1;
    rmSync(out, { recursive: true, force: true });
  }
  const n = ids.length;
  return [
    { figure: `sampling core: 100,000 random land points × ${n} layers`, value: coreMs, unit: "ms", target: "< 1000 ms", pass: coreMs < 1000 },
    { figure: `… plus per-point API objects`, value: objectsMs, unit: "ms", target: "", pass: null },
    { figure: `layers.sample via tRPC caller: 10 × 10,000 points × ${n} layers (validation included)`, value: apiMs, unit: "ms", target: "< 1000 ms", pass: apiMs < 1000 },
    { figure: `model layers computed for ${store.grid.landCells.toLocaleString("en")} land cells (once; then disk-cached)`, value: modelMs, unit: "ms", target: "", pass: null },
    { figure: "data pipeline: raw datasets → data/layers (build and gates)", value: pipelineMs === null ? null : pipelineMs / 1000, unit: "s", target: "", pass: null, ...(pipelineMs === null ? { note: `raw folder ${raw} not found` } : {}) },
    { figure: "size of data/layers", value: bytes / 2 ** 20, unit: "MiB", target: "", pass: null },
    // Issue 13: the within-country layers may add at most 8 MB (8 × 10⁶ bytes) to the 23,917,878 bytes
    // (22.81 MiB) data/layers had before them (commit ca0dc42).
    { figure: "growth of data/layers since the within-country layers (issue 13)", value: (bytes - BYTES_BEFORE_ISSUE_13) / 1e6, unit: "MB", target: "≤ 8 MB", pass: bytes - BYTES_BEFORE_ISSUE_13 <= 8e6 },
  ];
}
