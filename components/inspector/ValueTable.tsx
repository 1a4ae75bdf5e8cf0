"use client";
import type { InspectorRow } from "./rows";
import { ValueRow } from "./ValueRow";

/** A table of value rows under a caption (the inspector's criteria and category groups). */
export function ValueTable({ caption, rows, testId }: { caption?: string; rows: InspectorRow[]; testId?: string }) {
  return (
    <table className="inspect-table" data-testid={testId}>
      {caption && <caption>{caption}</caption>}
      <colgroup><col className="c-title" /><col className="c-value" /><col className="c-quality" /><col className="c-source" /></colgroup>
      <thead className="sr-only">
        <tr><th scope="col">Layer</th><th scope="col">Value</th><th scope="col">Quality</th><th scope="col">Source</th></tr>
      </thead>
      <tbody>{rows.map((r) => <ValueRow key={r.id} row={r} />)}</tbody>
    </table>
  );
}
