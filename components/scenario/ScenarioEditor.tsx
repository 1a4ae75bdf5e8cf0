"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { CatalogLayer } from "@/components/layers/types";
import { useTRPC } from "@/components/trpc/client";
import type { Criterion, Scenario } from "@/server/schemas/scenario";
import { CriterionRow } from "./CriterionRow";
import { MarketEditor } from "./MarketEditor";
import { defaultValueFunction, sourceOptions } from "./sources";
import { AhpEditor, equalPairwise, RocEditor } from "./WeightModes";
import { orderFromShares, setShare, shares } from "./weights";

const METHODS: { id: Scenario["method"]["method"]; label: string; note: string }[] = [
  { id: "wsm", label: "Weighted sum (WSM)", note: "Adds weighted utilities; compensatory and fully explainable (the default)." },
  { id: "wpm", label: "Weighted product (WPM)", note: "Multiplies utilities raised to their weights; a very poor value drags the score down." },
  { id: "waspas", label: "WASPAS", note: "Half weighted sum, half weighted product." },
  { id: "topsis", label: "TOPSIS", note: "Closeness to an ideal site and distance from the worst." },
  { id: "vikor", label: "VIKOR", note: "Compromise ranking balancing group utility and the worst regret." },
  { id: "promethee2", label: "PROMETHEE II", note: "Pairwise outranking flows between sites." },
];

interface Props {
  scenario: Scenario | null;
  catalog: CatalogLayer[];
  readOnly: boolean;
  onChange: (s: Scenario) => void;
}

