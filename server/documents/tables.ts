/**
 * Tables as plain rows of text, formatted once, so the web page and the PDF print the same cells
 * (each renderer only lays them out). Column widths are relative weights. The tables here are the
 * ones every document has (criteria, layers, sources); reports/ and strategy/ add their own.
 */
import type { DocumentCriterion, DocumentProvenance } from "./content";
import { fmtFixed, fmtNumber } from "./format";

export interface TableColumn {
  title: string;
  /** Relative width. */
  width: number;
  align?: "left" | "right" | "center";
}

export interface TableModel {
  columns: TableColumn[];
  rows: string[][];
  /** Optional per-row emphasis (e.g. the recommended site, an excluded site). */
  rowStyle?: ("strong" | "muted" | null)[];
}

/** The criteria with weights, value functions and constraints (any content with a methodology, e.g. a strategy brief). */
export function methodologyCriteriaTable(content: { methodology: { criteria: DocumentCriterion[] } }): TableModel {
  return {
    columns: [{ title: "Criterion", width: 18 }, { title: "Source", width: 16 }, { title: "Weight (entered → normalised)", width: 12, align: "right" }, { title: "Value function", width: 32 }, { title: "Constraints", width: 16 }],
    rows: content.methodology.criteria.map((c) => [c.title, c.source, `${fmtNumber(c.rawWeight, 3)} → ${fmtFixed(c.weight, 3)}`, c.valueFunction, c.constraints.join("; ") || "—"]),
  };
}

/** Every layer used, with quality, vintage and licence flags (any content with a provenance section). */
export function layersTable(content: { provenance: DocumentProvenance }): TableModel {
  return {
    columns: [{ title: "Layer", width: 22 }, { title: "Used for", width: 18 }, { title: "Quality", width: 8 }, { title: "Vintage", width: 16 }, { title: "Resolution", width: 14 }, { title: "Sources", width: 18 }, { title: "Licence flags", width: 8 }],
    rows: content.provenance.layers.map((l) => [l.title, l.usedFor.join("; "), l.quality, l.vintage, l.resolution, l.sources.join(", "), [l.nonCommercial ? "NC" : "", l.shareAlike ? "SA" : ""].filter(Boolean).join(" ") || "—"]),
    rowStyle: content.provenance.layers.map((l) => (l.nonCommercial ? "strong" : null)),
  };
}

/** Every source behind the layers used, with its licence. */
export function sourcesTable(content: { provenance: DocumentProvenance }): TableModel {
  return {
    columns: [{ title: "Source", width: 22 }, { title: "Publisher", width: 18 }, { title: "Licence", width: 22 }, { title: "Vintage", width: 16 }, { title: "Flags", width: 6 }],
    rows: content.provenance.sources.map((s) => [s.title, s.publisher, s.license, s.vintage, [s.nonCommercial ? "NC" : "", s.shareAlike ? "SA" : ""].filter(Boolean).join(" ") || "—"]),
    rowStyle: content.provenance.sources.map((s) => (s.nonCommercial ? "strong" : null)),
  };
}
