/**
 * Pieces shared by the PDF documents (the siting report and the strategy brief): the style sheet,
 * tables laid out as rows of Views, bulleted lists, and the page footer.
 */
import { TEXT_WIDTH_PT } from "../figures";
import type { TableModel } from "../tables";
import { FONT_STACK, rp } from "./reactPdf";

export const INK = "#1a1a1a", MUTED = "#5a5a5a", RULE = "#b0b0b0", SHADE = "#eeeeee";

/** The documents' style sheet (A4, 40 pt margins, Noto Sans 8.5 pt). */
export function styles() {
  return rp().StyleSheet.create({
    // No lineHeight on the page itself: an inherited page-level lineHeight stops react-pdf 4.9 from
    // drawing fixed, dynamic nodes (the footer's page numbers); the body wrapper carries it instead.
    page: { fontFamily: FONT_STACK, fontSize: 8.5, color: INK, paddingTop: 40, paddingBottom: 46, paddingHorizontal: 40 },
    // react-pdf resolves a unitless lineHeight against the font size where it is set and passes the
    // result down as points: texts of another size set their own lineHeight.
    body: { fontSize: 8.5, lineHeight: 1.35 },
    h1: { fontSize: 22, fontWeight: 700, marginBottom: 6, lineHeight: 1.2 },
    h2: { fontSize: 13, lineHeight: 1.3, fontWeight: 700, marginBottom: 6, paddingBottom: 2, borderBottomWidth: 0.8, borderBottomColor: INK },
    h3: { fontSize: 9.5, lineHeight: 1.3, fontWeight: 700, marginTop: 6, marginBottom: 3 },
    p: { marginBottom: 4 },
    small: { fontSize: 7, lineHeight: 1.3, color: MUTED },
    muted: { color: MUTED },
    box: { borderWidth: 0.8, borderColor: INK, padding: 8, marginVertical: 8 },
    warn: { borderWidth: 0.8, borderColor: INK, borderStyle: "dashed", padding: 6, marginVertical: 6 },
    row: { flexDirection: "row" },
    th: { flexDirection: "row", backgroundColor: SHADE, borderBottomWidth: 0.8, borderBottomColor: INK },
    tr: { flexDirection: "row", borderBottomWidth: 0.4, borderBottomColor: RULE },
    cell: { paddingVertical: 1.2, paddingHorizontal: 2, lineHeight: 1.25 },
    footer: { position: "absolute", bottom: 18, left: 40, right: 40, fontSize: 6.5, color: MUTED, flexDirection: "row", justifyContent: "space-between", borderTopWidth: 0.4, borderTopColor: RULE, paddingTop: 3 },
    figureCaption: { fontSize: 7, lineHeight: 1.3, color: MUTED, marginTop: 2, marginBottom: 6 },
  });
}

export type S = ReturnType<typeof styles>;

/**
 * A table as rows of Views. Cell widths are absolute points and each column's style object is built
 * once per table: react-pdf resolves every style of every node, and parsing percentage widths and
 * merging style arrays per cell was a large share of the rendering time of a 50-site report.
 */
export function Table({ model, s, fontSize = 7, header = true, width = TEXT_WIDTH_PT }: { model: TableModel; s: S; fontSize?: number; header?: boolean; width?: number }) {
  const { View, Text } = rp();
  const total = model.columns.reduce((a, c) => a + c.width, 0);
  const base = { paddingVertical: 1.2, paddingHorizontal: 2, lineHeight: 1.25, fontSize };
  const cols = model.columns.map((c) => ({ ...base, width: (c.width / total) * width, textAlign: c.align ?? "left" }) as const);
  const head = cols.map((c) => ({ ...c, fontWeight: 700 }) as const);
  const strong = cols.map((c) => ({ ...c, fontWeight: 700 }) as const);
  const muted = cols.map((c) => ({ ...c, color: MUTED }) as const);
  return (
    <View style={{ marginBottom: 6, width }}>
      {header && (
        <View style={s.th} fixed wrap={false}>
          {model.columns.map((c, k) => <Text key={k} style={head[k]}>{c.title}</Text>)}
        </View>
      )}
      {model.rows.map((r, i) => {
        const st = model.rowStyle?.[i];
        const styles = st === "strong" ? strong : st === "muted" ? muted : cols;
        return (
          <View key={i} style={s.tr} wrap={false}>
            {r.map((cell, k) => <Text key={k} style={styles[k]}>{cell}</Text>)}
          </View>
        );
      })}
    </View>
  );
}

/** A bulleted list (each item kept on one page). */
export function Bullets({ items, s }: { items: string[]; s: S }) {
  const { View, Text } = rp();
  return (
    <View>
      {items.map((t, i) => (
        <View key={i} style={[s.row, { marginBottom: 2 }]} wrap={false}>
          <Text style={{ width: 10 }}>•</Text>
          <Text style={{ flex: 1 }}>{t}</Text>
        </View>
      ))}
    </View>
  );
}


/** The footer of every page: a reproducibility line on the left, "page / pages" on the right. */
export function PageFooter({ text, s }: { text: string; s: S }) {
  const { View, Text } = rp();
  return (
    <View style={s.footer} fixed>
      <Text>{text}</Text>
      <Text render={({ pageNumber, totalPages }) => `${pageNumber} / ${totalPages}`} />
    </View>
  );
}
