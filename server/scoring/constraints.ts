/**
 * Hard constraints: exclusion of alternatives, kept apart from the weighted scores (as NREL reV's
 * exclusion masks are kept apart from its supply-curve scoring). An excluded alternative carries
 * one reason per failed constraint, is not scored, and has rank null.
 */
import { ScoringError } from "./errors";
import { describeValue } from "./validate";

/** A raw value for a constraint: number, category (e.g. a jurisdiction code) or missing. */
export type ConstraintValue = number | string | null | undefined | { value: number | string | null; reason?: string };

/** One hard constraint on one criterion (column of the raw values). */
export type HardConstraint =
  /** Exclude when the value is below `value` (e.g. available grid capacity < 200 MW). */
  | { kind: "excludeBelow"; criterion: number; value: number; label?: string }
  /** Exclude when the value is above `value` (e.g. flood depth > 0.5 m). */
  | { kind: "excludeAbove"; criterion: number; value: number; label?: string }
  /** Exclude unless the value is one of `values` (e.g. allowed jurisdictions). */
  | { kind: "allowedValues"; criterion: number; values: readonly (string | number)[]; label?: string }
  /** Exclude when the value is one of `values`. */
  | { kind: "excludedValues"; criterion: number; values: readonly (string | number)[]; label?: string };

/** Why an alternative is excluded. */
export interface ExclusionReason {
  code: "below_minimum" | "above_maximum" | "not_allowed" | "excluded_value" | "missing_value" | "no_weighted_value";
  /** Criterion index, or null when the reason is not about one criterion. */
  criterion: number | null;
  /** One sentence for people, naming the criterion, the value and the limit. */
  message: string;
}

/** The exclusion status of one alternative. */
export interface Exclusion {
  excluded: boolean;
  reasons: ExclusionReason[];
}

/** Options of {@link applyConstraints}. */
export interface ConstraintOptions {
  /** Criterion names used in messages (default "criterion <j>"). */
  criteria?: readonly string[];
  /**
   * A missing value under a constraint: "exclude" (default: it cannot be shown to pass) or
   * "keep" (the constraint is not applied to it).
   */
  missing?: "exclude" | "keep";
}

/** Name of criterion j for messages. */
export function criterionName(j: number, names?: readonly string[]): string {
  return names?.[j] ?? `criterion ${j}`;
}

function checkConstraint(c: HardConstraint, k: number): void {
  const where = { parameter: `constraints[${k}]` };
  if (!c || typeof c !== "object") throw new ScoringError("INVALID_CONSTRAINT", `constraints[${k}] is ${describeValue(c)}`, where);
  if (!Number.isInteger(c.criterion) || c.criterion < 0) {
    throw new ScoringError("INVALID_CONSTRAINT", `constraints[${k}].criterion is ${describeValue(c.criterion)}: expected a column index ≥ 0`, where);
  }
  switch (c.kind) {
    case "excludeBelow":
    case "excludeAbove":
      if (typeof c.value !== "number" || c.value - c.value !== 0) {
        throw new ScoringError("INVALID_CONSTRAINT", `constraints[${k}].value is ${describeValue(c.value)}: expected a finite number`, where);
      }
      return;
    case "allowedValues":
    case "excludedValues":
      if (!Array.isArray(c.values)) throw new ScoringError("INVALID_CONSTRAINT", `constraints[${k}].values must be an array`, where);
      return;
    default:
      throw new ScoringError("INVALID_CONSTRAINT", `constraints[${k}].kind is ${describeValue((c as { kind?: unknown }).kind)}: expected excludeBelow, excludeAbove, allowedValues or excludedValues`, where);
  }
}

/** A constraint's rule without its column: what {@link violation} needs. */
export type ConstraintRule =
  | { kind: "excludeBelow" | "excludeAbove"; value: number }
  | { kind: "allowedValues" | "excludedValues"; values: readonly (string | number)[] };

/**
 * The one rule of every hard constraint, for a present value `x` (a missing value cannot be shown
 * to pass: callers exclude it before asking): the reason code when `x` fails, else null. A category
 * fails a numeric bound; allowed and excluded values compare by identity (a number is never a category key).
 */
export function violation(c: ConstraintRule, x: number | string): ExclusionReason["code"] | null {
  switch (c.kind) {
    case "excludeBelow": return typeof x !== "number" || x < c.value ? "below_minimum" : null;
    case "excludeAbove": return typeof x !== "number" || x > c.value ? "above_maximum" : null;
    case "allowedValues": return c.values.includes(x) ? null : "not_allowed";
    case "excludedValues": return c.values.includes(x) ? "excluded_value" : null;
  }
}

