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
import { additiveScores, type MissingPolicy } from "./additive";
import { type Exclusion, type ExclusionReason, criterionName } from "./constraints";
import { ScoringError } from "./errors";
import { methodSpec, scoreProblem, type MethodName, type MethodSpec } from "./methods";
import { rankDescending } from "./ranking";
import { checkParameter, checkWeights, describeValue } from "./validate";
import type { ColumnMatrix, CriterionType } from "./types";

export type { MissingPolicy };

/** A utility cell: a number in [0, 1], or missing with an optional reason. */
export type UtilityCell = number | null | undefined | { value: number | null; reason?: string };

/** Options of {@link scoreUtilities}. */
export interface ScoreUtilitiesOptions {
  /** Method name or spec (default "wsm"). Normalisation is "none": the values are utilities. */
  method?: MethodName | MethodSpec;
  /** How missing utilities combine (default "exclude"). */
  missing?: MissingPolicy;
  /** Hard-constraint results per alternative (from `applyConstraints` or `constraintExclusions`). */
  exclusions?: ReadonlyArray<Exclusion | null | undefined>;
  /** Criterion names, for reasons. */
  criteria?: readonly string[];
}

/** Options of {@link scoreUtilityColumns}: those of scoreUtilities plus the reason of each missing value. */
export interface ScoreUtilityColumnsOptions extends ScoreUtilitiesOptions {
  /** Why utility (i, j) is missing, added to its exclusion reason ("missing value for X (why)"). */
  missingReason?: (i: number, j: number) => string | undefined;
  /**
   * Only the scores and ranking (to compare methods): no per-alternative weights, contributions or
   * reason sentences (exclusions then carry `excluded` only).
   */
  rankingOnly?: boolean;
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

/** Exclusion placeholders of a `rankingOnly` scoring (shared, frozen). */
const EXCLUDED_LEAN: Exclusion = Object.freeze({ excluded: true, reasons: Object.freeze([]) as unknown as ExclusionReason[] });
const KEPT_LEAN: Exclusion = Object.freeze({ excluded: false, reasons: Object.freeze([]) as unknown as ExclusionReason[] });

function cellValue(cell: UtilityCell): number | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === "object") return cell.value;
  return cell;
}

/**
 * Scores utilities given as rows (see {@link scoreUtilityColumns}, which this reads them into).
 *
 * @param utilities rows = alternatives, columns = criteria, values in [0, 1] or missing
 * @param weights one per criterion, ≥ 0, not all zero (normalised to sum 1)
 */
export function scoreUtilities(
  utilities: ReadonlyArray<ReadonlyArray<UtilityCell>>,
  weights: ArrayLike<number>,
  opts: ScoreUtilitiesOptions = {},
): UtilityScores {
  const m = utilities?.length ?? 0;
  if (m === 0) throw new ScoringError("EMPTY_MATRIX", "utilities has no rows: at least one alternative is needed");
  const n = weights?.length ?? 0;
  const columns = Array.from({ length: n }, () => new Float64Array(m));
  const reasons = new Map<number, string>();
  for (let i = 0; i < m; i++) {
    const row = utilities[i];
    if (!row || row.length !== n) {
      throw new ScoringError("RAGGED_ROW", `utilities[${i}] has ${row?.length ?? 0} values, expected ${n} (one per weight)`, { row: i });
    }
    for (let j = 0; j < n; j++) {
      const cell = row[j];
      const x = cellValue(cell);
      if (x === null || x === undefined) {
        columns[j]![i] = NaN;
        if (cell !== null && typeof cell === "object" && cell.reason) reasons.set(i * n + j, cell.reason);
        continue;
      }
      if (typeof x !== "number" || x - x !== 0) {
        throw new ScoringError("NON_FINITE_VALUE", `utilities[${i}][${j}] is ${describeValue(x)}: expected a finite number or null for missing`, { row: i, column: j });
      }
      columns[j]![i] = x;
    }
  }
  return scoreUtilityColumns({ rows: m, columns }, weights, { ...opts, missingReason: (i, j) => reasons.get(i * n + j) });
}

/**
 * Scores utility columns (the evaluator's form: one Float64Array per criterion, NaN = missing) with
 * a method, hard exclusions and a missing-value policy (see the module comment). WSM, WPM and
 * WASPAS run the kernel the surface uses (additive.ts); the others run on the complete rows.
 *
 * @param weights one per criterion, ≥ 0, not all zero (normalised to sum 1)
 */
