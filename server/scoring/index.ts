/**
 * Siting Atlas scoring engine: a pure multi-criteria decision analysis library (no I/O, no
 * Node-only APIs, no app imports), usable in Node and in the browser.
 *
 * Matrices: rows = alternatives (sites), columns = criteria. Rankings: 1 = best, input order,
 * ties share (1, 2, 2, 4). Weights: ≥ 0, not all zero, normalised to sum 1. Invalid input
 * throws a {@link ScoringError} with a stable `code` naming the row, column or cell at fault.
 */
export * from "./errors";
export * from "./types";
export { normalize } from "./normalize";
export { checkMatrix, checkTypes, checkWeights, isColumnMatrix, toColumnMatrix } from "./validate";
export { rankDescending, rankAscending, argsortDescending, DEFAULT_TIE_TOLERANCE, type RankOptions } from "./ranking";
export { percentPoints } from "./percentPoints";
export { wsm, DEFAULT_ADDITIVE_NORMALIZATION, type WsmOptions } from "./wsm";
export { wpm, type WpmOptions } from "./wpm";
export { waspas, type WaspasOptions } from "./waspas";
export { topsis, type TopsisOptions, type TopsisResult } from "./topsis";
export { vikor, type VikorOptions, type VikorResult } from "./vikor";
export { promethee2, type Preference, type PrometheeOptions, type PrometheeResult } from "./promethee";
export { ahp, checkPairwise, type AhpOptions, type AhpResult } from "./ahp";
export { RANDOM_INDEX, DEFAULT_RANDOM_INDEX_TABLE, randomIndex, type RandomIndexTable } from "./randomIndex";
export { entropyWeights } from "./entropyWeights";
export { criticWeights } from "./criticWeights";
export { rocWeights } from "./rocWeights";
export { valueFunction, applyValueFunctions, type ValueFunction, type OutOfBounds, type RawCell } from "./valueFunction";
export { createRandom, sampleSimplex, type Random } from "./random";
export { smaa, MAX_SMAA_ALTERNATIVES, type SmaaOptions, type SmaaResult, type WeightConstraint } from "./smaa";
export { weightStability, type WeightInterval, type WeightStabilityOptions } from "./weightStability";
export { scoreProblem, methodSpec, METHOD_NAMES, type MethodName, type MethodSpec, type MethodScores } from "./methods";
export {
  applyConstraints,
  excludeByColumn,
  constraintColumn,
  violation,
  type ConstraintColumn,
  type ColumnExclusion,
  type ColumnConstraintOptions,
  type ConstraintRule,
  mergeExclusions,
  criterionName,
  type HardConstraint,
  type ConstraintValue,
  type ConstraintOptions,
  type Exclusion,
  type ExclusionReason,
} from "./constraints";
export { wsmContributions, type WsmContributions } from "./contributions";
export { kendallTau, methodAgreement, type MethodAgreement } from "./agreement";
export { scoreUtilities, scoreUtilityColumns, type UtilityCell, type ScoreUtilitiesOptions, type ScoreUtilityColumnsOptions, type UtilityScores } from "./scoreUtilities";
export { additiveScores, QUANT_MISSING, QUANT_SCALE, type MissingPolicy, type UtilityColumns } from "./additive";
