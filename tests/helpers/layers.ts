import path from "node:path";
import { LayerStore } from "@/server/layers/store";
import { sampleColumns, toPointSamples, type PointSample } from "@/server/layers/sample";

export const LAYERS_DIR = path.resolve(__dirname, "../../data/layers");

let store: LayerStore | null = null;
export function testStore(): LayerStore {
  return (store ??= LayerStore.load(LAYERS_DIR, path.resolve(__dirname, "../../.data/cache")));
}

/** Samples one layer at one point and returns the API value object. */
export function valueAt(layerId: string, p: { lat: number; lon: number }) {
  const s = testStore();
  const [result] = toPointSamples(s, sampleColumns(s, [p], [layerId]));
  return result!.values[0]!;
}

export function sampleAll(points: { lat: number; lon: number }[], layers: string[]): { refs: ReturnType<typeof sampleColumns>["refs"]; results: PointSample[] } {
  const s = testStore();
  const cols = sampleColumns(s, points, layers);
  return { refs: cols.refs, results: toPointSamples(s, cols) };
}

export function num(v: { value: number | string | null }): number {
  if (typeof v.value !== "number") throw new Error(`expected a number, got ${JSON.stringify(v)}`);
  return v.value;
}