export function scoreUtilityColumns(u: ColumnMatrix, weights: ArrayLike<number>, opts: ScoreUtilityColumnsOptions = {}): UtilityScores {
  const spec = methodSpec(opts.method ?? "wsm");
  const policy = opts.missing ?? "exclude";
  if (policy !== "exclude" && policy !== "renormalize") {
    throw new ScoringError("INVALID_PARAMETER", `missing is ${describeValue(policy)}: expected "exclude" or "renormalize"`, { parameter: "missing" });
  }
  const m = u.rows;
  if (!(m > 0)) throw new ScoringError("EMPTY_MATRIX", "utilities has no rows: at least one alternative is needed");
  const lean = opts.rankingOnly === true;
  const n = weights?.length ?? 0;
  const w = checkWeights(weights, n);
  if (u.columns.length !== n) throw new ScoringError("WEIGHTS_LENGTH", `weights has ${n} entries, expected ${u.columns.length} (one per criterion)`);
  if (opts.exclusions && opts.exclusions.length !== m) {
    throw new ScoringError("INVALID_PARAMETER", `exclusions has ${opts.exclusions.length} entries, expected ${m} (one per alternative)`, { parameter: "exclusions" });
  }
  for (let j = 0; j < n; j++) {
    const col = u.columns[j]!;
    if (col.length !== m) throw new ScoringError("RAGGED_ROW", `utilities column ${j} has ${col.length} values, expected ${m}`, { column: j });
    for (let i = 0; i < m; i++) {
      const x = col[i]!;
      if (x !== x) continue;
      if (x < 0 || x > 1) {
        throw new ScoringError(x - x === 0 ? "VALUE_OUT_OF_RANGE" : "NON_FINITE_VALUE", `utilities[${i}][${j}] is ${x}: utilities must lie in [0, 1] (apply a value function first)`, { row: i, column: j });
      }
    }
  }

  // Exclusions: hard constraints, then the missing-value rule.
  const exclusions: Exclusion[] = new Array(m);
  let anyGap = false;
  for (let i = 0; i < m; i++) {
    const given = opts.exclusions?.[i];
    const hard = given?.excluded === true || (given?.reasons.length ?? 0) > 0;
    const reasons: ExclusionReason[] = hard && !lean ? [...given!.reasons] : [];
    let avail = 0, gap = false;
    for (let j = 0; j < n; j++) {
      if (u.columns[j]![i]! === u.columns[j]![i]!) { avail += w[j]!; continue; }
      if (!(w[j]! > 0)) continue;
      gap = true;
      if (policy === "exclude" && !lean) {
        const why = opts.missingReason?.(i, j);
        reasons.push({ code: "missing_value", criterion: j, message: `missing value for ${criterionName(j, opts.criteria)}${why ? ` (${why})` : ""}` });
      }
    }
    const missingOut = gap && policy === "exclude";
    const nothingWeighted = !hard && !missingOut && policy === "renormalize" && !(avail > 0);
    if (nothingWeighted && !lean) reasons.push({ code: "no_weighted_value", criterion: null, message: "no value for any criterion with a positive weight" });
    const excluded = hard || missingOut || nothingWeighted;
    if (!excluded && gap) anyGap = true;
    exclusions[i] = lean ? (excluded ? EXCLUDED_LEAN : KEPT_LEAN) : { excluded, reasons };
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
  if (anyGap && (spec.method === "topsis" || spec.method === "vikor" || spec.method === "promethee2")) {
    // Only reachable with policy "renormalize".
    throw new ScoringError("UNSUPPORTED_MISSING_POLICY", `missing "renormalize" is not defined for ${spec.method}, which compares alternatives on every criterion: use missing "exclude", or WSM/WPM/WASPAS`, { parameter: "missing" });
  }

  // The kept alternatives as their own (short) column set.
  const k = kept.length;
  // A zero-weight criterion is never read, but the methods reject NaN: its gaps become 0.
  const sub = u.columns.map((col, j) => {
    const c = new Float64Array(k);
    const fill = w[j]! > 0 ? NaN : 0;
    for (let r = 0; r < k; r++) {
      const x = col[kept[r]!]!;
      c[r] = x === x ? x : fill;
    }
    return c;
  });
  let s: Float64Array;
  if (spec.method === "wsm" || spec.method === "wpm" || spec.method === "waspas") {
    const lambda = spec.method === "waspas" ? checkParameter("lambda", spec.lambda ?? 0.5, 0, 1) : spec.method === "wsm" ? 1 : 0;
    s = new Float64Array(k);
    additiveScores({ kind: "float", rows: k, columns: sub }, w, lambda, policy, s);
  } else {
    const types: CriterionType[] = new Array<CriterionType>(n).fill("benefit");
    const method: MethodSpec = spec.method === "vikor" ? { ...spec, onConstant: spec.onConstant ?? "ignore" } : spec.method === "promethee2" ? spec : { ...spec, normalization: "none" };
    const res = scoreProblem({ matrix: { rows: k, columns: sub }, types, weights: w }, method);
    s = Float64Array.from(res.scores);
    res.ranking.forEach((r, q) => { ranking[kept[q]!] = r; });
  }
  if (spec.method === "wsm" || spec.method === "wpm" || spec.method === "waspas") {
    const r = rankDescending(s);
    for (let q = 0; q < k; q++) ranking[kept[q]!] = r[q]!;
  }
  if (lean) {
    for (let q = 0; q < k; q++) scores[kept[q]!] = s[q]!;
    return { method: spec.method, better, scores, ranking, exclusions, weights: usedWeights, contributions: null };
  }
  const wArr = Array.from(w);
  for (let q = 0; q < k; q++) {
    const i = kept[q]!;
    scores[i] = s[q]!;
    let wi = wArr;
    if (anyGap) {
      let avail = 0;
      for (let j = 0; j < n; j++) if (sub[j]![q]! === sub[j]![q]!) avail += w[j]!;
      wi = wArr.map((x, j) => (sub[j]![q]! === sub[j]![q]! ? x / avail : 0));
    }
    usedWeights[i] = wi;
    if (contributions) contributions[i] = wi.map((x, j) => (x > 0 ? x * sub[j]![q]! : 0));
  }
  return { method: spec.method, better, scores, ranking, exclusions, weights: usedWeights, contributions };
}
