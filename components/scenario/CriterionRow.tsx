"use client";
import { percentPoints } from "@/server/scoring";
import { useState } from "react";
import type { Criterion } from "@/server/schemas/scenario";
import { ConstraintEditor } from "./ConstraintEditor";
import type { SourceOption } from "./sources";
import { ValueFunctionEditor } from "./ValueFunctionEditor";

interface Props {
  criterion: Criterion;
  source: SourceOption | undefined;
  share: number;
  weightEditable: boolean;
  readOnly: boolean;
  onShare: (share: number) => void;
  onChange: (c: Criterion) => void;
  onRemove: () => void;
}

/** One criterion: its weight slider (share of the total), lock, value function, constraints. */
export function CriterionRow({ criterion, source, share, weightEditable, readOnly, onShare, onChange, onRemove }: Props) {
  const [open, setOpen] = useState(false);
  const id = `crit-${criterion.id}`;
  const title = source?.title ?? criterion.source;
  const pct = percentPoints(share);
  return (
    <li className="criterion" data-criterion={criterion.id}>
      <div className="crit-head">
        <label htmlFor={`${id}-w`} className="crit-title">{title}</label>
        <span className="crit-share" aria-hidden="true">{criterion.weight > 0 ? `${pct} %` : "constraint only"}</span>
      </div>
      <div className="crit-weight">
        <input id={`${id}-w`} type="range" min={0} max={100} step={1} value={Math.round(share * 100)} disabled={readOnly || !weightEditable || criterion.locked}
          aria-valuetext={`${pct} percent`} onChange={(e) => onShare(Number(e.target.value) / 100)} />
        <label className="lock"><input type="checkbox" checked={criterion.locked} disabled={readOnly} onChange={(e) => onChange({ ...criterion, locked: e.target.checked })} /> lock</label>
        <button type="button" className="small" aria-expanded={open} aria-controls={`${id}-detail`} onClick={() => setOpen(!open)}>{open ? "Less" : "Edit"}</button>
        {!readOnly && <button type="button" className="small" aria-label={`Remove criterion ${title}`} onClick={onRemove}>×</button>}
      </div>
      {criterion.constraints.length > 0 && <p className="crit-note">Hard constraint: {criterion.constraints.map((c) => c.kind === "excludeAbove" ? `exclude above ${c.value}` : c.kind === "excludeBelow" ? `exclude below ${c.value}` : c.kind === "allowedValues" ? `only ${c.values.join(", ")}` : `not ${c.values.join(", ")}`).join("; ")}</p>}
      {open && source && (
        <div id={`${id}-detail`} className="crit-detail">
          <ValueFunctionEditor spec={criterion.valueFunction} unit={source.unit} {...(source.categories ? { categories: source.categories } : {})} idPrefix={id} readOnly={readOnly} onChange={(valueFunction) => onChange({ ...criterion, valueFunction })} />
          <ConstraintEditor constraints={criterion.constraints} source={source} idPrefix={id} readOnly={readOnly} onChange={(constraints) => onChange({ ...criterion, constraints })} />
        </div>
      )}
    </li>
  );
}
