/**
 * Colours of the suitability surface, shared by the worker's painter and the legend: viridis for the
 * score (van der Walt & Smith's matplotlib default, perceptually uniform and readable under
 * deuteranopia, protanopia and tritanopia and in greyscale; Nuñez, Anderton & Renslow 2018 derive
 * cividis from the same design), and two greys for the hatch of excluded cells — viridis holds no
 * grey, so an excluded cell never reads as a score.
 */
import { interpolateViridis } from "d3-scale-chromatic";

function hexToRgb(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) {
    // d3 returns "rgb(r, g, b)" for some interpolators; accept both.
    const p = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(hex);
    if (!p) throw new Error(`unreadable colour ${hex}`);
    return [Number(p[1]), Number(p[2]), Number(p[3])];
  }
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

/** 256 RGBA entries of viridis, low score (dark purple) to high score (yellow). */
export const RAMP_RGBA: Uint8Array = (() => {
  const t = new Uint8Array(256 * 4);
  for (let i = 0; i < 256; i++) {
    const [r, g, b] = hexToRgb(interpolateViridis(i / 255));
    t.set([r, g, b, 255], i * 4);
  }
  return t;
})();

/** The hatch of cells a hard constraint excludes: every fourth diagonal of cells dark, the rest light. */
export const EXCLUDED_DARK: readonly number[] = [88, 88, 88, 235];
export const EXCLUDED_LIGHT: readonly number[] = [176, 176, 176, 200];

/** CSS gradient of the ramp with `stops` stops, for the legend. */
export function rampGradient(stops = 9): string {
  const parts: string[] = [];
  for (let i = 0; i < stops; i++) {
    const k = Math.round((i / (stops - 1)) * 255) * 4;
    parts.push(`rgb(${RAMP_RGBA[k]}, ${RAMP_RGBA[k + 1]}, ${RAMP_RGBA[k + 2]}) ${((100 * i) / (stops - 1)).toFixed(1)}%`);
  }
  return `linear-gradient(to right, ${parts.join(", ")})`;
}

/** CSS background of the excluded-cell swatch: the same two greys as a diagonal hatch. */
export const EXCLUDED_SWATCH = `repeating-linear-gradient(45deg, rgb(${EXCLUDED_DARK.slice(0, 3).join(",")}) 0 2px, rgb(${EXCLUDED_LIGHT.slice(0, 3).join(",")}) 2px 6px)`;
