"use client";
import { fmtInt, type PlanOutput } from "./types";

/** The capacity plan: where each workload goes, totals against building at the demand, and any shortfall with its cause. */
export function PlanResults({ plan }: { plan: PlanOutput }) {
  const byId = new Map(plan.candidates.map((c) => [c.id, c]));
  const row = (label: string, unit: string, plan: number, base: number) => (
    <tr><th scope="row">{label}</th><td>{fmtInt(plan)} {unit}</td><td>{fmtInt(base)} {unit}</td><td>{base ? `${(((plan - base) / base) * 100).toFixed(1)} %` : "—"}</td></tr>
  );
  return (
    <section className="plan" data-testid="plan" aria-label="Capacity plan">
      <h3>Plan: {plan.status === "optimal" ? "all demand met" : "demand not fully met"} ({plan.solver.name}, {plan.solver.integer ? "mixed-integer" : "linear"}, {plan.solver.variables} variables, {(plan.solver.seconds * 1000).toFixed(0)} ms)</h3>
      {plan.shortfalls.length > 0 && (
        <div role="alert">
          <ul className="excl-reasons" data-testid="shortfalls" aria-label="Demand not met">
            {plan.shortfalls.map((s, i) => <li key={i}>{fmtInt(s.unmetMw)} MW unmet — {s.binding}</li>)}
          </ul>
        </div>
      )}
      <table className="inspect-table" data-testid="plan-totals">
        <caption>Totals per year against building everything next to the demand</caption>
        <thead><tr><th scope="col" /><th scope="col">Plan</th><th scope="col">At demand</th><th scope="col">Change</th></tr></thead>
        <tbody>
          {row("IT capacity", "MW", plan.totals.it_mw, plan.baseline.totals.it_mw)}
          {row("Grid energy", "MWh", plan.totals.grid_mwh, plan.baseline.totals.grid_mwh)}
          {row("CO2, location-based", "t", plan.totals.co2_t, plan.baseline.totals.co2_t)}
          {row("Site water", "m³", plan.totals.water_m3, plan.baseline.totals.water_m3)}
        </tbody>
      </table>
      <p className="hint">{plan.baseline.description}</p>
      <table className="inspect-table">
        <caption>Allocation</caption>
        <thead><tr><th scope="col">Candidate</th><th scope="col">Workload</th><th scope="col">Serves</th><th scope="col">MW</th></tr></thead>
        <tbody>
          {plan.allocations.map((a, i) => (
            <tr key={i}><th scope="row">{byId.get(a.candidateId)?.name ?? a.candidateId}</th><td>{a.workload}</td><td>{a.market === "any" ? "anywhere" : a.market}</td><td>{fmtInt(a.mw)}</td></tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
