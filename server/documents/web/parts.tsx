/**
 * The pieces every document's web page is built from: a table model as an HTML table, a scene as a
 * figure, and the provenance and limitations sections (with the reproducibility box), so the report
 * and the brief lay them out the same way. Server components with no client JavaScript; user text is
 * rendered as React text, which escapes it.
 */
import type { DocumentProvenance } from "@/server/documents/content";
import type { Scene } from "@/server/documents/scene/scene";
import { layersTable, sourcesTable, type TableModel } from "@/server/documents/tables";
import css from "./document.module.css";
import { SceneSvg } from "./SceneSvg";

const alignClass = (a: "left" | "right" | "center" | undefined) => (a === "right" ? css.right : a === "center" ? css.center : undefined);

export function Table({ model, caption, testId }: { model: TableModel; caption?: string; testId?: string }) {
  return (
    <div className={css.tableWrap}>
      <table className={css.table} data-testid={testId}>
        {caption && <caption className={css.small} style={{ captionSide: "bottom", textAlign: "left" }}>{caption}</caption>}
        <thead>
          <tr>{model.columns.map((c, k) => <th key={k} scope="col" className={alignClass(c.align)}>{c.title}</th>)}</tr>
        </thead>
        <tbody>
          {model.rows.map((r, i) => (
            <tr key={i} className={model.rowStyle?.[i] === "strong" ? css.strong : model.rowStyle?.[i] === "muted" ? css.mutedRow : undefined}>
              {r.map((cell, k) => <td key={k} className={alignClass(model.columns[k]!.align)}>{cell}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Figure({ scene, caption, testId }: { scene: Scene | null; caption?: string; testId?: string }) {
  if (!scene) return null;
  return (
    <figure className={css.figure} data-testid={testId}>
      <SceneSvg scene={scene} />
      <figcaption>{caption ?? scene.title}</figcaption>
    </figure>
  );
}

/** The provenance section: layers with quality and licence flags, models, sources with attribution. */
export function ProvenanceSection({ provenance, documentKind, heading, testId }: { provenance: DocumentProvenance; documentKind: "report" | "brief"; heading: React.ReactNode; testId: string }) {
  return (
    <>
      {heading}
      <p>{`Every layer the ${documentKind} uses, with its quality (observed, modelled or proxy), vintage and sources. NC = non-commercial licence; SA = share-alike.`}</p>
      {provenance.nonCommercialNote && <div className={css.warn}>{provenance.nonCommercialNote}</div>}
      <Table model={layersTable({ provenance })} testId={testId} />
      {provenance.models.length > 0 && (
        <>
          <h3>Engineering models used as criteria</h3>
          <ul>{provenance.models.map((x) => <li key={x.id}>{`${x.title} (${x.id}): ${x.description}`}</li>)}</ul>
        </>
      )}
      <h3>Sources, licences and attribution</h3>
      <Table model={sourcesTable({ provenance })} />
      <ul className={css.small}>
        {provenance.sources.map((s) => (
          <li key={s.id}>{`${s.nonCommercial ? "[NC] " : ""}${s.attribution} `}<a href={s.url} rel="noreferrer noopener" target="_blank">{s.url}</a></li>
        ))}
      </ul>
    </>
  );
}

/** The limitations section with the reproducibility box (its lines come from the document's hashes). */
export function LimitationsSection({ limitations, reproducibility, reproducibilityNote, heading }: { limitations: string[]; reproducibility: string[]; reproducibilityNote: string; heading: React.ReactNode }) {
  return (
    <>
      {heading}
      <ul>{limitations.map((t, i) => <li key={i}>{t}</li>)}</ul>
      <div className={css.box}>
        <strong>Reproducibility</strong>
        <p className={css.small} data-testid="reproducibility">{reproducibility.join(" · ")}</p>
        <p className={css.small}>{reproducibilityNote}</p>
      </div>
    </>
  );
}

/** The top of every document's page: kind, title, subtitle, downloads and the question it answers. */
export function DocumentHeader({ kind, cover, downloads, testId }: { kind: string; cover: { title: string; subtitle: string; question: string }; downloads: { label: string; href: string }[]; testId: string }) {
  return (
    <>
      <p className={css.kicker}>{`Siting Atlas · ${kind}`}</p>
      <h1 data-testid={testId}>{cover.title}</h1>
      <p className={css.subtitle}>{cover.subtitle}</p>
      <nav className={css.downloads} aria-label="Downloads">
        <span className={css.small}>Download:</span>
        {downloads.map((d) => <a key={d.label} href={d.href} rel="noreferrer">{d.label}</a>)}
      </nav>
      <div className={css.box}>
        <strong>The question</strong>
        <p>{cover.question}</p>
      </div>
    </>
  );
}
