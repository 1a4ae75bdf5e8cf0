"use client";
import { useQuery } from "@tanstack/react-query";
import { CATEGORIES, formatValue, type CatalogLayer } from "@/components/layers/types";
import { useTRPC } from "@/components/trpc/client";

/**
 * Every layer's value at the picked point: value and unit, quality, the zone, country or region with
 * year (as-of date and confidence for curated tables) and source, licence, the value's own citation
 * (curated tables: the title and link of the row's source), and the reason when a value is missing.
 */
export function Inspector({ point, catalog, onClose, onAddSite }: { point: { lat: number; lon: number }; catalog: CatalogLayer[]; onClose: () => void; onAddSite?: (name: string) => void }) {
  const trpc = useTRPC();
  const sample = useQuery(trpc.layers.sample.queryOptions({ points: [point] }));
  const byId = new Map(catalog.map((l) => [l.id, l]));
  const heading = `${point.lat.toFixed(3)}°, ${point.lon.toFixed(3)}°`;
  return (
    <section className="inspector" aria-label={`Values at ${heading}`} data-testid="inspector">
      <div className="dialog-head">
        <h2>{heading}</h2>
        <button type="button" onClick={onClose} aria-label="Close the inspector">Close</button>
      </div>
      {sample.isPending && <p aria-live="polite">Sampling every layer…</p>}
      {sample.error && <p role="alert">{sample.error.message}</p>}
      {sample.data && (() => {
        const result = sample.data.results[0]!;
        const rows = sample.data.layers.map((id, k) => ({ layer: byId.get(id), id, v: result.values[k]! }));
        return (
          <>
            {onAddSite && (
              <button type="button" onClick={() => onAddSite(`${result.country?.name ?? "Site"} ${point.lat.toFixed(2)}, ${point.lon.toFixed(2)}`)}>Add as candidate site</button>
            )}
            <p className="where">
              {result.country ? `${result.country.name}${result.country.match === "same-cell" ? " (nearest outline)" : ""}` : "Not in any country"}
              {result.zone ? ` · Electricity Maps zone ${result.zone.name} (${result.zone.key})` : ""}
            </p>
            {CATEGORIES.map((cat) => {
              const inCat = rows.filter((r) => r.layer?.category === cat.id);
              if (!inCat.length) return null;
              return (
                <table key={cat.id} className="inspect-table">
                  <caption>{cat.title}</caption>
                  <thead>
                    <tr><th scope="col">Layer</th><th scope="col">Value</th><th scope="col">Quality</th><th scope="col">Provenance</th></tr>
                  </thead>
                  <tbody>
                    {inCat.map(({ layer, id, v }) => {
                      const ref = v.ref !== undefined ? sample.data.refs[v.ref] : undefined;
                      const sources = layer?.sources ?? [];
                      const source = ref?.kind === "feature" && ref.source ? sources.find((s) => s.id === ref.source) : sources[0];
                      return (
                        <tr key={id} data-layer={id}>
                          <th scope="row">{layer?.title ?? id}</th>
                          <td data-testid={`value-${id}`}>{formatValue(v, layer?.unit ?? "")}</td>
                          <td>{v.quality}</td>
                          <td className="prov">
                            {v.value === null && <div className="reason">{v.reason}</div>}
                            {ref?.kind === "feature" && <div>{ref.set === "zones" ? "Zone" : ref.set === "subdivisions" && ref.key.includes("-") ? "Region" : "Country"}: {ref.name}{ref.year ? ` · ${ref.source?.startsWith("curated-") ? "as of " : ""}${ref.year}` : ""}{ref.confidence ? ` · ${ref.confidence} confidence` : ""}</div>}
                            {ref?.kind === "feature" && ref.note && <div className="note">{ref.note}</div>}
                            {ref?.kind === "nearest" && <div>Nearest: {ref.name}{ref.detail ? ` (${ref.detail})` : ""}</div>}
                            {v.note && <div className="note">{v.note}</div>}
                            {source && <div className="src">{source.publisher} · {source.license}{source.nonCommercial ? " (non-commercial)" : ""} · {source.vintage}</div>}
                            {ref?.kind === "feature" && ref.url && <a href={ref.url} target="_blank" rel="noreferrer noopener" data-testid={`citation-${id}`}>{ref.citation ? `Source: ${ref.citation}` : "citation"}</a>}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              );
            })}
          </>
        );
      })()}
    </section>
  );
}
