/**
 * Pieces shared by the PDF documents (the siting report and the strategy brief): the style sheet,
 * tables laid out as rows of Views, bulleted lists, figures, the page footer, and the provenance and
 * limitations sections, so both documents lay them out the same way.
 */
import type { DocumentProvenance } from "@/server/documents/content";
import type { Scene } from "@/server/documents/scene/scene";
import { layersTable, sourcesTable, type TableModel } from "@/server/documents/tables";
import { TEXT_WIDTH_PT } from "./layout";
import { FONT_STACK, rp } from "./reactPdf";
import { SceneSvg } from "./SceneSvg";

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

/** A scene at the text width with its caption, kept on one page. */
export function Figure({ scene, caption, s }: { scene: Scene; caption?: string; s: S }) {
  const { View, Text } = rp();
  return (
    <View wrap={false}>
      <SceneSvg scene={scene} width={TEXT_WIDTH_PT} />
      <Text style={s.figureCaption}>{caption ?? scene.title}</Text>
    </View>
  );
}

/** The provenance section: layers with quality and licence flags, models, sources with attribution. */
export function ProvenanceSection({ provenance, documentKind, title, s }: { provenance: DocumentProvenance; documentKind: "report" | "brief"; title: string; s: S }) {
  const { View, Text, Link } = rp();
  return (
    <>
      <Text style={s.h2}>{title}</Text>
      <Text style={s.p}>{`Every layer the ${documentKind} uses, with its quality (observed, modelled or proxy), vintage and sources. NC = non-commercial licence; SA = share-alike.`}</Text>
      {provenance.nonCommercialNote && <View style={s.warn}><Text>{provenance.nonCommercialNote}</Text></View>}
      <Table model={layersTable({ provenance })} s={s} fontSize={6.3} />
      {provenance.models.length > 0 && (
        <>
          <Text style={s.h3}>Engineering models used as criteria</Text>
          <Bullets items={provenance.models.map((x) => `${x.title} (${x.id}): ${x.description}`)} s={s} />
        </>
      )}
      <Text style={s.h3} minPresenceAhead={40}>Sources, licences and attribution</Text>
      <Table model={sourcesTable({ provenance })} s={s} fontSize={6.3} />
      {provenance.sources.map((src) => (
        <View key={src.id} style={{ marginBottom: 3 }} wrap={false}>
          <Text style={{ fontSize: 6.8, lineHeight: 1.3 }}>{`${src.nonCommercial ? "[NC] " : ""}${src.attribution}`}</Text>
          <Link src={src.url} style={{ fontSize: 6.3, color: MUTED }}>{src.url}</Link>
        </View>
      ))}
    </>
  );
}

/** The limitations section with the reproducibility box, one line per hash. */
export function LimitationsSection({ limitations, reproducibility, reproducibilityNote, title, s }: { limitations: string[]; reproducibility: string[]; reproducibilityNote: string; title: string; s: S }) {
  const { View, Text } = rp();
  return (
    <>
      <Text style={s.h2}>{title}</Text>
      <Bullets items={limitations} s={s} />
      <View style={[s.box, { marginTop: 14 }]} wrap={false}>
        <Text style={{ fontWeight: 700, marginBottom: 3 }}>Reproducibility</Text>
        {reproducibility.map((line) => <Text key={line} style={{ fontSize: 7, lineHeight: 1.3 }}>{line}</Text>)}
        <Text style={{ fontSize: 7, marginTop: 3 }}>{reproducibilityNote}</Text>
      </View>
    </>
  );
}
