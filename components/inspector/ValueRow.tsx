"use client";
import { useId, useState } from "react";
import { Provenance } from "./Provenance";
import { formatBare, type InspectorRow } from "./rows";

const QUALITY_SHORT: Record<string, string> = { observed: "obs", modelled: "model", proxy: "proxy", missing: "none" };
const QUALITY_TEXT: Record<string, string> = { observed: "observed", modelled: "modelled (a documented model)", proxy: "proxy (stands in for what is wanted)", missing: "no value" };

/**
 * A publisher's name short enough for a chip: the part before a comma, semicolon, bracket, " / " or
 * " and ", without a leading article or trailing "contributors"; initials beyond 18 characters
 * ("World Resources Institute" → "WRI", "U.S. Energy Information Administration" → "U.S. EIA").
 */
export function shortPublisher(publisher: string): string {
  const s = publisher.replace(/^the\s+/i, "").split(/\s*[,;(]|\s+\/\s+|\s+and\s+/)[0]!.trim().replace(/\s+contributors$/, "");
  if (s.length <= 18) return s;
  const words = s.split(/\s+/).filter((w) => /^[A-Z]/.test(w));
  const dotted = words.filter((w) => w.includes("."));
  return `${dotted.join(" ")}${dotted.length ? " " : ""}${words.filter((w) => !w.includes(".")).map((w) => w[0]).join("")}`;
}

/**
 * One layer's value as a compact row: title, value, unit and quality as badges, and a source chip
 * that opens the value's provenance beneath the row.
 */
export function ValueRow({ row }: { row: InspectorRow }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const { layer, value, ref } = row;
  const source = ref?.kind === "feature" && ref.source ? layer.sources.find((s) => s.id === ref.source) ?? layer.sources[0] : layer.sources[0];
  const chip = source ? `${shortPublisher(source.publisher)}${ref?.kind === "feature" && ref.year ? ` ${ref.year}` : ""}` : "source";
  const unit = value.value !== null && !value.label && typeof value.value === "number" ? layer.unit : "";
  return (
    <>
      <tr data-layer={row.id} className={value.value === null ? "no-value" : undefined}>
        <th scope="row" title={`${layer.title}: ${layer.description}`}>
          {row.weightShare !== undefined && <span className="weight" title="Share of the scenario's weight">{Math.round(row.weightShare * 100)} %</span>}
          <span className="title">{layer.title}</span>
        </th>
        <td className="val">
          <span data-testid={`value-${row.id}`}>{formatBare(value)}{unit ? ` ${unit}` : ""}</span>
        </td>
        <td className="badges">
          <span className={`badge q-${value.quality}`} title={`Quality: ${QUALITY_TEXT[value.quality] ?? value.quality}`}>{QUALITY_SHORT[value.quality] ?? value.quality}</span>
          {layer.nonCommercial && <span className="badge nc" title="A source is licensed for non-commercial use only">NC</span>}
        </td>
        <td className="chip-cell">
          <button type="button" className="source-chip" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}
            title={source ? `${source.title} — ${source.publisher}, ${source.license}, ${source.vintage}` : "Provenance"}>
            {chip}
          </button>
        </td>
      </tr>
      {open && (
        <tr className="prov-row" id={id}>
          <td colSpan={4}><Provenance layer={layer} value={value} reference={ref} /></td>
        </tr>
      )}
    </>
  );
}
