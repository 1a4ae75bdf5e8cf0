/**
 * Capacity plan: allocate a total IT capacity across candidate areas or sites to serve demand
 * markets, minimising annual tCO2, water, or (1 − suitability score), subject to
 * - demand: each workload class's demand in each market is met (training demand may go anywhere,
 *   inference demand only where the round trip to its market is within the class's latency SLA);
 * - capacity: no candidate area takes more than its maximum size;
 * - jurisdiction: a candidate area may serve a market only if the market's data rule allows it there;
 * - optional minimum build per candidate area (a mixed-integer programme: a candidate area is built at ≥ the minimum or not at all).
 *
 * Solved exactly with HiGHS. Each demand has a slack variable priced far above any real cost, so an
 * infeasible plan still solves and says which demand is short, by how much, and which constraint
 * binds (no eligible candidate area; eligible candidate areas' total capacity below the demand; or capacity taken by
 * other demands).
 */
import type { HighsSolution } from "./highs";

export interface PlanCandidate {
  id: string;
  name: string;
  lat: number;
  lon: number;
  maxMw: number;
  /** Annual cost per MW of IT capacity for each objective (per-MW figures for the chosen load profile). */
  perMw: { co2_t: number; water_m3: number; score_cost: number; grid_mwh: number };
}

export interface PlanDemand {
  /** Workload class, e.g. "training" or "inference". */
  workload: string;
  /** Market name, or "any" for location-free demand. */
  market: string;
  mw: number;
  /** Candidates allowed to serve this demand (latency SLA and jurisdiction already applied), with the reason others are not. */
  eligible: ReadonlySet<string>;
  /** Why the ineligible candidates are out, for infeasibility messages (e.g. "more than 30 ms from Tokyo"). */
  eligibilityRule: string;
  /**
   * When capacity is short, demands with a higher priority are served first (default 1). The service
   * gives latency-bound demand 2: location-free training can be placed elsewhere; inference cannot.
   */
  priority?: number;
}

export type Objective = "co2" | "water" | "score";

export interface PlanInput {
  candidates: PlanCandidate[];
  demands: PlanDemand[];
  objective: Objective;
  /** If set, a candidate that is used must take at least this many MW (makes the model a MIP). */
  minBuildMw?: number;
}

export interface PlanAllocation { candidateId: string; workload: string; market: string; mw: number }

export interface Shortfall {
  workload: string;
  market: string;
  demandMw: number;
  unmetMw: number;
  /** Which constraint binds, in words, with the numbers. */
  binding: string;
}

export interface PlanResult {
  status: "optimal" | "infeasible";
  objective: Objective;
  allocations: PlanAllocation[];
  /** MW per candidate actually built. */
  built: { candidateId: string; mw: number }[];
  totals: { it_mw: number; grid_mwh: number; co2_t: number; water_m3: number };
  shortfalls: Shortfall[];
  /** Marginal cost of one more MW of capacity at each full candidate (dual of its capacity row; objective units per MW). */
  capacityShadowPrices: { candidateId: string; perMw: number }[];
  solver: { name: "HiGHS"; status: string; seconds: number; variables: number; constraints: number; integer: boolean };
}

const costKey = { co2: "co2_t", water: "water_m3", score: "score_cost" } as const;

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(12);
}

/** Writes the model in CPLEX LP format (variables x{d}_{c}, slack u{d}, binaries y{c}). */
export function formulate(input: PlanInput): { lp: string; vars: { name: string; d: number; c: number }[]; integer: boolean } {
  const { candidates, demands, objective } = input;
  const key = costKey[objective];
  const maxCost = Math.max(1, ...candidates.map((c) => Math.abs(c.perMw[key])));
  const penalty = maxCost * 1e4;
  const vars: { name: string; d: number; c: number }[] = [];
  const byCandidate: string[][] = candidates.map(() => []);
  const byDemand: string[][] = demands.map(() => []);
  demands.forEach((dem, d) => {
    candidates.forEach((cand, c) => {
      if (!dem.eligible.has(cand.id) || cand.maxMw <= 0) return;
      const name = `x${d}_${c}`;
      vars.push({ name, d, c });
      byCandidate[c]!.push(name);
      byDemand[d]!.push(name);
    });
  });
  const used = candidates.map((_, c) => byCandidate[c]!.length > 0);
  const integer = input.minBuildMw !== undefined && input.minBuildMw > 0;
  const obj: string[] = vars.map((v) => `${fmt(candidates[v.c]!.perMw[key])} ${v.name}`);
  demands.forEach((dem, d) => obj.push(`${fmt(penalty * (dem.priority ?? 1))} u${d}`));
  const rows: string[] = [];
  demands.forEach((dem, d) => rows.push(` dem${d}: ${[...byDemand[d]!, `u${d}`].join(" + ")} = ${fmt(dem.mw)}`));
  candidates.forEach((cand, c) => {
    if (!used[c]) return;
    if (integer) {
      rows.push(` cap${c}: ${byCandidate[c]!.join(" + ")} - ${fmt(cand.maxMw)} y${c} <= 0`);
      rows.push(` min${c}: ${byCandidate[c]!.join(" + ")} - ${fmt(Math.min(input.minBuildMw!, cand.maxMw))} y${c} >= 0`);
    } else {
      rows.push(` cap${c}: ${byCandidate[c]!.join(" + ")} <= ${fmt(cand.maxMw)}`);
    }
  });
  const lp = [
    "Minimize",
    ` obj: ${obj.join(" + ")}`,
    "Subject To",
    ...rows,
    "Bounds",
    ...vars.map((v) => ` ${v.name} >= 0`),
    ...demands.map((_, d) => ` u${d} >= 0`),
    ...(integer ? ["Binary", ...candidates.map((_, c) => (used[c] ? ` y${c}` : "")).filter(Boolean)] : []),
    "End",
  ].join("\n");
  return { lp, vars, integer };
}

