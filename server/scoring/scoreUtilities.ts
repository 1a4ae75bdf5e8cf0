/**
 * Scoring of a utility matrix (value functions already applied, utilities in [0, 1]) with any
 * method, together with hard exclusions and a documented rule for missing values. This is the
 * product's entry point: criteria → value functions → utilities → here.
 *
 * Missing values (null, undefined or `{ value: null, reason }`) in a criterion of positive
 * weight combine by the caller's `missing` policy:
 *   - "exclude" (default): the alternative is excluded with the reason
 *     "missing value for criterion X" (plus the cell's own reason), gets score and rank null;
 *   - "renormalize": for the additive and multiplicative methods (WSM, WPM, WASPAS) the
 *     alternative is scored on the criteria it has, with their weights rescaled to sum 1 for it
 *     (S_i = Σ_{j∈avail} w_j u_ij / Σ_{j∈avail} w_j); an alternative with no weighted value at
 *     all is excluded. TOPSIS, VIKOR and PROMETHEE II compare alternatives with each other on
 *     every criterion, so for them "renormalize" is refused (UNSUPPORTED_MISSING_POLICY).
 * A missing value in a criterion of zero weight is ignored. Missing is never read as 0.
 *
 * Excluded alternatives (hard constraints or missing values) are left out before scoring, so
 * they do not influence the others (e.g. TOPSIS's ideal, VIKOR's f*, PROMETHEE's flows).
 */
import { type Exclusion, type ExclusionReason, criterionName } from "./constraints";
import { ScoringError } from "./errors";
import { methodSpec, scoreProblem, type MethodName, type MethodSpec } from "./methods";
import { rankDescending } from "./ranking";
import { checkWeights, describeValue } from "./validate";
import type { CriterionType } from "./types";

/** A utility cell: a number in [0, 1], or missing with an optional reason. */
export type UtilityCell = number | null | undefined | { value: number | null; reason?: string };

/** Missing-value policy (see the module comment). */
export type MissingPolicy = "exclude" | "renormalize";

/** Options of {@link scoreUtilities}. */
export interface ScoreUtilitiesOptions {
  /** Method name or spec (default "wsm"). Normalisation is "none": the values are utilities. */
  method?: MethodName | MethodSpec;
  /** How missing utilities combine (default "exclude"). */
  missing?: MissingPolicy;
  /** Hard-constraint results per alternative (from `applyConstraints`). */
  exclusions?: ReadonlyArray<Exclusion | null | undefined>;
  /** Criterion names, for reasons. */
  criteria?: readonly string[];
}

/** Result of {@link scoreUtilities}, per alternative in input order. */
export interface UtilityScores {
  method: MethodName;
  /** Whether a higher or lower score is better (lower only for VIKOR's Q). */
  better: "higher" | "lower";
  /** The method's score (WSM/WPM/WASPAS in [0, 1], TOPSIS closeness, VIKOR Q, PROMETHEE net flow); null if excluded. */
  scores: (number | null)[];
  /** Rank among the scored alternatives (1 = best, ties share); null if excluded. */
  ranking: (number | null)[];
  /** Exclusion status and reasons. */
  exclusions: Exclusion[];
  /** Weights used for each alternative (renormalised when values are missing); null if excluded. */
  weights: (number[] | null)[];
  /** WSM only: w_j·u_ij per criterion (0 where missing), summing to the score; null otherwise. */
  contributions: (number[] | null)[] | null;
}

function cellValue(cell: UtilityCell): number | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === "object") return cell.value;
  return cell;
}

/**
 * Scores utilities with a method, hard exclusions and a missing-value policy.
 *
 * @param utilities rows = alternatives, columns = criteria, values in [0, 1] or missing
 * @param weights one per criterion, ≥ 0, not all zero (normalised to sum 1)
 */
