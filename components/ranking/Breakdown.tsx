"use client";
import { scaleLinear } from "d3-scale";
import { fmt, type MetricField, type RankResult, type SiteResult } from "./types";

/** Okabe–Ito colours for criteria, readable under common colour-vision deficiencies. */
export const CRITERION_COLOURS = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000"];

/** Why a site scores what it does: each criterion's raw value, utility, weight and contribution. */
export function Breakdown({ site, result, metrics }: { site: SiteResult; result: RankResult; metrics: readonly MetricField[] }) {
  const x = scaleLinear().domain([0, 1]).range([0, 100]);
  let offset = 0;
  return (
    <section className="breakdown" aria-label={`Breakdown for ${site.name}`} data-testid="breakdown">
      <h3>{site.name} {site.rank !== null ? `— rank ${site.rank}, score ${fmt(site.score, 1)}` : "— excluded"}</h3>
      {site.excluded && <ul className="excl-reasons">{site.exclusionReasons.map((r, i) => <li key={i}>{r}</li>)}</ul>}
      {site.criteria.some((c) => c.contribution !== null) && (
        <svg viewBox="0 0 100 8" className="contrib-bar" role="img" aria-label="Weighted contributions to the score">
          {site.criteria.map((c, j) => {
            const w = x(c.contribution ?? 0);
            const rect = <rect key={j} x={offset} y={0} width={w} height={8} fill={CRITERION_COLOURS[j % CRITERION_COLOURS.length]} stroke="#fff" strokeWidth={0.2}><title>{result.criteria[j]!.title}: {fmt((c.contribution ?? 0) * 100, 1)} points</title></rect>;
            offset += w;
            return rect;
          })}
        </svg>
      )}
      <table className="inspect-table">
        <thead><tr><th scope="col">Criterion</th><th scope="col">Value</th><th scope="col">Utility</th><th scope="col">Weight</th><th scope="col">Points</th></tr></thead>
        <tbody>
          {site.criteria.map((c, j) => {
            const meta = result.criteria[j]!;
            return (
              <tr key={c.criterionId}>
                <th scope="row"><span className="swatch" style={{ background: CRITERION_COLOURS[j % CRITERION_COLOURS.length] }} aria-hidden="true" />{meta.title}</th>
                <td>{c.label ?? fmt(c.raw)} {typeof c.raw === "number" ? meta.unit : ""} {c.override ? <span className="badge">override</span> : <span className="muted">{c.quality}</span>}{c.reason && <div className="reason">{c.reason}</div>}{c.note && <div className="muted">{c.note}</div>}</td>
                <td>{fmt(c.utility)}</td>
                <td>{c.weight === null ? "—" : `${(c.weight * 100).toFixed(1)} %`}</td>
                <td>{c.contribution === null ? "—" : fmt(c.contribution * 100, 1)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h4>Engineering estimates</h4>
      <table className="inspect-table">
        <tbody>
          {metrics.map((m) => {
            const v = (site.metrics as unknown as Record<string, { value: number | string | null; reason?: string } | null>)[m.id];
            return (
              <tr key={m.id}>
                <th scope="row" title={m.description}>{m.title}</th>
                <td>{v?.value === null || v === undefined || v === null ? <span className="reason">{v?.reason ?? "—"}</span> : `${fmt(v.value, m.decimals)} ${m.unit}`}{site.metricOverrides.includes(m.sourceId) && <span className="badge">override</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {site.metrics.cooling && (
        <p className="hint">
          Cooling ({site.metrics.cooling.archetype.replace(/_/g, " ")}): PUE − 1 = fixed losses {fmt(site.metrics.cooling.fixed, 3)} + fans {fmt(site.metrics.cooling.fans, 3)} + mechanical {fmt(site.metrics.cooling.mechanical, 3)} + pumps {fmt(site.metrics.cooling.pumps, 3)}; {fmt(site.metrics.cooling.economiser_hours, 0)} full economiser hours a year.
        </p>
      )}
      {site.metrics.power_market && (
        <p className="hint" data-testid="cfe-route" data-flag={site.metrics.power_market.cfe_flag}>
          Market-based CO2: {site.metrics.power_market.note}
          {site.metrics.power_market.carbon_price_added && site.metrics.power_market.carbon_cost_usd_per_mwh.value !== null && ` Carbon cost, shown separately: ${fmt(site.metrics.power_market.carbon_cost_usd_per_mwh.value, 1)} USD/MWh.`}
        </p>
      )}
    </section>
  );
}

/** How far the other methods agree with this ranking (Kendall's tau-b: 1 = same order, 0 = unrelated). */
export function Agreement({ result }: { result: RankResult }) {
  return (
    <table className="inspect-table agreement" data-testid="agreement">
      <caption>Agreement with the other methods (Kendall’s τ)</caption>
      <tbody>
        {result.agreement.map((a) => (
          <tr key={a.method}><th scope="row">{a.method.toUpperCase()}</th><td>{a.tau === null ? "—" : a.tau.toFixed(2)}</td><td className="muted">{a.note ?? ""}</td></tr>
        ))}
      </tbody>
    </table>
  );
}