/** Reads the solution into allocations, totals and shortfalls with their binding constraint. */
export function interpret(input: PlanInput, model: ReturnType<typeof formulate>, sol: HighsSolution, seconds: number): PlanResult {
  const { candidates, demands } = input;
  const col = (name: string) => (sol.Columns as Record<string, { Primal: number } | undefined>)[name]?.Primal ?? 0;
  const allocations: PlanAllocation[] = [];
  const builtMw = new Float64Array(candidates.length);
  for (const v of model.vars) {
    const mw = col(v.name);
    if (mw > 1e-6) {
      allocations.push({ candidateId: candidates[v.c]!.id, workload: demands[v.d]!.workload, market: demands[v.d]!.market, mw });
      builtMw[v.c]! += mw;
    }
  }
  const totals = { it_mw: 0, grid_mwh: 0, co2_t: 0, water_m3: 0 };
  candidates.forEach((c, i) => {
    const mw = builtMw[i]!;
    totals.it_mw += mw;
    totals.grid_mwh += mw * c.perMw.grid_mwh;
    totals.co2_t += mw * c.perMw.co2_t;
    totals.water_m3 += mw * c.perMw.water_m3;
  });
  const shortfalls: Shortfall[] = [];
  const totalCapacity = candidates.reduce((a, c) => a + Math.max(0, c.maxMw), 0);
  const totalDemand = demands.reduce((a, d) => a + d.mw, 0);
  demands.forEach((dem, d) => {
    const unmet = col(`u${d}`);
    if (unmet <= 1e-6) return;
    const eligible = candidates.filter((c) => dem.eligible.has(c.id) && c.maxMw > 0);
    const eligibleMw = eligible.reduce((a, c) => a + c.maxMw, 0);
    const what = `${dem.workload} demand${dem.market === "any" ? "" : ` for ${dem.market}`} (${Math.round(dem.mw)} MW)`;
    let binding: string;
    if (eligible.length === 0) binding = `no candidate meets the eligibility rule (${dem.eligibilityRule})`;
    else if (eligibleMw < dem.mw - 1e-6) binding = `the ${eligible.length === 1 ? "one eligible candidate" : `${eligible.length} eligible candidates`} (${dem.eligibilityRule}) can hold ${Math.round(eligibleMw)} MW in total — ${Math.round(dem.mw - eligibleMw)} MW short`;
    else if (totalCapacity < totalDemand - 1e-6) binding = `${candidates.length === 1 ? "the only candidate holds" : `all ${candidates.length} candidates together hold`} ${Math.round(totalCapacity)} MW, ${Math.round(totalDemand - totalCapacity)} MW less than the ${Math.round(totalDemand)} MW demanded — add candidates or raise the maximum size per candidate`;
    else binding = `the eligible candidates (${dem.eligibilityRule}) hold ${Math.round(eligibleMw)} MW, but other demands take the capacity they need — raise their maximum size, add candidates, or relax the rule`;
    shortfalls.push({ workload: dem.workload, market: dem.market, demandMw: dem.mw, unmetMw: unmet, binding: `${what}: ${binding}` });
  });
  const rows = sol.Rows as { Name: string; Dual: number }[];
  const capacityShadowPrices = rows
    .filter((r) => r.Name.startsWith("cap") && Math.abs(r.Dual) > 1e-9)
    .map((r) => ({ candidateId: candidates[Number(r.Name.slice(3))]!.id, perMw: r.Dual }));
  return {
    status: shortfalls.length ? "infeasible" : "optimal",
    objective: input.objective,
    allocations,
    built: candidates.map((c, i) => ({ candidateId: c.id, mw: builtMw[i]! })).filter((b) => b.mw > 1e-6),
    totals,
    shortfalls,
    capacityShadowPrices,
    solver: { name: "HiGHS", status: sol.Status, seconds, variables: model.vars.length + demands.length, constraints: rows.length, integer: model.integer },
  };
}

export async function solvePlan(input: PlanInput, solve: (lp: string) => Promise<HighsSolution>): Promise<PlanResult> {
  const model = formulate(input);
  const t0 = performance.now();
  const sol = await solve(model.lp);
  if (sol.Status !== "Optimal") throw new Error(`HiGHS did not find an optimum: ${sol.Status}`);
  return interpret(input, model, sol, (performance.now() - t0) / 1000);
}