export function scoreUtilities(
  utilities: ReadonlyArray<ReadonlyArray<UtilityCell>>,
  weights: ArrayLike<number>,
  opts: ScoreUtilitiesOptions = {},
): UtilityScores {
  const spec = methodSpec(opts.method ?? "wsm");
  const policy = opts.missing ?? "exclude";
  if (policy !== "exclude" && policy !== "renormalize") {
    throw new ScoringError("INVALID_PARAMETER", `missing is ${describeValue(policy)}: expected "exclude" or "renormalize"`, { parameter: "missing" });
  }
  const m = utilities?.length ?? 0;
  if (m === 0) throw new ScoringError("EMPTY_MATRIX", "utilities has no rows: at least one alternative is needed");
  const n = weights?.length ?? 0;
  const w = checkWeights(weights, n);
  if (opts.exclusions && opts.exclusions.length !== m) {
    throw new ScoringError("INVALID_PARAMETER", `exclusions has ${opts.exclusions.length} entries, expected ${m} (one per alternative)`, { parameter: "exclusions" });
  }

  // Read and validate cells; decide exclusions.
  const values = new Float64Array(m * n);
  const present = new Uint8Array(m * n);
  const exclusions: Exclusion[] = new Array(m);
  for (let i = 0; i < m; i++) {
    const row = utilities[i];
    if (!row || row.length !== n) {
      throw new ScoringError("RAGGED_ROW", `utilities[${i}] has ${row?.length ?? 0} values, expected ${n} (one per weight)`, { row: i });
    }
    const reasons: ExclusionReason[] = [...(opts.exclusions?.[i]?.reasons ?? [])];
    const hard = opts.exclusions?.[i]?.excluded === true || reasons.length > 0;
    for (let j = 0; j < n; j++) {
      const cell = row[j];
      const x = cellValue(cell);
      if (x === null || x === undefined) {
        if (w[j]! > 0 && policy === "exclude") {
          const why = cell !== null && typeof cell === "object" && cell.reason ? ` (${cell.reason})` : "";
          reasons.push({ code: "missing_value", criterion: j, message: `missing value for ${criterionName(j, opts.criteria)}${why}` });
        }
        continue;
      }
      if (typeof x !== "number" || x - x !== 0) {
        throw new ScoringError("NON_FINITE_VALUE", `utilities[${i}][${j}] is ${describeValue(x)}: expected a finite number or null for missing`, { row: i, column: j });
      }
      if (x < 0 || x > 1) {
        throw new ScoringError("VALUE_OUT_OF_RANGE", `utilities[${i}][${j}] is ${x}: utilities must lie in [0, 1] (apply a value function first)`, { row: i, column: j });
      }
      values[i * n + j] = x;
      present[i * n + j] = 1;
    }
    if (!hard && reasons.length === 0 && policy === "renormalize") {
      let avail = 0;
      for (let j = 0; j < n; j++) if (present[i * n + j]) avail += w[j]!;
      if (!(avail > 0)) reasons.push({ code: "no_weighted_value", criterion: null, message: "no value for any criterion with a positive weight" });
    }
    exclusions[i] = { excluded: hard || reasons.length > 0, reasons };
  }

  const kept: number[] = [];
  for (let i = 0; i < m; i++) if (!exclusions[i]!.excluded) kept.push(i);
  const scores: (number | null)[] = new Array(m).fill(null);
  const ranking: (number | null)[] = new Array(m).fill(null);
  const usedWeights: (number[] | null)[] = new Array(m).fill(null);
  const isWsm = spec.method === "wsm";
  const contributions: (number[] | null)[] | null = isWsm ? new Array(m).fill(null) : null;
  const better = spec.method === "vikor" ? "lower" : "higher";
  if (kept.length === 0) return { method: spec.method, better, scores, ranking, exclusions, weights: usedWeights, contributions };

  let anyGap = false;
  for (const i of kept) for (let j = 0; j < n; j++) if (w[j]! > 0 && !present[i * n + j]) anyGap = true;

  if (anyGap) {
    // Only reachable with policy "renormalize".
    if (spec.method === "topsis" || spec.method === "vikor" || spec.method === "promethee2") {
      throw new ScoringError("UNSUPPORTED_MISSING_POLICY", `missing "renormalize" is not defined for ${spec.method}, which compares alternatives on every criterion: use missing "exclude", or WSM/WPM/WASPAS`, { parameter: "missing" });
    }
    const lambda = spec.method === "waspas" ? (spec.lambda ?? 0.5) : spec.method === "wsm" ? 1 : 0;
    if (!(lambda >= 0 && lambda <= 1)) throw new ScoringError("INVALID_PARAMETER", `lambda is ${describeValue(lambda)}: expected a number in [0, 1]`, { parameter: "lambda" });
    const s = new Float64Array(kept.length);
    kept.forEach((i, k) => {
      let avail = 0;
      for (let j = 0; j < n; j++) if (present[i * n + j]) avail += w[j]!;
      const wi = new Array<number>(n);
      const ci = new Array<number>(n);
      let sum = 0;
      let logProd = 0;
      for (let j = 0; j < n; j++) {
        wi[j] = present[i * n + j] ? w[j]! / avail : 0;
        ci[j] = wi[j]! * values[i * n + j]!;
        sum += ci[j]!;
        if (wi[j]! > 0) logProd += wi[j]! * Math.log(values[i * n + j]!);
      }
      s[k] = lambda * sum + (1 - lambda) * Math.exp(logProd);
      scores[i] = s[k]!;
      usedWeights[i] = wi;
      if (contributions) contributions[i] = ci;
    });
    const r = rankDescending(s);
    kept.forEach((i, k) => { ranking[i] = r[k]!; });
    return { method: spec.method, better, scores, ranking, exclusions, weights: usedWeights, contributions };
  }

  // Complete data for the kept alternatives: run the method on the sub-matrix of utilities.
  const matrix = kept.map((i) => Array.from(values.subarray(i * n, (i + 1) * n)));
  const types: CriterionType[] = new Array<CriterionType>(n).fill("benefit");
  const sub: MethodSpec =
    spec.method === "vikor" ? { ...spec, onConstant: spec.onConstant ?? "ignore" }
    : spec.method === "promethee2" ? spec
    : { ...spec, normalization: "none" };
  const res = scoreProblem({ matrix, types, weights: w }, sub);
  const wArr = Array.from(w);
  kept.forEach((i, k) => {
    scores[i] = res.scores[k]!;
    ranking[i] = res.ranking[k]!;
    usedWeights[i] = wArr;
    if (contributions) contributions[i] = matrix[k]!.map((u, j) => w[j]! * u);
  });
  return { method: spec.method, better, scores, ranking, exclusions, weights: usedWeights, contributions };
}
