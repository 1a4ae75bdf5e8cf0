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
 * Evaluates hard constraints for every alternative.
 *
 * @param rows raw values, rows = alternatives, indexed by each constraint's `criterion`
 * @param constraints the hard constraints
 * @returns per alternative: excluded or not, with every reason
 */
export function applyConstraints(
  rows: ReadonlyArray<ReadonlyArray<ConstraintValue>>,
  constraints: readonly HardConstraint[],
  opts: ConstraintOptions = {},
): Exclusion[] {
  constraints.forEach(checkConstraint);
  return rows.map((row, i) => {
    if (!row || typeof row.length !== "number") throw new ScoringError("RAGGED_ROW", `rows[${i}] is not an array`, { row: i });
    const reasons: ExclusionReason[] = [];
    constraints.forEach((c, k) => {
      const j = c.criterion;
      if (j >= row.length) {
        throw new ScoringError("RAGGED_ROW", `rows[${i}] has ${row.length} values but constraints[${k}] reads column ${j}`, { row: i, column: j });
      }
      const name = c.label ?? criterionName(j, opts.criteria);
      const cell = row[j];
      const x = cell !== null && typeof cell === "object" ? cell.value : cell;
      const missing = x === null || x === undefined || (typeof x === "number" && Number.isNaN(x));
      if (missing) {
        if (opts.missing !== "keep") {
          const why = cell !== null && typeof cell === "object" && cell.reason ? ` (${cell.reason})` : "";
          reasons.push({ code: "missing_value", criterion: j, message: `missing value for ${name}${why}: the constraint cannot be checked` });
        }
        return;
      }
      const code = violation(c, x as number | string);
      if (code === null) return;
      const message = c.kind === "excludeBelow"
        ? (typeof x !== "number" ? `${name} is ${describeValue(x)}, not a number to compare with the minimum ${c.value}` : `${name} ${x} is below the minimum ${c.value}`)
        : c.kind === "excludeAbove"
          ? (typeof x !== "number" ? `${name} is ${describeValue(x)}, not a number to compare with the maximum ${c.value}` : `${name} ${x} is above the maximum ${c.value}`)
          : c.kind === "allowedValues"
            ? `${name} ${describeValue(x)} is not among the allowed values (${c.values.join(", ")})`
            : `${name} ${describeValue(x)} is an excluded value`;
      reasons.push({ code, criterion: j, message });
    });
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
