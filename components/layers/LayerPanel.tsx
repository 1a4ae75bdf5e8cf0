"use client";
import type { ActiveLayer } from "@/components/workspace/viewState";
import { FUEL_LEGEND, PLANT_POINT_SET } from "@/components/map/plantStyle";
import { Legend } from "./Legend";
import { CATEGORIES, type CatalogLayer } from "./types";

interface Props {
  catalog: CatalogLayer[];
  active: ActiveLayer[];
  onToggle: (id: string, on: boolean) => void;
  onOpacity: (id: string, opacity: number) => void;
}

const QUALITY_TEXT: Record<CatalogLayer["quality"], string> = { observed: "observed", modelled: "modelled", proxy: "proxy", missing: "no data" };

function Badges({ layer }: { layer: CatalogLayer }) {
  return (
    <>
      <span className={`badge q-${layer.quality}`} title={`Data quality: ${QUALITY_TEXT[layer.quality]}`}>{QUALITY_TEXT[layer.quality]}</span>
      {layer.nonCommercial && <span className="badge nc" title="A source is licensed for non-commercial use only">NC</span>}
    </>
  );
}

/**
 * The layer panel: first the layers on the map (top of the stack first) with opacity and legend,
 * then every layer grouped by category with a toggle and a one-line description, quality and vintage.
 */
export function LayerPanel({ catalog, active, onToggle, onOpacity }: Props) {
  const byId = new Map(catalog.map((l) => [l.id, l]));
  const activeIds = new Set(active.map((a) => a.id));
  const onMap = [...active].reverse().flatMap((a) => {
    const layer = byId.get(a.id);
    return layer ? [{ layer, opacity: a.opacity }] : [];
  });
  return (
    <nav aria-label="Evidence layers" className="layer-panel">
      <section aria-labelledby="on-map" className="on-map">
        <h2 id="on-map">On the map</h2>
        {onMap.length === 0 && <p className="layer-desc">No layer yet: switch one on below. Hover the map to read the top layer; click for every layer.</p>}
        <ul>
          {onMap.map(({ layer, opacity }, i) => (
            <li key={layer.id} className="layer on" data-active-layer={layer.id}>
              <div className="layer-head">
                <strong>{layer.title}</strong>
                {i === 0 && <span className="badge" title="Hovering the map reads this layer">hover</span>}
                <button type="button" className="small" onClick={() => onToggle(layer.id, false)} aria-label={`Remove ${layer.title} from the map`}>×</button>
              </div>
              <div className="layer-controls">
                <label htmlFor={`opacity-${layer.id}`}>Opacity for {layer.title}</label>
                <input id={`opacity-${layer.id}`} type="range" min={0} max={100} step={5} value={Math.round(opacity * 100)} onChange={(e) => onOpacity(layer.id, Number(e.target.value) / 100)} />
                <Legend legend={layer.legend} title={layer.title} />
                {layer.pointSet === PLANT_POINT_SET && (
                  <ul className="legend-cats" aria-label="Power plants by fuel (symbol area ∝ capacity)">
                    {FUEL_LEGEND.map((f) => <li key={f.label}><span className="swatch" style={{ background: f.colour, borderRadius: "50%" }} aria-hidden="true" />{f.label}</li>)}
                  </ul>
                )}
              </div>
            </li>
          ))}
        </ul>
      </section>
      {CATEGORIES.map((cat) => {
        const layers = catalog.filter((l) => l.category === cat.id).sort((a, b) => a.title.localeCompare(b.title));
        if (!layers.length) return null;
        return (
          <section key={cat.id} aria-labelledby={`cat-${cat.id}`}>
            <h2 id={`cat-${cat.id}`}>{cat.title}</h2>
            <ul>
              {layers.map((layer) => {
                const inputId = `layer-${layer.id}`;
                const disabled = layer.quality === "missing";
                return (
                  <li key={layer.id} className={activeIds.has(layer.id) ? "layer on" : "layer"} data-layer={layer.id}>
                    <div className="layer-head">
                      <input type="checkbox" id={inputId} checked={activeIds.has(layer.id)} disabled={disabled} onChange={(e) => onToggle(layer.id, e.target.checked)} />
                      <label htmlFor={inputId}>{layer.title}</label>
                      <Badges layer={layer} />
                    </div>
                    <p className="layer-desc">
                      {disabled ? layer.missingReason : layer.description} <span className="vintage">Vintage: {layer.vintage}.</span>
                    </p>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}
