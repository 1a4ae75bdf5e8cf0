/**
 * Partial value functions: raw criterion value → utility, usually in [0, 1] (Keeney & Raiffa
 * 1976, "Decisions with Multiple Objectives", ch. 3; the piecewise-linear form and its
 * outOfBounds modes follow smaa.pvf of the R package "smaa", van Valkenhoef & Tervonen).
 *
 * - linear:          u = (x − worst)/(best − worst); worst > best expresses a cost criterion.
 * - piecewiseLinear: linear interpolation between (cutoff, value) points, cutoffs ascending.
 * - threshold:       u = 1 when x is on the good side of the threshold, else 0.
 *
 * outOfBounds, for x outside [first cutoff, last cutoff] (for linear: outside [worst, best]):
 *   "clip" (default) holds the end value; "interpolate" extends the end segment linearly;
 *   "error" throws OUT_OF_BOUNDS.
 */
import { ScoringError } from "./errors";
import { describeValue } from "./validate";

/** What a value function does beyond its range. */
export type OutOfBounds = "clip" | "interpolate" | "error";

/** A value function spec (raw units in, utility out). */
export type ValueFunction =
  | { type: "linear"; worst: number; best: number; outOfBounds?: OutOfBounds }
  | {
      type: "piecewiseLinear";
      /** Reference levels, strictly ascending (raw units). */
      cutoffs?: readonly number[];
      /** Utility at each cutoff. */
      values?: readonly number[];
      /** Alternatively, [x, utility] pairs with x strictly ascending. */
      points?: readonly (readonly [number, number])[];
      outOfBounds?: OutOfBounds;
    }
  | {
      type: "threshold";
      threshold: number;
      /** Which side is good: "above" (x ≥ threshold → 1) or "below" (x ≤ threshold → 1). */
      better: "above" | "below";
      /** Whether x equal to the threshold passes (default true). */
      inclusive?: boolean;
    };

function bad(message: string, parameter?: string): ScoringError {
  return new ScoringError("INVALID_VALUE_FUNCTION", message, parameter === undefined ? {} : { parameter });
}

function finite(x: unknown, name: string): number {
  if (typeof x !== "number" || x - x !== 0) throw bad(`${name} is ${describeValue(x)}: expected a finite number`, name);
  return x;
}

function checkMode(mode: unknown): OutOfBounds {
  const m = mode ?? "clip";
  if (m !== "clip" && m !== "interpolate" && m !== "error") {
    throw bad(`outOfBounds is ${describeValue(m)}: expected "clip", "interpolate" or "error"`, "outOfBounds");
  }
  return m;
}

function checkInput(x: number): void {
  if (typeof x !== "number" || x - x !== 0) {
    throw new ScoringError("NON_FINITE_VALUE", `value-function input is ${describeValue(x)}: expected a finite number (treat missing data as null before calling)`);
  }
}

/** Builds a piecewise-linear function over ascending cutoffs (internal). */
function piecewise(xs: Float64Array, vs: Float64Array, mode: OutOfBounds): (x: number) => number {
  const last = xs.length - 1;
  const segment = (x: number, k: number) => vs[k]! + ((x - xs[k]!) * (vs[k + 1]! - vs[k]!)) / (xs[k + 1]! - xs[k]!);
  return (x: number) => {
    checkInput(x);
    if (x <= xs[0]! || x >= xs[last]!) {
      if (x === xs[0]) return vs[0]!;
      if (x === xs[last]) return vs[last]!;
      if (mode === "error") {
        throw new ScoringError("OUT_OF_BOUNDS", `value ${x} is outside the value function's range [${xs[0]}, ${xs[last]}] (outOfBounds "error")`);
      }
      if (mode === "clip") return x < xs[0]! ? vs[0]! : vs[last]!;
      return x < xs[0]! ? segment(x, 0) : segment(x, last - 1);
    }
    // Binary search for the segment [xs[k], xs[k+1]] containing x.
    let lo = 0;
    let hi = last;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (xs[mid]! <= x) lo = mid; else hi = mid;
    }
    return segment(x, lo);
  };
}

/**
 * Compiles a value-function spec into a function of one raw value. The spec is validated once,
 * here; the returned function throws only for non-finite input or outOfBounds "error".
 *
 * @returns x (raw units) → utility (dimensionless; in [0, 1] when the spec's values are)
 */
