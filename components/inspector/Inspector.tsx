"use client";
import { useQuery } from "@tanstack/react-query";
import type { CatalogLayer } from "@/components/layers/types";
import { useTRPC } from "@/components/trpc/client";
import { inspectorRows, sharedMissingReason, type CriterionLike } from "./rows";
import { ValueTable } from "./ValueTable";

interface Props {
  point: { lat: number; lon: number };
  catalog: CatalogLayer[];
  /** The active scenario's criteria: their layers are listed first. */
  criteria?: readonly CriterionLike[];
  /** Layers on the map: their categories start open. */
  onMap?: readonly string[];
  /** Metric titles by criterion source (metric.pue → "PUE"), for the note on per-site metrics. */
  metricTitles?: ReadonlyMap<string, string>;
  onClose: () => void;
  onAddSite?: (name: string) => void;
  onOpenSources?: () => void;
}

/**
 * Every layer's value at the picked point (issue 16, item 4): the active scenario's criteria first,
 * then the other layers by category behind a disclosure each (open for the layers on the map); units
 * and quality as badges; each
 * value's provenance behind its source chip. Layers with no data in this build are left out and
 * counted, with a link to the Sources dialog that gives the reason.
 */
export function Inspector({ point, catalog, criteria = [], onMap = [], metricTitles, onClose, onAddSite, onOpenSources }: Props) {
  const trpc = useTRPC();
  const sample = useQuery(trpc.layers.sample.queryOptions({ points: [point] }));
  const heading = `${point.lat.toFixed(3)}°, ${point.lon.toFixed(3)}°`;
  const result = sample.data?.results[0];
  const rows = sample.data && result ? inspectorRows({ layers: sample.data.layers, refs: sample.data.refs, values: result.values }, catalog, criteria) : null;
  const noValue = rows ? sharedMissingReason(rows) : null;
  return (
    <section className="inspector" aria-label={`Values at ${heading}`} data-testid="inspector">
      <div className="dialog-head">
        <h2>{heading}</h2>
        <button type="button" onClick={onClose} aria-label="Close the inspector">Close</button>
      </div>
      {sample.isPending && <p aria-live="polite">Sampling every layer…</p>}
      {sample.error && <p role="alert">{sample.error.message}</p>}
      {result && rows && (
        <>
          <p className="where">
            {result.country ? `${result.country.name}${result.country.match === "same-cell" ? " (nearest outline)" : ""}` : "Not in any country"}
            {result.gridZone ? ` · grid zone ${result.gridZone.name} (${result.gridZone.key})` : ""}
            {onAddSite && (
              <button type="button" className="small add-site" onClick={() => onAddSite(`${result.country?.name ?? "Site"} ${point.lat.toFixed(2)}, ${point.lon.toFixed(2)}`)}>Add as candidate site</button>
            )}
          </p>
          {noValue && <p className="reason" data-testid="inspector-no-value">{noValue.count} layers have no value here: {noValue.reason}</p>}
          {rows.criteria.length > 0 && (
            <ValueTable caption="Criteria of the active scenario" rows={rows.criteria} testId="inspector-criteria" />
          )}
          {rows.metricCriteria.length > 0 && (
            <p className="hint">
              Also scored, per site in the ranking: {rows.metricCriteria.map((m) => `${metricTitles?.get(m.source) ?? m.source.replace(/^metric\./, "")} (${Math.round(m.weightShare * 100)} %)`).join(", ")}.
            </p>
          )}
          <div className="inspect-groups" data-testid="inspector-other">
            {rows.groups.map((g) => (
              <details key={g.id} open={g.rows.some((r) => onMap.includes(r.id)) || (rows.criteria.length === 0 && !onMap.length && g === rows.groups[0])}>
                <summary>{g.title} <span className="muted">({g.rows.length})</span></summary>
                <ValueTable rows={g.rows} />
              </details>
            ))}
          </div>
          {rows.missingForBuild.length > 0 && (
            <p className="hint" data-testid="inspector-missing">
              {rows.missingForBuild.length === 1 ? "1 layer has" : `${rows.missingForBuild.length} layers have`} no data in this build ({rows.missingForBuild.map((l) => l.title).join(", ")}).{" "}
              {onOpenSources ? <button type="button" className="link" onClick={onOpenSources}>Why: Sources &amp; licences</button> : "See Sources & licences."}
            </p>
          )}
        </>
      )}
    </section>
  );
}
