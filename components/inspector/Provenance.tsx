"use client";
import type { CatalogLayer } from "@/components/layers/types";
import type { SampleRef, SampleValue } from "./rows";

/**
 * Where one value comes from, shown when its row is opened: the reason a value is missing, the zone,
 * country or nearest point it belongs to, notes, the dataset (publisher, licence, vintage) with a link
 * to the publisher, and a per-value citation where the value has its own (e.g. a curated table row).
 */
export function Provenance({ layer, value, reference }: { layer: CatalogLayer; value: SampleValue; reference: SampleRef | undefined }) {
  const ref = reference;
  const source = ref?.kind === "feature" && ref.source ? layer.sources.find((s) => s.id === ref.source) ?? layer.sources[0] : layer.sources[0];
  return (
    <div className="prov">
      {value.value === null && value.reason && <div className="reason">{value.reason}</div>}
      {ref?.kind === "feature" && <div>{ref.set === "zones" ? "Grid zone" : ref.set === "subdivisions" && ref.key.includes("-") ? "Region" : "Country"}: {ref.name}{ref.year ? ` · ${ref.source?.startsWith("curated-") ? "as of " : ""}${ref.year}` : ""}{ref.confidence ? ` · ${ref.confidence} confidence` : ""}</div>}
      {ref?.kind === "feature" && ref.note && <div className="note">{ref.note}</div>}
      {ref?.kind === "nearest" && <div>Nearest: {ref.name}{ref.detail ? ` (${ref.detail})` : ""}</div>}
      {value.note && <div className="note">{value.note}</div>}
      {layer.description && <div className="desc">{layer.description}</div>}
      {source && (
        <div className="src">
          <a href={source.url} target="_blank" rel="noreferrer noopener">{source.title}</a> · {source.publisher} · {source.license}
          {source.nonCommercial ? " (non-commercial)" : ""} · {source.vintage}
        </div>
      )}
      {ref?.kind === "feature" && ref.url && <a href={ref.url} target="_blank" rel="noreferrer noopener" data-testid={`citation-${layer.id}`}>{ref.citation ? `Source: ${ref.citation}` : "Citation for this value"}</a>}
    </div>
  );
}
