"use client";
import type { Scenario } from "@/server/schemas/scenario";
import { EXCLUDED_SWATCH, rampGradient } from "./ramp";
import type { SurfaceState } from "./useSurface";

const METHOD_LABEL: Record<Scenario["method"]["method"], string> = {
  wsm: "weighted sum (WSM)", wpm: "weighted product (WPM)", waspas: "WASPAS", topsis: "TOPSIS", vikor: "VIKOR", promethee2: "PROMETHEE II",
};

const pct = (x: number) => (100 * x).toLocaleString("en", { maximumFractionDigits: 0 });
const count = (x: number) => x.toLocaleString("en");

/**
 * Legend of the suitability surface: the viridis ramp with the scores at its ends, the hatch of
 * constrained-out cells, what an uncoloured land cell means, which method the map applies (WSM when
 * the scenario's method cannot score cells on their own), and what is approximated at cell level.
 */
/** What the surface is doing, in steps, with the share downloaded when the size is known. */
function progressText(p: NonNullable<SurfaceState["progress"]>, header: SurfaceState["header"]): string {
  switch (p.step) {
    case "server": return "Step 1 of 3: the server scores every land cell's criteria for this scenario…";
    case "download": return `Step 2 of 3: downloading the surface${p.share !== null ? `, ${Math.round(p.share * 100)} %` : "…"}`;
    case "scoring": return `Step 3 of 3: weighting and painting ${header ? header.n.toLocaleString("en") : "the land"} cells in the browser…`;
  }
}

export function SurfaceLegend({ surface, scenario }: { surface: SurfaceState; scenario: Scenario | null }) {
  const { status, progress, error, stats, domain, header, timings } = surface;
  if (status === "off") return null;
  const method = scenario?.method.method ?? "wsm";
  const constrained = header?.criteria.filter((c) => c.constrained) ?? [];
  return (
    <figure className="surface-legend" aria-label="Legend: suitability surface" aria-busy={status === "fetching" || status === "scoring"}>
      <figcaption>
        <strong>Suitability</strong> — score 0–100 of every land cell ({stats ? METHOD_LABEL[stats.method] : METHOD_LABEL[method === "wpm" || method === "waspas" ? method : "wsm"]})
      </figcaption>
      {progress && <p role="status" data-testid="surface-progress">{progressText(progress, header)}</p>}
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="legend-bar">
        <div className="bar" style={{ background: rampGradient(), height: 10 }} />
        <div className="legend-ends" style={{ display: "flex", justifyContent: "space-between", fontSize: 11 }}>
          <span>{pct(domain[0])}{domain[0] > 0 ? " (lowest shown)" : ""}</span>
          <span>higher is better</span>
          <span>{pct(domain[1])}{domain[1] < 1 ? " (highest shown)" : ""}</span>
        </div>
      </div>
      {stats?.fallback && <p className="caveat" role="note">{stats.fallback} The ranking table uses {METHOD_LABEL[method]}.</p>}
      <ul className="legend-cats" style={{ columns: 1 }}>
        {constrained.length > 0 && (
          <li>
            <span className="swatch" style={{ background: EXCLUDED_SWATCH }} aria-hidden="true" />
            Excluded by a constraint ({constrained.map((c) => c.title).join(", ")}){stats ? `: ${count(stats.excluded)} cells` : ""}
          </li>
        )}
        <li>
          <span className="swatch" style={{ background: "transparent" }} aria-hidden="true" />
          Not coloured: no value for a weighted criterion
          {scenario?.missing === "renormalize" ? " at all" : " (missing policy: exclude)"}
          {stats ? `: ${count(stats.unscored)} cells` : ""}
        </li>
      </ul>
      {stats && (
        <p className="caveat">
          {count(stats.scored)} cells scored; scores {pct(stats.min)}–{pct(stats.max)}.
          {timings.scoreMs !== null && ` Rescored in ${timings.scoreMs.toFixed(0)} ms + ${(timings.paintMs ?? 0).toFixed(0)} ms drawing.`}
        </p>
      )}
      {header && (
        <details>
          <summary>What is approximated at cell level</summary>
          <ul className="caveat">
            {header.notes.map((n) => <li key={n}>{n}</li>)}
          </ul>
        </details>
      )}
    </figure>
  );
}
