/**
 * A chart as a list of drawing primitives in a fixed coordinate box (points in the PDF, CSS pixels on
 * the web page). The chart builders (d3-scale for the axes, d3-geo for the map) compute scenes; two
 * small adapters draw them, as React DOM SVG on the web page and as @react-pdf/renderer SVG in the PDF,
 * so both renderings show the same chart.
 *
 * Greyscale first: fills are greys, and series are told apart by hatching (drawn as explicit line
 * segments, since the PDF renderer has no SVG patterns), dashes and direct labels, never by hue alone.
 */

export type SceneItem =
  | { kind: "rect"; x: number; y: number; w: number; h: number; fill: string; stroke?: string; strokeWidth?: number }
  | { kind: "line"; x1: number; y1: number; x2: number; y2: number; stroke: string; strokeWidth: number; dash?: string }
  | { kind: "path"; d: string; fill: string; stroke?: string; strokeWidth?: number; dash?: string }
  | { kind: "circle"; cx: number; cy: number; r: number; fill: string; stroke?: string; strokeWidth?: number }
  | { kind: "text"; x: number; y: number; text: string; size: number; anchor?: "start" | "middle" | "end"; bold?: boolean; fill?: string };

export interface Scene {
  width: number;
  height: number;
  /** Accessible title and description (alt text on the web page, figure caption). */
  title: string;
  description: string;
  items: SceneItem[];
}

/** Greys from light to dark, distinguishable in print. */
export const GREYS = ["#f0f0f0", "#d0d0d0", "#a8a8a8", "#808080", "#585858", "#303030"] as const;
export const INK = "#1a1a1a";
export const MUTED = "#666666";
export const RULE = "#bbbbbb";

/** Hatch styles for up to 8 series: grey fill plus a line pattern. */
export const HATCHES: readonly { fill: string; angle: number | null; spacing: number; ink: string }[] = [
  { fill: "#303030", angle: null, spacing: 0, ink: "#ffffff" },
  { fill: "#bdbdbd", angle: null, spacing: 0, ink: "#000000" },
  { fill: "#ffffff", angle: 45, spacing: 3, ink: "#000000" },
  { fill: "#808080", angle: null, spacing: 0, ink: "#ffffff" },
  { fill: "#ffffff", angle: -45, spacing: 3, ink: "#000000" },
  { fill: "#e6e6e6", angle: 0, spacing: 2.5, ink: "#000000" },
  { fill: "#ffffff", angle: 90, spacing: 3, ink: "#000000" },
  { fill: "#585858", angle: 45, spacing: 3, ink: "#ffffff" },
];

/**
 * A rectangle filled with hatch style `k`: the rect plus, for hatched styles, parallel line segments
 * clipped to it (so no SVG pattern or clip path is needed).
 */
export function hatchedRect(x: number, y: number, w: number, h: number, k: number, stroke = INK): SceneItem[] {
  const style = HATCHES[k % HATCHES.length]!;
  const items: SceneItem[] = [{ kind: "rect", x, y, w, h, fill: style.fill, stroke, strokeWidth: 0.4 }];
  if (style.angle === null || w <= 0 || h <= 0) return items;
  for (const seg of hatchSegments(x, y, w, h, style.angle, style.spacing)) {
    items.push({ kind: "line", ...seg, stroke: style.ink === "#ffffff" ? "#ffffff" : "#000000", strokeWidth: 0.35 });
  }
  return items;
}

/** Line segments at `angleDeg` (0 = horizontal, 90 = vertical, ±45 diagonal), `spacing` apart, clipped to the rect. */
export function hatchSegments(x: number, y: number, w: number, h: number, angleDeg: number, spacing: number): { x1: number; y1: number; x2: number; y2: number }[] {
  const out: { x1: number; y1: number; x2: number; y2: number }[] = [];
  if (angleDeg === 0) {
    for (let yy = y + spacing / 2; yy < y + h; yy += spacing) out.push({ x1: x, y1: yy, x2: x + w, y2: yy });
    return out;
  }
  if (angleDeg === 90) {
    for (let xx = x + spacing / 2; xx < x + w; xx += spacing) out.push({ x1: xx, y1: y, x2: xx, y2: y + h });
    return out;
  }
  // Diagonals: lines x − s·y = c (s = +1 for 45°, rising to the right in screen space means y falls as x grows).
  const s = angleDeg > 0 ? 1 : -1;
  const step = spacing * Math.SQRT2;
  // Parameterise by c = x + s·y over the rect's range of c.
  const cs = [x + s * y, x + w + s * y, x + s * (y + h), x + w + s * (y + h)];
  const cMin = Math.min(...cs), cMax = Math.max(...cs);
  for (let c = cMin + step / 2; c < cMax; c += step) {
    // Points where x + s·y = c meets the rect edges.
    const pts: [number, number][] = [];
    const tryPoint = (px: number, py: number) => {
      if (px >= x - 1e-9 && px <= x + w + 1e-9 && py >= y - 1e-9 && py <= y + h + 1e-9) pts.push([px, py]);
    };
    tryPoint(c - s * y, y);
    tryPoint(c - s * (y + h), y + h);
    tryPoint(x, (c - x) / s);
    tryPoint(x + w, (c - x - w) / s);
    if (pts.length >= 2) {
      pts.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      const a = pts[0]!, b = pts[pts.length - 1]!;
      if (Math.hypot(b[0] - a[0], b[1] - a[1]) > 0.2) out.push({ x1: a[0], y1: a[1], x2: b[0], y2: b[1] });
    }
  }
  return out;
}

/** Advance widths of Noto Sans per character class, in em (measured from the font's hmtx; close enough to fit labels). */
function charEm(c: string): number {
  if (" il.,:;'|!ijtfr()[]".includes(c)) return 0.3;
  if ("mwMW".includes(c)) return 0.86;
  if (c >= "0" && c <= "9") return 0.57;
  if (c >= "A" && c <= "Z") return 0.64;
  return 0.54;
}

/** Estimated text width in points at `size` (Noto Sans). */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const c of text) em += charEm(c);
  return em * size;
}

/** Shortens `text` with an ellipsis to fit `maxWidth` at `size`. */
export function fitText(text: string, size: number, maxWidth: number): string {
  if (textWidth(text, size) <= maxWidth) return text;
  let out = "";
  for (const c of text) {
    if (textWidth(`${out}${c}…`, size) > maxWidth) break;
    out += c;
  }
  return `${out}…`;
}

/** Greedy word wrap into at most `maxLines` lines of `maxWidth`; the last line is ellipsised when text remains. */
export function wrapText(text: string, size: number, maxWidth: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = line ? `${line} ${w}` : w;
    if (textWidth(next, size) <= maxWidth || !line) {
      line = next;
      continue;
    }
    lines.push(line);
    line = w;
    if (lines.length === maxLines - 1) {
      line = words.slice(i).join(" ");
      break;
    }
  }
  if (line) lines.push(line);
  return lines.map((l, k) => (k === lines.length - 1 || textWidth(l, size) > maxWidth ? fitText(l, size, maxWidth) : l));
}
