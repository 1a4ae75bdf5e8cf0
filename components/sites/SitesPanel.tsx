"use client";
import type { Site } from "@/server/schemas/site";
import type { ReactNode } from "react";
import { GettingStarted } from "./GettingStarted";
import { ImportSites } from "./ImportSites";
import { PlaceSearch } from "./PlaceSearch";

interface Props {
  sites: Site[];
  readOnly: boolean;
  onAdd: (sites: Site[]) => void;
  onRemove: (id: string) => void;
  onFocus: (site: Site) => void;
  /** The active scenario's name, for the empty state. */
  scenarioName?: string | null;
  /** Shown above everything else (the first-visit choice). */
  intro?: ReactNode;
}

/** Candidate sites: list, add from the gazetteer or an import; map clicks add through the inspector. */
export function SitesPanel({ sites, readOnly, onAdd, onRemove, onFocus, scenarioName = null, intro = null }: Props) {
  return (
    <section aria-labelledby="sites-title" className="sites-panel">
      {intro}
      <h2 id="sites-title">Candidate sites ({sites.length})</h2>
      {!readOnly && sites.length === 0 && <GettingStarted scenarioTitle={scenarioName} />}
      {!readOnly && (
        <>
          <PlaceSearch onPick={(p) => onAdd([{ id: "", name: `${p.name}, ${p.country}`, lat: p.lat, lon: p.lon, overrides: {}, origin: "gazetteer" }])} />
          <ImportSites onAdd={onAdd} existingIds={new Set(sites.map((s) => s.id))} />
          {sites.length > 0 && <p className="hint">Or click the map (or type coordinates above) and choose “Add as candidate site” in the inspector.</p>}
        </>
      )}
      <ol className="site-list" data-testid="site-list">
        {sites.slice(0, 500).map((s) => (
          <li key={s.id}>
            <button type="button" className="link" onClick={() => onFocus(s)} title="Show on the map">{s.name}</button>
            <span className="muted"> {s.lat.toFixed(3)}, {s.lon.toFixed(3)}</span>
            {Object.keys(s.overrides).length > 0 && <span className="badge" title={Object.entries(s.overrides).map(([k, v]) => `${k} = ${v}`).join("\n")}>{Object.keys(s.overrides).length} override(s)</span>}
            {!readOnly && <button type="button" className="small" onClick={() => onRemove(s.id)} aria-label={`Remove ${s.name}`}>×</button>}
          </li>
        ))}
      </ol>
      {sites.length > 500 && <p className="muted">…and {sites.length - 500} more (all are ranked).</p>}
    </section>
  );
}