/**
 * A column of raw values under constraints, one entry per alternative (a site or a land cell):
 * numbers with NaN for missing, or categories as an index into `keys` (< 0 missing). A key may be a
 * number (a numeric value in a column that also holds categories): the rule reads it as a number.
 */
export type ConstraintColumn =
  | { kind: "numeric"; values: ArrayLike<number> }
  | { kind: "category"; keys: readonly (string | number)[]; index: ArrayLike<number> };

/** What one criterion's constraints exclude in its column. */
export interface ColumnExclusion {
  /** Bitset over the rows, 1 = excluded (row i at byte i >> 3, bit i & 7). */
  bits: Uint8Array;
  /** Rows excluded. */
  count: number;
  /**
   * The reasons of row i, one per failed constraint in their order (empty when it passes), worded as
   * the site API words them: computed on demand, so a surface of 257,000 cells builds no message.
   */
  reasonsAt(i: number): ExclusionReason[];
}

/** Options of {@link excludeByColumn}. */
export interface ColumnConstraintOptions {
  /** Criterion name for messages (each constraint's own `label` wins). */
  name?: string;
  /** See {@link ConstraintOptions.missing}. */
  missing?: "exclude" | "keep";
  /** Why row i's value is missing, added to its reason. */
  missingReason?: (i: number) => string | undefined;
}

/**
 * The one evaluation of hard constraints, on one criterion's column, for sites and cells alike: a
 * row is excluded when its value is missing (unless `missing: "keep"`: it cannot be shown to pass)
 * or when any constraint's {@link violation} fails for it. Each distinct category, and each run of
 * equal numbers (polygon-derived cell columns repeat one value over long runs), is judged once.
 *
 * @param constraints constraints on this column (their `criterion` names it in the reasons)
 * @param n number of rows
 */
export function excludeByColumn(column: ConstraintColumn, constraints: readonly HardConstraint[], n: number, opts: ColumnConstraintOptions = {}): ColumnExclusion {
  constraints.forEach(checkConstraint);
  const keepMissing = opts.missing === "keep";
  const bits = new Uint8Array((n + 7) >> 3);
  let count = 0;
  const fails = (x: number | string) => constraints.some((c) => violation(c, x) !== null);
  if (column.kind === "category") {
    const failing = column.keys.map(fails);
    const index = column.index;
    for (let i = 0; i < n; i++) {
      const k = index[i]!;
      if (k < 0 ? !keepMissing : failing[k]) {
        bits[i >> 3] = bits[i >> 3]! | (1 << (i & 7));
        count++;
      }
    }
  } else {
    const values = column.values;
    let lastV = NaN, lastFails = true;
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      let out: boolean;
      if (v !== v) out = !keepMissing;
      else {
        if (v !== lastV) {
          lastV = v;
          lastFails = fails(v);
        }
        out = lastFails;
      }
      if (out) {
        bits[i >> 3] = bits[i >> 3]! | (1 << (i & 7));
        count++;
      }
    }
  }
  const valueAt = (i: number): number | string | null => {
    if (column.kind === "category") {
      const k = column.index[i]!;
      return k < 0 ? null : column.keys[k]!;
    }
    const v = column.values[i]!;
    return v !== v ? null : v;
  };
  const reasonsAt = (i: number): ExclusionReason[] => {
    if (!(bits[i >> 3]! & (1 << (i & 7)))) return [];
    const x = valueAt(i);
    const reasons: ExclusionReason[] = [];
    for (const c of constraints) {
      const name = c.label ?? opts.name ?? criterionName(c.criterion);
      if (x === null) {
        const why = opts.missingReason?.(i);
        reasons.push({ code: "missing_value", criterion: c.criterion, message: `missing value for ${name}${why ? ` (${why})` : ""}: the constraint cannot be checked` });
        continue;
      }
      const code = violation(c, x);
      if (code !== null) reasons.push({ code, criterion: c.criterion, message: failureMessage(c, name, x) });
    }
    return reasons;
  };
  return { bits, count, reasonsAt };
}

