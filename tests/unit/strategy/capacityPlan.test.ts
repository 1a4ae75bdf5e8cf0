/** The capacity-plan programme on constructed cases with known optima, and its infeasibility reports. */
import { describe, expect, it } from "vitest";
import { formulate, solvePlan, type PlanCandidate, type PlanDemand, type PlanInput } from "@/server/strategy/capacityPlan";
import { solveLp } from "@/server/strategy/highs";

const cand = (id: string, maxMw: number, co2PerMw: number): PlanCandidate => ({
  id, name: id, lat: 0, lon: 0, maxMw, perMw: { co2_t: co2PerMw, water_m3: 10 * co2PerMw, score_cost: co2PerMw / 10, grid_mwh: 8000 },
});
const dem = (workload: string, market: string, mw: number, eligible: string[], rule = "test rule"): PlanDemand => ({ workload, market, mw, eligible: new Set(eligible), eligibilityRule: rule });
const plan = (input: PlanInput) => solvePlan(input, solveLp);

describe("capacity plan (HiGHS)", () => {
  it("fills the cleanest candidate area first, then the next (known optimum)", async () => {
    const r = await plan({ candidates: [cand("A", 100, 1), cand("B", 1000, 3)], demands: [dem("training", "any", 300, ["A", "B"])], objective: "co2" });
    expect(r.status).toBe("optimal");
    expect(Object.fromEntries(r.built.map((b) => [b.candidateId, b.mw]))).toEqual({ A: 100, B: 200 });
    expect(r.totals.co2_t).toBeCloseTo(100 * 1 + 200 * 3);
    expect(r.totals.it_mw).toBeCloseTo(300);
    // A is full: one more MW there would save 3 − 1 = 2 t.
    expect(r.capacityShadowPrices.find((p) => p.candidateId === "A")!.perMw).toBeCloseTo(-2);
  });

  it("honours a latency SLA: inference for a market goes only to candidate areas within reach", async () => {
    const r = await plan({
      candidates: [cand("far-clean", 1000, 1), cand("near-dirty", 1000, 5)],
      demands: [dem("training", "any", 500, ["far-clean", "near-dirty"]), dem("inference", "Tokyo", 200, ["near-dirty"], "≤ 30 ms from Tokyo")],
      objective: "co2",
    });
    expect(r.allocations).toEqual(expect.arrayContaining([
      { candidateId: "far-clean", workload: "training", market: "any", mw: 500 },
      { candidateId: "near-dirty", workload: "inference", market: "Tokyo", mw: 200 },
    ]));
    expect(r.totals.co2_t).toBeCloseTo(500 + 1000);
  });

  it("optimises the chosen objective: water can pick a different candidate area than carbon", async () => {
    const a: PlanCandidate = { ...cand("A", 100, 1), perMw: { co2_t: 1, water_m3: 100, score_cost: 0.5, grid_mwh: 8000 } };
    const b: PlanCandidate = { ...cand("B", 100, 2), perMw: { co2_t: 2, water_m3: 1, score_cost: 0.5, grid_mwh: 8000 } };
    const d = [dem("training", "any", 100, ["A", "B"])];
    expect((await plan({ candidates: [a, b], demands: d, objective: "co2" })).built).toEqual([{ candidateId: "A", mw: 100 }]);
    expect((await plan({ candidates: [a, b], demands: d, objective: "water" })).built).toEqual([{ candidateId: "B", mw: 100 }]);
  });

  it("with a minimum build size solves the mixed-integer programme (optimum differs from the LP)", async () => {
    const candidates = [cand("A", 100, 1), cand("B", 100, 2), cand("C", 100, 1.5)];
    const d = [dem("training", "any", 150, ["A", "B", "C"])];
    const lp = await plan({ candidates, demands: d, objective: "co2" });
    expect(lp.totals.co2_t).toBeCloseTo(175); // A 100 + C 50
    const mip = await plan({ candidates, demands: d, objective: "co2", minBuildMw: 60 });
    expect(mip.solver.integer).toBe(true);
    expect(Object.fromEntries(mip.built.map((b) => [b.candidateId, Math.round(b.mw)]))).toEqual({ A: 90, C: 60 });
    expect(mip.totals.co2_t).toBeCloseTo(180);
  });

  it("reports an infeasible demand with the binding constraint and the shortfall", async () => {
    const r = await plan({
      candidates: [cand("A", 100, 1), cand("B", 50, 2)],
      demands: [dem("inference", "Lagos", 400, ["A", "B"], "≤ 30 ms from Lagos")],
      objective: "co2",
    });
    expect(r.status).toBe("infeasible");
    expect(r.shortfalls).toHaveLength(1);
    expect(r.shortfalls[0]!.unmetMw).toBeCloseTo(250);
    expect(r.shortfalls[0]!.binding).toMatch(/can hold 150 MW in total — 250 MW short/);
  });

  it("names a demand no candidate can serve", async () => {
    const r = await plan({ candidates: [cand("A", 100, 1)], demands: [dem("inference", "Reykjavik", 10, [], "≤ 10 ms from Reykjavik")], objective: "co2" });
    expect(r.shortfalls[0]!.binding).toMatch(/no candidate meets the eligibility rule \(≤ 10 ms from Reykjavik\)/);
  });

  it("explains contention: enough eligible capacity, but taken by another demand", async () => {
    const r = await plan({
      candidates: [cand("A", 100, 1), cand("B", 100, 1)],
      demands: [dem("inference", "X", 80, ["A"]), dem("inference", "Y", 80, ["A"]), dem("inference", "Z", 40, ["B"])],
      objective: "co2",
    });
    expect(r.status).toBe("infeasible");
    expect(r.shortfalls.map((s) => s.binding).join(" ")).toMatch(/other demands take the capacity/);
    expect(r.shortfalls.reduce((a, s) => a + s.unmetMw, 0)).toBeCloseTo(60);
  });

  it("writes a model only over eligible pairs", () => {
    const m = formulate({ candidates: [cand("A", 100, 1), cand("B", 100, 1)], demands: [dem("t", "any", 10, ["A"])], objective: "co2" });
    expect(m.vars.map((v) => v.name)).toEqual(["x0_0"]);
    expect(m.lp).toContain("dem0: x0_0 + u0 = 10");
  });
});

describe("capacity shortage", () => {
  it("says when all candidates together hold less than the demand, and serves latency-bound demand first", async () => {
    const r = await plan({
      candidates: [cand("A", 100, 1), cand("B", 100, 1)],
      demands: [
        { ...dem("training", "any", 150, ["A", "B"]), priority: 1 },
        { ...dem("inference", "X", 100, ["A"], "≤ 30 ms from X"), priority: 2 },
      ],
      objective: "co2",
    });
    expect(r.status).toBe("infeasible");
    expect(r.shortfalls).toHaveLength(1);
    expect(r.shortfalls[0]!.workload).toBe("training");
    expect(r.shortfalls[0]!.unmetMw).toBeCloseTo(50);
    expect(r.shortfalls[0]!.binding).toMatch(/all 2 candidates together hold 200 MW, 50 MW less than the 250 MW demanded/);
  });
});
