/**
 * Random consistency indices (RI) for the AHP consistency ratio CR = CI / RI, by matrix size n.
 * The CR of the same matrix depends on which table is used, so the table is always named.
 * RI = 0 for n ≤ 2 (every reciprocal 1×1 or 2×2 matrix is consistent).
 */

/** Names of the random-index tables. */
export type RandomIndexTable = "saaty1980" | "saaty2005" | "doneganDodd1991" | "aguaronMorenoJimenez2003";

/** The random-index tables, n → RI. */
export const RANDOM_INDEX: Readonly<Record<RandomIndexTable, Readonly<Record<number, number>>>> = {
  /** Saaty (1980), "The Analytic Hierarchy Process", McGraw-Hill; n = 3..10. */
  saaty1980: { 3: 0.58, 4: 0.9, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49 },
  /** Saaty (2005) as used by AHPy, n = 3..15. */
  saaty2005: { 3: 0.52, 4: 0.89, 5: 1.11, 6: 1.25, 7: 1.35, 8: 1.4, 9: 1.45, 10: 1.49, 11: 1.52, 12: 1.54, 13: 1.56, 14: 1.58, 15: 1.59 },
  /** Donegan & Dodd (1991), "A note on Saaty's random indexes", Math. Comput. Modelling 15(10):135-137 (AHPy's default); n = 3..15. */
  doneganDodd1991: { 3: 0.4914, 4: 0.8286, 5: 1.0591, 6: 1.1797, 7: 1.2519, 8: 1.3171, 9: 1.3733, 10: 1.4055, 11: 1.4213, 12: 1.4497, 13: 1.4643, 14: 1.4822, 15: 1.4969 },
  /** Aguarón & Moreno-Jiménez (2003), "The geometric consistency index", EJOR 147(1):137-145 (R package MCDA); n = 3..16. */
  aguaronMorenoJimenez2003: { 3: 0.525, 4: 0.882, 5: 1.115, 6: 1.252, 7: 1.341, 8: 1.404, 9: 1.452, 10: 1.484, 11: 1.513, 12: 1.535, 13: 1.555, 14: 1.57, 15: 1.583, 16: 1.595 },
};

/** Default table: Aguarón & Moreno-Jiménez (2003), the widest range (n ≤ 16) from the largest simulation. */
export const DEFAULT_RANDOM_INDEX_TABLE: RandomIndexTable = "aguaronMorenoJimenez2003";

/** RI for an n×n matrix from a named table; `undefined` when the table does not cover n. */
export function randomIndex(n: number, table: RandomIndexTable = DEFAULT_RANDOM_INDEX_TABLE): number | undefined {
  if (n <= 2) return 0;
  return RANDOM_INDEX[table]?.[n];
}
