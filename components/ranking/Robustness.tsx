"use client";
import { useQuery } from "@tanstack/react-query";
import { interpolateBlues } from "d3-scale-chromatic";
import { useTRPC } from "@/components/trpc/client";
import type { Scenario } from "@/server/schemas/scenario";
import type { Site } from "@/server/schemas/site";

const MAX = 1000;

/** Which sites win under which weights: stability intervals per weight and the SMAA rank-acceptability heat map. */
export function Robustness({ sites, scenario }: { sites: Site[]; scenario: Scenario }) {
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.scoring.sensitivity.queryOptions({ sites: sites.slice(0, MAX), scenario, samples: 10_000, seed: 1 }), enabled: sites.length >= 2 });
  if (sites.length < 2) return <p>Add at least two sites to test how robust the ranking is.</p>;
  if (q.isPending) return <p aria-live="polite">Sampling 10,000 weight vectors…</p>;
  if (q.error) return <p role="alert">{q.error.message}</p>;
  const r = q.data;
  const ranks = r.sites.length;
  return (
    <section className="robustness" data-testid="robustness">
      {sites.length > MAX && <p className="warn">Only the first {MAX} sites are analysed.</p>}
      {r.reading.map((line, i) => <p key={i} className="reading">{line}</p>)}
      <table className="inspect-table">
        <caption>Weight stability: the range each weight can take (others rescaled) with the same winner</caption>
        <thead><tr><th scope="col">Criterion</th><th scope="col">Now</th><th scope="col">Stable range</th><th scope="col" aria-label="Range bar" /><th scope="col">Overtaken by</th></tr></thead>
        <tbody>
          {r.stability.map((s) => (
            <tr key={s.criterionId}>
              <th scope="row">{s.title}</th>
              <td>{s.weight.toFixed(2)}</td>
              <td>{s.lower.toFixed(2)} – {s.upper.toFixed(2)}</td>
              <td>
                <svg viewBox="0 0 100 6" width="100" height="8" role="img" aria-label={`stable from ${s.lower.toFixed(2)} to ${s.upper.toFixed(2)}`}>
                  <rect x={0} y={2} width={100} height={2} fill="#ddd" />
                  <rect x={s.lower * 100} y={0} width={Math.max(0.5, (s.upper - s.lower) * 100)} height={6} fill="#0072b2" />
                  <rect x={s.weight * 100 - 0.5} y={0} width={1} height={6} fill="#000" />
                </svg>
              </td>
              <td className="muted">{[s.rivalBelowName && `below: ${s.rivalBelowName}`, s.rivalAboveName && `above: ${s.rivalAboveName}`].filter(Boolean).join("; ") || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.smaa && (
        <div className="smaa-wrap">
          <table className="smaa" data-testid="smaa">
            <caption>SMAA rank acceptability: share of {r.smaa.samples.toLocaleString("en")} random weight vectors giving each rank (seed {r.smaa.seed})</caption>
            <thead><tr><th scope="col">Site</th>{Array.from({ length: Math.min(ranks, 10) }, (_, k) => <th key={k} scope="col">#{k + 1}</th>)}</tr></thead>
            <tbody>
              {r.sites.slice(0, 30).map((site, i) => (
                <tr key={site.id}>
                  <th scope="row">{site.name}</th>
                  {r.smaa!.rankAcceptability[i]!.slice(0, 10).map((a, k) => (
                    <td key={k} style={{ background: interpolateBlues(a), color: a > 0.55 ? "#fff" : "#000" }}>{a >= 0.005 ? `${Math.round(a * 100)}%` : ""}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {r.leftOut.length > 0 && <p className="muted">Not analysed: {r.leftOut.map((l) => `${l.name} (${l.reason})`).join("; ")}.</p>}
    </section>
  );
}
