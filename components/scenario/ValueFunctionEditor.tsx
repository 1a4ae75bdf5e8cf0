"use client";
import type { ValueFunctionSpec } from "@/server/schemas/scenario";

interface Props {
  spec: ValueFunctionSpec;
  unit: string;
  categories?: { key: string; label: string }[];
  idPrefix: string;
  readOnly: boolean;
  onChange: (spec: ValueFunctionSpec) => void;
}

function NumberInput({ id, label, value, onChange, readOnly, step = "any" }: { id: string; label: string; value: number; onChange: (v: number) => void; readOnly: boolean; step?: string }) {
  return (
    <label htmlFor={id} className="num">
      {label}
      <input id={id} type="number" step={step} value={Number.isFinite(value) ? value : ""} readOnly={readOnly}
        onChange={(e) => { const v = e.target.valueAsNumber; if (Number.isFinite(v)) onChange(v); }} />
    </label>
  );
}

/** Edits how a raw value becomes a utility: worst/best, piecewise points, threshold, or a utility per category. */
export function ValueFunctionEditor({ spec, unit, categories, idPrefix, readOnly, onChange }: Props) {
  if (spec.type === "categorical") {
    return (
      <fieldset className="vf">
        <legend>Utility per category (0 = worst, 1 = best)</legend>
        {(categories ?? Object.keys(spec.utilities).map((k) => ({ key: k, label: k }))).map((c) => (
          <NumberInput key={c.key} id={`${idPrefix}-cat-${c.key}`} label={c.label} value={spec.utilities[c.key] ?? NaN} step="0.05" readOnly={readOnly}
            onChange={(v) => onChange({ ...spec, utilities: { ...spec.utilities, [c.key]: Math.min(1, Math.max(0, v)) } })} />
        ))}
      </fieldset>
    );
  }
  return (
    <fieldset className="vf">
      <legend>Value function ({unit || "unitless"})</legend>
      <label htmlFor={`${idPrefix}-type`}>Shape
        <select id={`${idPrefix}-type`} value={spec.type} disabled={readOnly} onChange={(e) => {
          const type = e.target.value;
          const [lo, hi] = spec.type === "linear" ? [spec.worst, spec.best] : spec.type === "piecewiseLinear" ? [spec.points[0]![0], spec.points[spec.points.length - 1]![0]] : [spec.threshold, spec.threshold];
          if (type === "linear") onChange({ type, worst: lo, best: hi === lo ? lo + 1 : hi });
          else if (type === "piecewiseLinear") onChange({ type, points: lo < hi ? [[lo, 0], [hi, 1]] : [[hi, 1], [lo === hi ? lo + 1 : lo, 0]] });
          else onChange({ type: "threshold", threshold: lo, better: lo <= hi ? "above" : "below" });
        }}>
          <option value="linear">Linear between worst and best</option>
          <option value="piecewiseLinear">Piecewise linear</option>
          <option value="threshold">Threshold (pass/fail)</option>
        </select>
      </label>
      {spec.type === "linear" && (
        <>
          <NumberInput id={`${idPrefix}-worst`} label="Worst (utility 0)" value={spec.worst} readOnly={readOnly} onChange={(worst) => worst !== spec.best && onChange({ ...spec, worst })} />
          <NumberInput id={`${idPrefix}-best`} label="Best (utility 1)" value={spec.best} readOnly={readOnly} onChange={(best) => best !== spec.worst && onChange({ ...spec, best })} />
        </>
      )}
      {spec.type === "threshold" && (
        <>
          <NumberInput id={`${idPrefix}-thr`} label="Threshold" value={spec.threshold} readOnly={readOnly} onChange={(threshold) => onChange({ ...spec, threshold })} />
          <label htmlFor={`${idPrefix}-better`}>Good side
            <select id={`${idPrefix}-better`} value={spec.better} disabled={readOnly} onChange={(e) => onChange({ ...spec, better: e.target.value as "above" | "below" })}>
              <option value="below">at or below</option>
              <option value="above">at or above</option>
            </select>
          </label>
        </>
      )}
      {spec.type === "piecewiseLinear" && (
        <table className="points">
          <thead><tr><th scope="col">Value</th><th scope="col">Utility</th><th /></tr></thead>
          <tbody>
            {spec.points.map(([x, u], k) => (
              <tr key={k}>
                <td><input aria-label={`Point ${k + 1} value`} type="number" step="any" value={x} readOnly={readOnly} onChange={(e) => {
                  const v = e.target.valueAsNumber;
                  if (!Number.isFinite(v)) return;
                  const points = spec.points.map((p, i) => (i === k ? ([v, p[1]] as [number, number]) : p));
                  if (points.every((p, i) => i === 0 || p[0] > points[i - 1]![0])) onChange({ ...spec, points });
                }} /></td>
                <td><input aria-label={`Point ${k + 1} utility`} type="number" min={0} max={1} step="0.05" value={u} readOnly={readOnly} onChange={(e) => {
                  const v = e.target.valueAsNumber;
                  if (Number.isFinite(v)) onChange({ ...spec, points: spec.points.map((p, i) => (i === k ? ([p[0], Math.min(1, Math.max(0, v))] as [number, number]) : p)) });
                }} /></td>
                <td>{!readOnly && spec.points.length > 2 && <button type="button" className="small" aria-label={`Remove point ${k + 1}`} onClick={() => onChange({ ...spec, points: spec.points.filter((_, i) => i !== k) })}>×</button>}</td>
              </tr>
            ))}
          </tbody>
          {!readOnly && (
            <tfoot><tr><td colSpan={3}><button type="button" className="small" onClick={() => {
              const last = spec.points[spec.points.length - 1]!;
              const prev = spec.points[spec.points.length - 2]!;
              onChange({ ...spec, points: [...spec.points, [last[0] + (last[0] - prev[0] || 1), last[1]]] });
            }}>Add point</button></td></tr></tfoot>
          )}
        </table>
      )}
    </fieldset>
  );
}
