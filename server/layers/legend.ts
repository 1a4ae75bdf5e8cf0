/**
 * Legends and colour ramps, one place for the map, the layer panel and reports. Ramps come from
 * d3-scale-chromatic and are chosen to stay readable under common colour-vision deficiencies:
 * perceptually uniform sequential ramps (viridis family, single-hue ColorBrewer) rather than
 * red–green; categorical layers carry their own palettes (Okabe–Ito for sovereignty).
 */
import { scaleSequential } from "d3-scale";
import {
  interpolateBlues, interpolateCividis, interpolateGnBu, interpolateGreens, interpolateInferno, interpolateOrRd, interpolatePuBu,
  interpolateBrBG, interpolatePuBuGn, interpolatePurples, interpolateRdPu, interpolateRdYlBu, interpolateViridis, interpolateYlOrBr, interpolateYlOrRd,
} from "d3-scale-chromatic";
import type { LayerMeta } from "@/data/schema/manifest";

type Interpolator = (t: number) => string;

/** Ramp name (manifest `ramp`) → interpolator over 0..1 and whether high values get the dark end. */
const RAMPS: Record<string, Interpolator> = {
  carbon: interpolateYlOrBr,
  clean: interpolateGreens,
  temperature: (t) => interpolateRdYlBu(1 - t),
  cooling: interpolateBlues,
  hazard: interpolateOrRd,
  heat: interpolateInferno,
  connectivity: interpolateViridis,
  distance: (t) => interpolateCividis(1 - t),
  /** Electricity price: light = cheap, dark = expensive. */
  price: interpolateRdPu,
  /** Waiting and outage times: light = short, dark = long. */
  delay: interpolatePuBu,
  /** Service quality and readiness indices (higher is better): dark = good. */
  reliability: interpolateGnBu,
  /** Solar resource: pale yellow = weak, red = strong. */
  solar: interpolateYlOrRd,
  /** Generating capacity nearby: pale = little, dark purple = gigawatts. */
  power: interpolatePurples,
  /** Aridity index: brown = arid, blue-green = humid (diverging around the dry/humid boundary). */
  aridity: interpolateBrBG,
  /** Distance to water: dark blue-green = at the water, pale = far. */
  water_distance: (t) => interpolatePuBuGn(1 - t),
  /** Carbon price on power generation: pale = none or low, dark red = high. */
  carbon_price: interpolateOrRd,
};

export type Legend =
  | { kind: "continuous"; unit: string; domain: [number, number]; stops: { value: number; color: string }[] }
  | { kind: "categorical"; unit: string; items: { key: string; code: number; label: string; color: string }[] };

export function interpolatorFor(ramp: string): Interpolator {
  return RAMPS[ramp] ?? interpolateViridis;
}

/** A colour function for a continuous layer, clamped to its legend domain. */
export function colorScale(layer: Pick<LayerMeta, "ramp" | "domain">): (v: number) => string {
  const [lo, hi] = [layer.domain?.[0] ?? 0, layer.domain?.[layer.domain.length - 1] ?? 1];
  return scaleSequential(interpolatorFor(layer.ramp)).domain([lo, hi]).clamp(true);
}

export function legendFor(layer: LayerMeta): Legend {
  if (layer.categories && layer.valueType !== "continuous") {
    const n = layer.categories.length;
    return {
      kind: "categorical",
      unit: layer.unit,
      items: layer.categories.map((c, i) => ({ key: c.key, code: c.code, label: c.label, color: c.color ?? interpolatorFor(layer.ramp)(n > 1 ? i / (n - 1) : 0.5) })),
    };
  }
  const scale = colorScale(layer);
  const lo = layer.domain?.[0] ?? 0, hi = layer.domain?.[layer.domain.length - 1] ?? 1;
  const stops = Array.from({ length: 9 }, (_, i) => {
    const value = lo + ((hi - lo) * i) / 8;
    return { value: Number(value.toPrecision(4)), color: scale(value) };
  });
  return { kind: "continuous", unit: layer.unit, domain: [lo, hi], stops };
}
