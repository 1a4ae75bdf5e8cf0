/**
 * A derived number that may be missing, with the reason (DESIGN.md §2 and §7: "missing is explicit,
 * `{ value: null, reason }`, with a tested rule for how nulls combine").
 *
 * Null rule of the engineering models: an output is null as soon as one input it needs is null, and
 * its reason names that input and carries the input's own reason (so "grid intensity: no Electricity
 * Maps zone covers this point" survives into the CO2 figure). Several missing inputs are all named,
 * joined with "; ". A missing value is never replaced by 0.
 */

/** A present value, or null with the reason it is missing. */
export type Estimate<T = number> = { readonly value: T; readonly reason?: undefined } | { readonly value: null; readonly reason: string };

/** A present value. */
export function known<T>(value: T): Estimate<T> {
  return { value };
}

/** A missing value with its reason. */
export function missing<T = number>(reason: string): Estimate<T> {
  return { value: null, reason };
}

/**
 * An input as callers hand it over: a plain number, null/undefined (missing, no reason known), or an
 * {@link Estimate}-like `{ value, reason }` as the layer samplers return.
 */
export type EstimateInput = number | null | undefined | { readonly value: number | null; readonly reason?: string | null | undefined };

/**
 * Normalises an input to an {@link Estimate}. A non-finite number counts as missing. `name` labels the
 * input in the reason ("grid intensity: …").
 */
export function toEstimate(input: EstimateInput, name: string): Estimate<number> {
  if (input === null || input === undefined) return missing(`${name}: no value given`);
  if (typeof input === "number") {
    return Number.isFinite(input) ? known(input) : missing(`${name}: not a finite number (${String(input)})`);
  }
  const v = input.value;
  if (v === null || v === undefined) return missing(`${name}: ${input.reason ?? "no value given"}`);
  if (typeof v !== "number" || !Number.isFinite(v)) return missing(`${name}: not a finite number (${String(v)})`);
  return known(v);
}

/** The reasons of the missing estimates among `parts`, joined with "; " (empty string if none is missing). */
export function missingReasons(...parts: readonly Estimate<unknown>[]): string {
  let out = "";
  for (const p of parts) {
    if (p.value === null) out = out === "" ? (p.reason as string) : `${out}; ${p.reason as string}`;
  }
  return out;
}