/** The sentence for a present value `x` that fails constraint `c`. */
function failureMessage(c: HardConstraint, name: string, x: number | string): string {
  switch (c.kind) {
    case "excludeBelow":
      return typeof x !== "number" ? `${name} is ${describeValue(x)}, not a number to compare with the minimum ${c.value}` : `${name} ${x} is below the minimum ${c.value}`;
    case "excludeAbove":
      return typeof x !== "number" ? `${name} is ${describeValue(x)}, not a number to compare with the maximum ${c.value}` : `${name} ${x} is above the maximum ${c.value}`;
    case "allowedValues":
      return `${name} ${describeValue(x)} is not among the allowed values (${c.values.join(", ")})`;
    case "excludedValues":
      return `${name} ${describeValue(x)} is an excluded value`;
  }
}

/**
 * Reads raw values (numbers, categories, missing as null/undefined/NaN or `{ value: null, reason }`)
 * into a {@link ConstraintColumn}: numeric when every present value is a number, else categories
 * (numbers among them kept as number keys). Returns the missing reasons by row.
 */
export function constraintColumn(values: ArrayLike<ConstraintValue>): { column: ConstraintColumn; missingReason: (i: number) => string | undefined } {
  const n = values.length;
  const reasons = new Map<number, string>();
  const present = (i: number): number | string | null => {
    const cell = values[i];
    const x = cell !== null && typeof cell === "object" ? cell.value : cell;
    if (x === null || x === undefined || (typeof x === "number" && Number.isNaN(x))) {
      if (cell !== null && typeof cell === "object" && cell.reason) reasons.set(i, cell.reason);
      return null;
    }
    return x;
  };
  const read: (number | string | null)[] = new Array(n);
  let allNumbers = true;
  for (let i = 0; i < n; i++) {
    const x = present(i);
    read[i] = x;
    if (x !== null && typeof x !== "number") allNumbers = false;
  }
  const missingReason = (i: number) => reasons.get(i);
  if (allNumbers) return { column: { kind: "numeric", values: Float64Array.from(read, (x) => (x === null ? NaN : (x as number))) }, missingReason };
  const keys: (string | number)[] = [];
  const keyIndex = new Map<string | number, number>();
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const x = read[i]!;
    if (x === null) { index[i] = -1; continue; }
    let k = keyIndex.get(x);
    if (k === undefined) {
      k = keys.length;
      keys.push(x);
      keyIndex.set(x, k);
    }
    index[i] = k;
  }
  return { column: { kind: "category", keys, index }, missingReason };
}

/**
 * Evaluates hard constraints for every alternative given as rows (the column evaluation above,
 * applied to each constraint's column).
 *
 * @param rows raw values, rows = alternatives, indexed by each constraint's `criterion`
 * @param constraints the hard constraints
 * @returns per alternative: excluded or not, with every reason (in constraint order)
 */
export function applyConstraints(
  rows: ReadonlyArray<ReadonlyArray<ConstraintValue>>,
  constraints: readonly HardConstraint[],
  opts: ConstraintOptions = {},
): Exclusion[] {
  constraints.forEach(checkConstraint);
  const m = rows.length;
  rows.forEach((row, i) => {
    if (!row || typeof row.length !== "number") throw new ScoringError("RAGGED_ROW", `rows[${i}] is not an array`, { row: i });
    constraints.forEach((c, k) => {
      if (c.criterion >= row.length) {
        throw new ScoringError("RAGGED_ROW", `rows[${i}] has ${row.length} values but constraints[${k}] reads column ${c.criterion}`, { row: i, column: c.criterion });
      }
    });
  });
  const columns = new Map<number, ReturnType<typeof constraintColumn>>();
  const perConstraint = constraints.map((c) => {
    let col = columns.get(c.criterion);
    if (!col) columns.set(c.criterion, (col = constraintColumn(rows.map((row) => row[c.criterion]))));
    return excludeByColumn(col.column, [c], m, { name: criterionName(c.criterion, opts.criteria), missingReason: col.missingReason, ...(opts.missing ? { missing: opts.missing } : {}) });
  });
  return rows.map((_, i) => {
    const reasons = perConstraint.flatMap((e) => e.reasonsAt(i));
    return { excluded: reasons.length > 0, reasons };
  });
}

/** Combines exclusion lists of the same alternatives (excluded if any says so; reasons concatenated). */
export function mergeExclusions(...lists: ReadonlyArray<ReadonlyArray<Exclusion | null | undefined>>): Exclusion[] {
  const m = Math.max(0, ...lists.map((l) => l.length));
  const out: Exclusion[] = [];
  for (let i = 0; i < m; i++) {
    const reasons = lists.flatMap((l) => l[i]?.reasons ?? []);
    const excluded = lists.some((l) => l[i]?.excluded === true) || reasons.length > 0;
    out.push({ excluded, reasons });
  }
  return out;
}
