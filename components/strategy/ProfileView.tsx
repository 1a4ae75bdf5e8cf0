"use client";
import { scaleBand, scaleLinear } from "d3-scale";
import { fmtInt, pct, type Profile } from "./types";

/** Suitability histogram (area-weighted), constraint shares, layer spreads and the best candidate areas of a region. */
export function ProfileView({ profile }: { profile: Profile }) {
  const W = 420, H = 120, left = 34, bottom = 20;
  const x = scaleBand<number>().domain(profile.histogram.map((_, i) => i)).range([left, W - 4]).padding(0.1);
  const maxShare = Math.max(0.01, ...profile.histogram.map((b) => b.areaShare));
  const y = scaleLinear().domain([0, maxShare]).range([H - bottom, 6]);
  return (
    <section className="profile" data-testid="profile" aria-label={`Profile of ${profile.name}`}>
      <h3>{profile.name}: {fmtInt(profile.areaKm2)} km² of land</h3>
      <p>
        Passing the hard constraints: <strong>{pct(profile.passShare)}</strong> of the land; excluded {pct(profile.excludedShare)}; without data {pct(profile.unscoredShare)}.
        {profile.medianScore !== null && <> Median score {profile.medianScore}, top decile from {profile.p90Score}.</>}
      </p>
      {profile.methodNote && <p className="hint">{profile.methodNote}</p>}
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Share of land passing the constraints by score (area-weighted)">
        {profile.histogram.map((b, i) => (
          <g key={i}>
            <rect x={x(i)} width={x.bandwidth()} y={y(b.areaShare)} height={y(0) - y(b.areaShare)} fill="#21918c" stroke="#0b3d3b" strokeWidth={0.5}>
              <title>Score {b.from}–{b.to}: {pct(b.areaShare)} of passing land</title>
            </rect>
            <text x={x(i)! + x.bandwidth() / 2} y={H - 6} fontSize={8} textAnchor="middle">{b.from}–{b.to}</text>
          </g>
        ))}
        {[0, maxShare / 2, maxShare].map((t) => <text key={t} x={left - 3} y={y(t) + 3} fontSize={8} textAnchor="end">{(t * 100).toFixed(0)}%</text>)}
      </svg>
      <table className="inspect-table">
        <caption>Layers over the region (area-weighted; median, 10th–90th percentile)</caption>
        <thead><tr><th scope="col">Layer</th><th scope="col">Median</th><th scope="col">P10–P90</th><th scope="col">Range</th></tr></thead>
        <tbody>
          {profile.layers.map((l) => (
            <tr key={l.id}>
              <th scope="row">{l.title}</th>
              <td>{Number.isFinite(l.median) ? `${l.median.toLocaleString("en", { maximumFractionDigits: 1 })} ${l.unit}` : "no data"}</td>
              <td>{Number.isFinite(l.p10) ? `${l.p10.toLocaleString("en", { maximumFractionDigits: 1 })}–${l.p90.toLocaleString("en", { maximumFractionDigits: 1 })}` : ""}</td>
              <td className="muted">{Number.isFinite(l.min) ? `${l.min.toLocaleString("en", { maximumFractionDigits: 1 })}–${l.max.toLocaleString("en", { maximumFractionDigits: 1 })}` : ""}{l.coverage < 0.999 ? ` (${pct(l.coverage)} covered)` : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="inspect-table" data-testid="candidate_areas">
        <caption>Best candidate areas {profile.candidateAreaThreshold !== null ? `(cells scoring ≥ ${profile.candidateAreaThreshold})` : ""}</caption>
        <thead><tr><th scope="col">#</th><th scope="col">Where</th><th scope="col">Area km²</th><th scope="col">Mean score</th><th scope="col">Best</th><th scope="col">Buildability</th></tr></thead>
        <tbody>
          {profile.candidateAreas.map((z) => (
            <tr key={z.rank}><td>{z.rank}</td><td>{z.country ?? "—"} ({z.lat.toFixed(2)}, {z.lon.toFixed(2)})</td><td>{fmtInt(z.areaKm2)}</td><td>{z.meanScore}</td><td>{z.bestScore}</td><td className="muted">{z.plausibility}</td></tr>
          ))}
          {!profile.candidateAreas.length && <tr><td colSpan={6}>No candidate area meets the minimum area at this threshold.</td></tr>}
        </tbody>
      </table>
      <p className="caveat" data-testid="area-rule">{profile.plausibility.text}{profile.plausibility.implausibleShare > 0 ? ` It rules out ${Math.round(100 * profile.plausibility.implausibleShare)} % of the land that passes the scenario's constraints.` : ""}</p>
    </section>
  );
}
