"use client";
import { scaleBand, scaleLinear } from "d3-scale";
import { CRITERION_COLOURS } from "./Breakdown";
import { fmt, type MetricField, type RankResult } from "./types";

/** Two to five sites side by side: stacked contributions, a utility profile per site, and every value aligned. */
export function Compare({ result, ids, metrics }: { result: RankResult; ids: string[]; metrics: readonly MetricField[] }) {
  const sites = ids.map((id) => result.sites.find((s) => s.id === id)).filter((s): s is NonNullable<typeof s> => Boolean(s));
  if (sites.length < 2) return <p>Tick two to five sites in the ranking to compare them.</p>;
  const W = 420, rowH = 22, left = 110;
  const y = scaleBand<string>().domain(sites.map((s) => s.id)).range([0, sites.length * rowH]).padding(0.2);
  const x = scaleLinear().domain([0, 100]).range([left, W - 10]);
  const profileX = scaleBand<number>().domain(result.criteria.map((_, j) => j)).range([left, W - 10]).padding(0.15);
  const py = scaleLinear().domain([0, 1]).range([60, 0]);
  return (
    <section className="compare" data-testid="compare">
      <svg viewBox={`0 0 ${W} ${sites.length * rowH + 24}`} role="img" aria-label="Score contributions per site">
        {sites.map((s) => {
          let acc = 0;
          return (
            <g key={s.id}>
              <text x={left - 6} y={y(s.id)! + y.bandwidth() * 0.75} textAnchor="end" fontSize={10}>{s.name}</text>
              {s.criteria.map((c, j) => {
                const v = (c.contribution ?? 0) * 100;
                const rect = <rect key={j} x={x(acc)} y={y(s.id)} width={x(acc + v) - x(acc)} height={y.bandwidth()} fill={CRITERION_COLOURS[j % CRITERION_COLOURS.length]}><title>{result.criteria[j]!.title}: {fmt(v, 1)}</title></rect>;
                acc += v;
                return rect;
              })}
              <text x={x(acc) + 3} y={y(s.id)! + y.bandwidth() * 0.75} fontSize={9}>{s.excluded ? "excluded" : fmt(s.score, 1)}</text>
            </g>
          );
        })}
        {[0, 25, 50, 75, 100].map((t) => <text key={t} x={x(t)} y={sites.length * rowH + 16} fontSize={8} textAnchor="middle">{t}</text>)}
      </svg>
      <svg viewBox={`0 0 ${W} ${sites.length * 70 + 10}`} role="img" aria-label="Utility profile per site (0–1 per criterion)">
        {sites.map((s, k) => (
          <g key={s.id} transform={`translate(0, ${k * 70})`}>
            <text x={left - 6} y={35} textAnchor="end" fontSize={10}>{s.name}</text>
            <line x1={left} x2={W - 10} y1={py(0)} y2={py(0)} stroke="#999" strokeWidth={0.5} />
            {s.criteria.map((c, j) => (
              <rect key={j} x={profileX(j)} width={profileX.bandwidth()} y={py(c.utility ?? 0)} height={py(0) - py(c.utility ?? 0)} fill={c.utility === null ? "none" : CRITERION_COLOURS[j % CRITERION_COLOURS.length]} stroke={c.utility === null ? "#999" : "none"} strokeDasharray="2 1">
                <title>{result.criteria[j]!.title}: utility {fmt(c.utility)}</title>
              </rect>
            ))}
          </g>
        ))}
      </svg>
      <table className="inspect-table">
        <thead><tr><th scope="col">Criterion / metric</th>{sites.map((s) => <th key={s.id} scope="col">{s.name}</th>)}</tr></thead>
        <tbody>
          <tr><th scope="row">Rank · score</th>{sites.map((s) => <td key={s.id}>{s.rank ?? "excl."} · {fmt(s.score, 1)}</td>)}</tr>
          {result.criteria.map((c, j) => (
            <tr key={c.id}>
              <th scope="row"><span className="swatch" style={{ background: CRITERION_COLOURS[j % CRITERION_COLOURS.length] }} aria-hidden="true" />{c.title} ({c.unit})</th>
              {sites.map((s) => { const v = s.criteria[j]!; return <td key={s.id}>{v.label ?? fmt(v.raw)}{v.override ? " *" : ""} <span className="muted">u={fmt(v.utility)}</span></td>; })}
            </tr>
          ))}
          {metrics.map((m) => (
            <tr key={m.id}>
              <th scope="row">{m.title}{m.unit ? ` (${m.unit})` : ""}</th>
              {sites.map((s) => { const v = (s.metrics as unknown as Record<string, { value: number | string | null } | null>)[m.id]; return <td key={s.id}>{fmt(v?.value ?? null, m.decimals)}</td>; })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">* user override.</p>
    </section>
  );
}
