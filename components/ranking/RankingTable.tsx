"use client";
import { useState } from "react";
import { fmt, type MetricField, type RankResult, type SiteResult } from "./types";

const KEY_METRICS = ["pue", "wue_l_per_kwh", "annual_grid_energy_mwh", "co2_location_t_per_yr", "co2_marginal_t_per_yr", "co2_market_t_per_yr", "water_m3_per_yr", "rtt_mean_ms", "jurisdiction_fit"] as const;

type SortKey = "rank" | "name" | "score" | `m:${string}` | `c:${number}`;

function metricValue(s: SiteResult, id: string): number | string | null {
  const m = (s.metrics as unknown as Record<string, { value: number | string | null } | null>)[id];
  return m?.value ?? null;
}

/** The ranked table: sortable by any column; excluded sites stay listed with their reasons. */
export function RankingTable({ result, metrics, selected, compare, onSelect, onToggleCompare }: {
  result: RankResult; metrics: readonly MetricField[]; selected: string | null; compare: string[];
  onSelect: (id: string) => void; onToggleCompare: (id: string) => void;
}) {
  const [sort, setSort] = useState<{ key: SortKey; asc: boolean }>({ key: "rank", asc: true });
  const metricById = new Map(metrics.map((m) => [m.id, m]));
  const value = (s: SiteResult, key: SortKey): number | string | null => {
    if (key === "rank") return s.rank;
    if (key === "name") return s.name;
    if (key === "score") return s.score;
    if (key.startsWith("m:")) return metricValue(s, key.slice(2));
    return s.criteria[Number(key.slice(2))]?.raw ?? null;
  };
  const rows = [...result.sites].sort((a, b) => {
    const x = value(a, sort.key), y = value(b, sort.key);
    if (x === null && y === null) return 0;
    if (x === null) return 1; // missing and excluded always last
    if (y === null) return -1;
    const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return sort.asc ? c : -c;
  });
  const header = (key: SortKey, label: string, title?: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.asc ? "ascending" : "descending") : "none"} title={title}>
      <button type="button" className="sort" onClick={() => setSort((s) => ({ key, asc: s.key === key ? !s.asc : key === "rank" || key === "name" }))}>{label}</button>
    </th>
  );
  return (
    <div className="ranking-wrap">
      <table className="ranking" data-testid="ranking-table">
        <caption>Ranking ({result.method.toUpperCase()}). {result.scoreNote} Click a row for its breakdown.</caption>
        <thead>
          <tr>
            <th scope="col"><span className="sr-only">Compare</span></th>
            {header("rank", "#")}
            {header("name", "Site")}
            {header("score", "Score")}
            {result.criteria.map((c, j) => header(`c:${j}`, c.title, `${c.title} (${c.unit}), weight ${(c.weight * 100).toFixed(0)} %`))}
            {KEY_METRICS.map((id) => { const m = metricById.get(id); return m ? header(`m:${id}`, m.unit ? `${m.title} (${m.unit})` : m.title, m.description) : null; })}
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.id} data-site={s.id} className={`${s.excluded ? "excluded" : ""} ${selected === s.id ? "selected" : ""}`} onClick={() => onSelect(s.id)}>
              <td onClick={(e) => e.stopPropagation()}>
                <input type="checkbox" aria-label={`Compare ${s.name}`} checked={compare.includes(s.id)} disabled={!compare.includes(s.id) && compare.length >= 5} onChange={() => onToggleCompare(s.id)} />
              </td>
              <td>{s.rank ?? "—"}</td>
              <th scope="row"><button type="button" className="link" onClick={() => onSelect(s.id)}>{s.name}</button>{s.country && <span className="muted"> {s.country.iso3 ?? s.country.name}</span>}</th>
              <td data-testid={`score-${s.id}`}>{s.excluded ? <span className="excl" title={s.exclusionReasons.join("\n")}>excluded</span> : fmt(s.score, 1)}</td>
              {s.criteria.map((c, j) => (
                <td key={j} className={c.override ? "override" : c.raw === null ? "missing" : ""} title={c.override ? "user override" : c.reason ?? `${c.quality}`}>
                  {c.label ?? fmt(c.raw)}
                </td>
              ))}
              {KEY_METRICS.map((id) => { const m = metricById.get(id); return m ? <td key={id}>{fmt(metricValue(s, id), m.decimals)}</td> : null; })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
