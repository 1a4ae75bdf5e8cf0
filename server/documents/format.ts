/**
 * Number and label formatting shared by the web report, the PDF and the chart labels, so both
 * renderings print the same digits.
 */
import type { DocumentValue } from "@/server/documents/content";

// Formatters are built once per precision: Number.prototype.toLocaleString builds one per call, which
// dominated report rendering time.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(min: number, max: number): Intl.NumberFormat {
  const key = `${min}:${max}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat("en-GB", { minimumFractionDigits: min, maximumFractionDigits: max })));
  return f;
}

/** A number with thousands separators and at most `decimals` decimals ("—" when missing). */
export function fmtNumber(v: number | null | undefined, decimals = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  return formatter(0, decimals).format(v);
}

/** A number with exactly `decimals` decimals. */
export function fmtFixed(v: number | null | undefined, decimals: number): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  return formatter(decimals, decimals).format(v);
}

/** A 0–1 share as a percentage. */
export function fmtPct(v: number | null | undefined, decimals = 0): string {
  return v === null || v === undefined || !Number.isFinite(v) ? "—" : `${(v * 100).toFixed(decimals)} %`;
}

/** A report value: its label for categories, else the number; "—" when missing. */
export function fmtValue(v: DocumentValue): string {
  if (v.value === null) return "—";
  if (v.label) return v.label;
  return typeof v.value === "number" ? fmtNumber(v.value, v.decimals) : v.value;
}

/** A value with its unit ("1.12", "415 gCO2eq/kWh"). */
export function fmtWithUnit(v: DocumentValue): string {
  const s = fmtValue(v);
  return v.value === null || v.label || !v.unit || typeof v.value !== "number" ? s : `${s} ${v.unit}`;
}

/** Suggested decimals for a raw value of a layer with no stated precision. */
export function decimalsFor(v: number | string | null): number {
  if (typeof v !== "number") return 0;
  const a = Math.abs(v);
  return a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
}

/** Short hash for footers. */
export function shortHash(h: string): string {
  return h.slice(0, 12);
}

export const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

export const QUALITY_TEXT: Record<string, string> = {
  observed: "observed",
  modelled: "modelled",
  proxy: "proxy",
  missing: "missing",
  override: "user override",
};
