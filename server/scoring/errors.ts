/**
 * Typed errors of the scoring engine.
 *
 * Every invalid input is reported as a {@link ScoringError} with a stable `code` (safe to switch on
 * in the UI and in tests) and a message that names the cell, row or column at fault using 0-based
 * indices, e.g. `matrix[2][1] is NaN`. The structured fields (`row`, `column`, `parameter`) carry
 * the same location for programs.
 */

/** Stable error codes. Never rename one: callers switch on them. */
export type ScoringErrorCode =
  /** The decision matrix has no rows or no columns. */
  | "EMPTY_MATRIX"
  /** A row is not an array, or its length differs from the first row's. */
  | "RAGGED_ROW"
  /** A value is NaN, ±Infinity or not a number. */
  | "NON_FINITE_VALUE"
  /** A value is negative where the method needs non-negative data (ratio scale). */
  | "NEGATIVE_VALUE"
  /** A value is zero or negative where the method divides by it or raises it to a power. */
  | "NON_POSITIVE_VALUE"
  /** A utility lies outside [0, 1] where utilities are required. */
  | "VALUE_OUT_OF_RANGE"
  /** `types.length` differs from the number of criteria. */
  | "TYPES_LENGTH"
  /** A criterion type is neither "benefit" nor "cost". */
  | "INVALID_TYPE"
  /** `weights.length` differs from the number of criteria. */
  | "WEIGHTS_LENGTH"
  /** A weight is NaN, infinite or not a number. */
  | "INVALID_WEIGHT"
  /** A weight is negative. */
  | "NEGATIVE_WEIGHT"
  /** All weights are zero. */
  | "ZERO_WEIGHTS"
  /** A criterion has the same value for every alternative where the method divides by its range. */
  | "CONSTANT_CRITERION"
  /** Too few alternatives for the method (e.g. entropy with one alternative). */
  | "TOO_FEW_ALTERNATIVES"
  /** Too many alternatives for the method's memory (SMAA's m × m table). */
  | "TOO_MANY_ALTERNATIVES"
  /** An option is outside its domain (e.g. VIKOR v outside [0, 1]). */
  | "INVALID_PARAMETER"
  /** PROMETHEE: `preferences.length` differs from the number of criteria. */
  | "PREFERENCES_LENGTH"
  /** AHP: the pairwise matrix is not square. */
  | "AHP_NOT_SQUARE"
  /** AHP: a pairwise judgement is zero, negative or not finite. */
  | "AHP_NON_POSITIVE"
  /** AHP: a diagonal entry is not 1. */
  | "AHP_DIAGONAL"
  /** AHP: a[j][i] is not 1 / a[i][j]. */
  | "AHP_NOT_RECIPROCAL"
  /** AHP: the chosen random-index table has no value for this matrix size. */
  | "RANDOM_INDEX_UNAVAILABLE"
  /** ROC weights: the importance order is not a valid ranking 1..n. */
  | "INVALID_ORDER"
  /** A value-function spec is malformed (unsorted cutoffs, best = worst, …). */
  | "INVALID_VALUE_FUNCTION"
  /** A value function with outOfBounds "error" got a value outside its cutoffs. */
  | "OUT_OF_BOUNDS"
  /** SMAA: the weight constraints admit no weight vector. */
  | "INFEASIBLE_WEIGHTS"
  /** SMAA: rejection sampling hit its attempt cap before collecting the samples asked for. */
  | "SAMPLING_CAP_REACHED"
  /** Two rankings to compare have different lengths, or a ranking holds a non-integer. */
  | "RANKING_LENGTH"
  /** A hard constraint is malformed. */
  | "INVALID_CONSTRAINT"
  /** The missing-value policy is not supported by the chosen method. */
  | "UNSUPPORTED_MISSING_POLICY";

/** Where in the input the problem is (0-based indices). */
export interface ScoringErrorLocation {
  /** Alternative (row) index. */
  row?: number;
  /** Criterion (column) index. */
  column?: number;
  /** Name of the offending option, e.g. "v" or "preferences[2].p". */
  parameter?: string;
}

/** The one error class of the scoring engine. */
export class ScoringError extends Error {
  override readonly name = "ScoringError";
  readonly code: ScoringErrorCode;
  readonly row: number | undefined;
  readonly column: number | undefined;
  readonly parameter: string | undefined;

  constructor(code: ScoringErrorCode, message: string, where: ScoringErrorLocation = {}) {
    super(message);
    this.code = code;
    this.row = where.row;
    this.column = where.column;
    this.parameter = where.parameter;
  }
}

/** True when `e` is a {@link ScoringError}, optionally with the given code. */
export function isScoringError(e: unknown, code?: ScoringErrorCode): e is ScoringError {
  return e instanceof ScoringError && (code === undefined || e.code === code);
}