export function valueFunction(spec: ValueFunction): (x: number) => number {
  if (!spec || typeof spec !== "object") throw bad(`value function spec is ${describeValue(spec)}`);
  switch (spec.type) {
    case "linear": {
      const worst = finite(spec.worst, "worst");
      const best = finite(spec.best, "best");
      if (worst === best) throw bad(`worst and best are both ${worst}: a linear value function needs two distinct anchors`, "best");
      const mode = checkMode(spec.outOfBounds);
      const xs = Float64Array.of(Math.min(worst, best), Math.max(worst, best));
      const vs = worst < best ? Float64Array.of(0, 1) : Float64Array.of(1, 0);
      return piecewise(xs, vs, mode);
    }
    case "piecewiseLinear": {
      let cutoffs: readonly number[];
      let values: readonly number[];
      if (spec.points) {
        if (!Array.isArray(spec.points)) throw bad("points must be an array of [x, utility] pairs", "points");
        cutoffs = spec.points.map((pt) => pt?.[0] as number);
        values = spec.points.map((pt) => pt?.[1] as number);
      } else {
        cutoffs = spec.cutoffs ?? [];
        values = spec.values ?? [];
      }
      if (cutoffs.length !== values.length) throw bad(`cutoffs has ${cutoffs.length} entries but values has ${values.length}`, "values");
      if (cutoffs.length < 2) throw bad(`a piecewise-linear value function needs at least 2 points, got ${cutoffs.length}`, "cutoffs");
      const xs = new Float64Array(cutoffs.length);
      const vs = new Float64Array(values.length);
      for (let k = 0; k < xs.length; k++) {
        xs[k] = finite(cutoffs[k], `cutoffs[${k}]`);
        vs[k] = finite(values[k], `values[${k}]`);
        if (k > 0 && !(xs[k]! > xs[k - 1]!)) throw bad(`cutoffs[${k}] = ${xs[k]} is not greater than cutoffs[${k - 1}] = ${xs[k - 1]}: cutoffs must be strictly ascending`, `cutoffs[${k}]`);
      }
      return piecewise(xs, vs, checkMode(spec.outOfBounds));
    }
    case "threshold": {
      const t = finite(spec.threshold, "threshold");
      const inclusive = spec.inclusive ?? true;
      if (spec.better !== "above" && spec.better !== "below") {
        throw bad(`better is ${describeValue(spec.better)}: expected "above" or "below"`, "better");
      }
      const sign = spec.better === "above" ? 1 : -1;
      return (x) => {
        checkInput(x);
        const d = sign * (x - t);
        return d > 0 || (inclusive && d === 0) ? 1 : 0;
      };
    }
    default:
      throw bad(`type is ${describeValue((spec as { type?: unknown }).type)}: expected "linear", "piecewiseLinear" or "threshold"`, "type");
  }
}

/** A raw cell: a number, missing (null/undefined), or a value with the reason it is missing. */
export type RawCell = number | null | undefined | { value: number | null; reason?: string };

/**
 * Applies one value function per criterion to a raw matrix. Missing cells stay missing (with
 * their reason), never 0; a `null` spec passes the column through unchanged (already a utility).
 *
 * @returns utilities (dimensionless), rows = alternatives, with `{ value: null, reason }` for gaps
 */
export function applyValueFunctions(
  rows: ReadonlyArray<ReadonlyArray<RawCell>>,
  specs: ReadonlyArray<ValueFunction | null>,
): ({ value: number; reason?: undefined } | { value: null; reason: string })[][] {
  const identity = (x: number): number => {
    checkInput(x);
    return x;
  };
  const fns = specs.map((s) => (s ? valueFunction(s) : identity));
  return rows.map((row, i) => {
    if (!row || row.length !== fns.length) {
      throw new ScoringError("RAGGED_ROW", `rows[${i}] has ${row?.length ?? 0} values, expected ${fns.length} (one per value function)`, { row: i });
    }
    return row.map((cell, j) => {
      const raw = cell !== null && typeof cell === "object" ? cell.value : cell;
      if (raw === null || raw === undefined) {
        const reason = cell !== null && typeof cell === "object" && cell.reason ? cell.reason : "no data";
        return { value: null, reason };
      }
      try {
        return { value: fns[j]!(raw) };
      } catch (e) {
        if (e instanceof ScoringError && (e.code === "NON_FINITE_VALUE" || e.code === "OUT_OF_BOUNDS")) {
          throw new ScoringError(e.code, `rows[${i}][${j}]: ${e.message}`, { row: i, column: j });
        }
        throw e;
      }
    });
  });
}
