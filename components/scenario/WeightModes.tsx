"use client";
import { ahp, rocWeights } from "@/server/scoring";
import type { Criterion } from "@/server/schemas/scenario";

const SAATY = [1 / 9, 1 / 7, 1 / 5, 1 / 3, 1, 3, 5, 7, 9];
const saatyLabel = (v: number) => (v >= 1 ? String(Math.round(v)) : `1/${Math.round(1 / v)}`);

/** Rank-order centroid weights (Barron & Barrett 1996) from an importance order the user arranges. */
export function RocEditor({ criteria, titles, order, readOnly, onChange }: {
  criteria: Criterion[]; titles: string[]; order: number[]; readOnly: boolean; onChange: (order: number[], weights: number[]) => void;
}) {
  const byRank = criteria.map((_, i) => i).sort((a, b) => order[a]! - order[b]!);
  const weights = rocWeights(order);
  const move = (pos: number, delta: number) => {
    const next = [...byRank];
    const [item] = next.splice(pos, 1);
    next.splice(pos + delta, 0, item!);
    const newOrder = criteria.map((_, i) => next.indexOf(i) + 1);
    onChange(newOrder, rocWeights(newOrder));
  };
  return (
    <ol className="roc" aria-label="Criteria by importance (most important first)">
      {byRank.map((i, pos) => (
        <li key={criteria[i]!.id}>
          <span>{titles[i]}</span> <span className="muted">{(weights[i]! * 100).toFixed(1)} %</span>
          {!readOnly && <>
            <button type="button" className="small" disabled={pos === 0} onClick={() => move(pos, -1)} aria-label={`Move ${titles[i]} up`}>↑</button>
            <button type="button" className="small" disabled={pos === byRank.length - 1} onClick={() => move(pos, 1)} aria-label={`Move ${titles[i]} down`}>↓</button>
          </>}
        </li>
      ))}
    </ol>
  );
}

/** AHP pairwise comparisons on Saaty's 1–9 scale; shows the consistency ratio and warns above 0.1. */
export function AhpEditor({ titles, pairwise, readOnly, onChange }: {
  titles: string[]; pairwise: number[][]; readOnly: boolean; onChange: (pairwise: number[][], weights: number[]) => void;
}) {
  const n = titles.length;
  let result: ReturnType<typeof ahp> | null = null;
  let error: string | null = null;
  try {
    result = n >= 2 ? ahp(pairwise, { randomIndex: "saaty1980" }) : null;
  } catch (err) {
    error = (err as Error).message;
  }
  const set = (i: number, j: number, v: number) => {
    const next = pairwise.map((row) => [...row]);
    next[i]![j] = v;
    next[j]![i] = 1 / v;
    try {
      onChange(next, ahp(next, { randomIndex: "saaty1980" }).weights);
    } catch {
      onChange(next, []);
    }
  };
  return (
    <div className="ahp">
      <table>
        <caption>How much more important is the row than the column? (1 = equal, 9 = extremely)</caption>
        <thead><tr><th />{titles.map((t, j) => <th key={j} scope="col">{t}</th>)}</tr></thead>
        <tbody>
          {titles.map((t, i) => (
            <tr key={i}>
              <th scope="row">{t}</th>
              {titles.map((_, j) => (
                <td key={j}>
                  {j > i ? (
                    <select aria-label={`${t} versus ${titles[j]}`} disabled={readOnly} value={saatyLabel(pairwise[i]?.[j] ?? 1)}
                      onChange={(e) => set(i, j, SAATY.find((s) => saatyLabel(s) === e.target.value) ?? 1)}>
                      {SAATY.map((s) => <option key={s} value={saatyLabel(s)}>{saatyLabel(s)}</option>)}
                    </select>
                  ) : j === i ? "1" : <span className="muted">{saatyLabel(pairwise[i]?.[j] ?? 1)}</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {result && (
        <p className={result.cr > 0.1 ? "warn" : ""} role={result.cr > 0.1 ? "alert" : undefined} data-testid="ahp-cr">
          Consistency ratio {result.cr.toFixed(3)} (Saaty 1980 random index){result.cr > 0.1 ? ": above 0.1 — the comparisons contradict each other; revise them." : ": acceptable (≤ 0.1)."}
        </p>
      )}
      {error && <p role="alert">{error}</p>}
    </div>
  );
}

/** An n × n all-ones pairwise matrix (every criterion equally important). */
export function equalPairwise(n: number): number[][] {
  return Array.from({ length: n }, () => Array.from({ length: n }, () => 1));
}