/** Build or edit the scenario: start from a preset, pick criteria, weight them three ways, set value functions, constraints and the method. */
export function ScenarioEditor({ scenario, catalog, readOnly, onChange }: Props) {
  const trpc = useTRPC();
  const presets = useQuery({ ...trpc.scoring.presets.queryOptions(), staleTime: Infinity });
  const metrics = useQuery({ ...trpc.scoring.metrics.queryOptions(), staleTime: Infinity });
  const [adding, setAdding] = useState("");
  if (!metrics.data) return <p aria-live="polite">Loading…</p>;
  const options = sourceOptions(catalog, metrics.data);
  const byId = new Map(options.map((o) => [o.id, o]));

  const presetPicker = (
    <section aria-labelledby="presets-title" className="presets">
      <h3 id="presets-title">Start from a preset</h3>
      {presets.data?.map((p) => (
        <details key={p.id}>
          <summary>{p.title} <span className="muted">— {p.forWhom}</span></summary>
          <p>{p.explanation}</p>
          <ul className="preset-reasons">
            {p.scenario.criteria.filter((c) => p.reasons[c.id]).map((c) => <li key={c.id}><strong>{byId.get(c.source)?.title ?? c.source}</strong> (×{c.weight}): {p.reasons[c.id]}</li>)}
          </ul>
          {!readOnly && <button type="button" onClick={() => onChange({ ...p.scenario, id: `sc-${Date.now().toString(36)}` })}>Use “{p.title}”</button>}
        </details>
      ))}
    </section>
  );
  if (!scenario) return <div className="scenario-editor">{presetPicker}</div>;

  const s = scenario;
  const titles = s.criteria.map((c) => byId.get(c.source)?.title ?? c.source);
  const sh = shares(s.criteria);
  const setCriteria = (criteria: Criterion[]) => onChange({ ...s, criteria });
  const applyWeights = (weights: number[]) => setCriteria(s.criteria.map((c, i) => ({ ...c, weight: Math.round((weights[i] ?? 0) * 10000) / 10000 })));
  const mode = s.weighting.mode;

  return (
    <div className="scenario-editor">
      <label className="scenario-name">Scenario name
        <input value={s.name} readOnly={readOnly} maxLength={200} onChange={(e) => e.target.value.trim() && onChange({ ...s, name: e.target.value })} />
      </label>
      <fieldset className="weight-mode">
        <legend>Set weights by</legend>
        {(["direct", "roc", "ahp"] as const).map((m) => (
          <label key={m}><input type="radio" name="weight-mode" value={m} checked={mode === m} disabled={readOnly} onChange={() => {
            if (m === "direct") onChange({ ...s, weighting: { mode: "direct" } });
            if (m === "roc") onChange({ ...s, weighting: { mode: "roc", order: orderFromShares(sh) } });
            if (m === "ahp") onChange({ ...s, weighting: { mode: "ahp", pairwise: equalPairwise(s.criteria.length), randomIndex: "saaty1980" } });
          }} /> {m === "direct" ? "sliders" : m === "roc" ? "rank order (ROC)" : "pairwise comparison (AHP)"}</label>
        ))}
      </fieldset>
      <ul className="criteria" aria-label="Criteria">
        {s.criteria.map((c, i) => (
          <CriterionRow key={c.id} criterion={c} source={byId.get(c.source)} share={sh[i]!} weightEditable={mode === "direct"} readOnly={readOnly}
            onShare={(share) => applyWeights(setShare(s.criteria, i, share))}
            onChange={(next) => setCriteria(s.criteria.map((x, k) => (k === i ? next : x)))}
            onRemove={() => s.criteria.length > 1 && onChange({ ...s, criteria: s.criteria.filter((_, k) => k !== i), weighting: { mode: "direct" } })} />
        ))}
      </ul>
      {mode === "roc" && s.weighting.mode === "roc" && s.weighting.order.length === s.criteria.length && (
        <RocEditor criteria={s.criteria} titles={titles} order={s.weighting.order} readOnly={readOnly}
          onChange={(order, weights) => onChange({ ...s, weighting: { mode: "roc", order }, criteria: s.criteria.map((c, i) => ({ ...c, weight: weights[i]! })) })} />
      )}
      {mode === "ahp" && s.weighting.mode === "ahp" && s.weighting.pairwise.length === s.criteria.length && (
        <AhpEditor titles={titles} pairwise={s.weighting.pairwise} readOnly={readOnly}
          onChange={(pairwise, weights) => onChange({ ...s, weighting: { mode: "ahp", pairwise, randomIndex: "saaty1980" }, criteria: weights.length ? s.criteria.map((c, i) => ({ ...c, weight: weights[i]! })) : s.criteria })} />
      )}
      {!readOnly && (
        <div className="add-criterion">
          <label htmlFor="add-criterion">Add a criterion</label>
          <select id="add-criterion" value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">Choose a layer or metric…</option>
            {[...new Set(options.map((o) => o.group))].map((g) => (
              <optgroup key={g} label={g}>
                {options.filter((o) => o.group === g && !s.criteria.some((c) => c.source === o.id)).map((o) => <option key={o.id} value={o.id}>{o.title}</option>)}
              </optgroup>
            ))}
          </select>
          <button type="button" disabled={!adding} onClick={() => {
            const o = byId.get(adding);
            if (!o) return;
            const id = `c-${Date.now().toString(36)}`;
            onChange({ ...s, weighting: { mode: "direct" }, criteria: [...s.criteria, { id, source: o.id, weight: 1, locked: false, valueFunction: defaultValueFunction(o), constraints: [] }] });
            setAdding("");
          }}>Add</button>
        </div>
      )}
      <fieldset>
        <legend>Method</legend>
        <select aria-label="Ranking method" value={s.method.method} disabled={readOnly} onChange={(e) => onChange({ ...s, method: { method: e.target.value } as Scenario["method"] })}>
          {METHODS.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
        </select>
        <p className="hint">{METHODS.find((m) => m.id === s.method.method)?.note}</p>
        <label>Missing values
          <select value={s.missing} disabled={readOnly} onChange={(e) => onChange({ ...s, missing: e.target.value as Scenario["missing"] })}>
            <option value="exclude">exclude the site (with the reason)</option>
            <option value="renormalize">drop that criterion's weight for the site</option>
          </select>
        </label>
      </fieldset>
      <MarketEditor scenario={s} readOnly={readOnly} onChange={onChange} />
      {presetPicker}
    </div>
  );
}
