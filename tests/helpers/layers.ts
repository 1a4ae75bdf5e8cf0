import path from "node:path";
import { LayerStore } from "@/server/layers/store";
import { toPointSamples, type PointSample, type SampleColumns } from "@/server/layers/sample";
import { sampleLayerColumns } from "@/server/siting/modelLayers";

export const LAYERS_DIR = path.resolve(__dirname, "../../data/layers");

let store: LayerStore | null = null;
export function testStore(): LayerStore {
  return (store ??= LayerStore.load(LAYERS_DIR, path.resolve(__dirname, "../../.data/cache")));
}

/** Samples one layer at one point and returns the API value object. */
export function valueAt(layerId: string, p: { lat: number; lon: number }) {
  const s = testStore();
  const [result] = toPointSamples(s, sampleLayerColumns(s, [p], [layerId]));
  return result!.values[0]!;
}

export function sampleAll(points: { lat: number; lon: number }[], layers: string[]): { refs: SampleColumns["refs"]; results: PointSample[] } {
  const s = testStore();
  const cols = sampleLayerColumns(s, points, layers);
  return { refs: cols.refs, results: toPointSamples(s, cols) };
}

export function num(v: { value: number | string | null }): number {
  if (typeof v.value !== "number") throw new Error(`expected a number, got ${JSON.stringify(v)}`);
  return v.value;
}
