/**
 * The HiGHS solver (Huangfu & Hall 2018; https://highs.dev), compiled to WebAssembly by the `highs`
 * npm package: an established LP/MIP solver, loaded once per process.
 */
import highsLoader from "highs";

type Highs = Awaited<ReturnType<typeof highsLoader>>;
export type HighsSolution = ReturnType<Highs["solve"]>;

let instance: Promise<Highs> | null = null;

export function getHighs(): Promise<Highs> {
  instance ??= highsLoader();
  return instance;
}

/** Solves a model written in CPLEX LP format. */
export async function solveLp(lp: string): Promise<HighsSolution> {
  const highs = await getHighs();
  return highs.solve(lp, { presolve: "on", time_limit: 60, mip_rel_gap: 1e-6 });
}
