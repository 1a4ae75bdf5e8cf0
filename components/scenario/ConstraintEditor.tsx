"use client";
import type { ConstraintSpec } from "@/server/schemas/scenario";
import type { SourceOption } from "./sources";

/** Hard constraints on one criterion: exclude above/below a value, or allow only some categories. */
export function ConstraintEditor({ constraints, source, idPrefix, readOnly, onChange }: {
  constraints: ConstraintSpec[]; source: SourceOption; idPrefix: string; readOnly: boolean; onChange: (c: ConstraintSpec[]) => void;
}) {
  if (source.categorical) {
    const allowed = constraints.find((c) => c.kind === "allowedValues");
    const cats = source.categories ?? [];
    return (
      <fieldset className="constraints">
        <legend>Hard constraint: allowed categories</legend>
        <label><input type="checkbox" checked={Boolean(allowed)} disabled={readOnly}
          onChange={(e) => onChange(e.target.checked ? [{ kind: "allowedValues", values: cats.map((c) => c.key) }] : [])} /> Exclude sites outside the allowed categories</label>
        {allowed?.kind === "allowedValues" && cats.map((c) => (
          <label key={c.key} className="cat"><input type="checkbox" disabled={readOnly} checked={allowed.values.includes(c.key)}
            onChange={(e) => {
              const values = e.target.checked ? [...allowed.values, c.key] : allowed.values.filter((v) => v !== c.key);
              if (values.length) onChange([{ kind: "allowedValues", values }]);
            }} /> {c.label}</label>
        ))}
      </fieldset>
    );
  }
  const above = constraints.find((c) => c.kind === "excludeAbove");
  const below = constraints.find((c) => c.kind === "excludeBelow");
  const set = (kind: "excludeAbove" | "excludeBelow", value: number | null) =>
    onChange([...constraints.filter((c) => c.kind !== kind), ...(value === null ? [] : [{ kind, value }])]);
  const field = (kind: "excludeAbove" | "excludeBelow", label: string, current: ConstraintSpec | undefined) => (
    <label htmlFor={`${idPrefix}-${kind}`} className="num">
      {label} ({source.unit})
      <input id={`${idPrefix}-${kind}`} type="number" step="any" readOnly={readOnly} placeholder="no limit"
        value={current && "value" in current ? current.value : ""}
        onChange={(e) => set(kind, e.target.value === "" ? null : e.target.valueAsNumber)} />
    </label>
  );
  return (
    <fieldset className="constraints">
      <legend>Hard constraints (excluded sites are listed with the reason)</legend>
      {field("excludeAbove", "Exclude above", above)}
      {field("excludeBelow", "Exclude below", below)}
    </fieldset>
  );
}
