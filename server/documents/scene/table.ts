/**
 * A table drawn as a Scene: used for the dense tables of the PDF's site cards. Why: react-pdf lays
 * out every table cell as a flexbox node and measures its text several times; a 50-site report has
 * thousands of cells, which made the PDF miss its time budget. Drawn as SVG text the cells are placed
 * once, and stay real, selectable text in the PDF. Long cells wrap to `maxLines` lines and are
 * ellipsised beyond; the web page keeps HTML tables.
 */
import type { TableModel } from "@/server/documents/tables";
import { INK, MUTED, wrapText, type Scene, type SceneItem } from "@/server/documents/scene/scene";

export function tableScene(model: TableModel, opts: { width: number; fontSize: number; maxLines?: number; title: string }): Scene {
  const { width, fontSize } = opts;
  const pad = 2, lineH = fontSize * 1.25;
  const total = model.columns.reduce((a, c) => a + c.width, 0);
  const xs: number[] = [];
  let acc = 0;
  for (const c of model.columns) {
    xs.push((acc / total) * width);
    acc += c.width;
  }
  const colW = model.columns.map((c) => (c.width / total) * width);
  const items: SceneItem[] = [];
  const cellText = (text: string, k: number, y: number, bold: boolean, fill: string, maxLines: number) => {
    const c = model.columns[k]!;
    const lines = wrapText(text, fontSize, colW[k]! - 2 * pad, maxLines);
    const anchor = c.align === "right" ? "end" : c.align === "center" ? "middle" : "start";
    const x = c.align === "right" ? xs[k]! + colW[k]! - pad : c.align === "center" ? xs[k]! + colW[k]! / 2 : xs[k]! + pad;
    lines.forEach((l, n) => items.push({ kind: "text", x, y: y + pad + fontSize * 0.95 + n * lineH, text: l, size: fontSize, anchor, bold, fill }));
    return lines.length;
  };
  // Header.
  const headLines = Math.max(...model.columns.map((c, k) => wrapText(c.title, fontSize, colW[k]! - 2 * pad, 2).length));
  const headH = headLines * lineH + 2 * pad;
  items.push({ kind: "rect", x: 0, y: 0, w: width, h: headH, fill: "#eeeeee" });
  model.columns.forEach((c, k) => cellText(c.title, k, (headLines - wrapText(c.title, fontSize, colW[k]! - 2 * pad, 2).length) * lineH, true, INK, 2));
  items.push({ kind: "line", x1: 0, y1: headH, x2: width, y2: headH, stroke: INK, strokeWidth: 0.8 });
  let y = headH;
  model.rows.forEach((r, i) => {
    const st = model.rowStyle?.[i];
    const lines = Math.max(1, ...r.map((cell, k) => cellText(cell, k, y, st === "strong", st === "muted" ? MUTED : INK, opts.maxLines ?? 2)));
    y += lines * lineH + 2 * pad;
    items.push({ kind: "line", x1: 0, y1: y, x2: width, y2: y, stroke: "#b0b0b0", strokeWidth: 0.4 });
  });
  return { width, height: y + 1, title: opts.title, description: `${model.rows.length} rows`, items };
}
