/**
 * The provenance section every document has: which layers it used and why, the sources behind them
 * with their licences, and the non-commercial note when an NC source is among them. The report and
 * the brief differ only in which layers they name (their assembly says so); how a layer, a model
 * input grid or a polygon set becomes a row, and how licence flags are read, is defined here once.
 */
import type { Manifest, SourceMeta } from "@/data/schema/manifest";
import type { DocumentProvenance, DocumentSource, LayerProvenance } from "./content";

/** The parts of the data manifest a document's provenance reads. */
export type ProvenanceManifest = Pick<Manifest, "layers" | "sources" | "auxGrids" | "polygonSets">;

/** A manifest source as documents list it. */
export function sourceRecord(s: SourceMeta): DocumentSource {
  return {
    id: s.id, title: s.title, publisher: s.publisher, url: s.url, license: s.license,
    ...(s.licenseUrl ? { licenseUrl: s.licenseUrl } : {}),
    nonCommercial: s.nonCommercial, shareAlike: s.shareAlike, vintage: s.vintage, attribution: s.attribution,
    ...(s.caveats ? { caveats: s.caveats } : {}),
  };
}

/** The climate normals (ITU-R grids) behind every engineering metric, as one provenance row. */
const CLIMATE_NORMALS_TITLE = "Climate normals (model inputs: monthly temperature, humidity exceedance, height)";

/** What a document says about a polygon set it used. */
export interface PolygonSetUse {
  id: string;
  usedFor: string;
  method: string;
}

/**
 * Collects the layers, model-input grids and polygon sets a document used, then builds its
 * provenance section. `use` ignores layers the build does not have (a scenario may name one that a
 * "no-nc" build left out), and records each reason once.
 */
export class ProvenanceCollector {
  private readonly layers: Map<string, ProvenanceManifest["layers"][number]>;
  private readonly sourcesById: Map<string, SourceMeta>;
  private readonly usedLayers = new Map<string, string[]>();
  private readonly extraRows: LayerProvenance[] = [];
  private readonly sourceIds = new Set<string>();

  constructor(private readonly manifest: ProvenanceManifest) {
    this.layers = new Map(manifest.layers.map((l) => [l.id, l]));
    this.sourcesById = new Map(manifest.sources.map((s) => [s.id, s]));
  }

  /** Records that layer `id` was used, and why (e.g. `criterion “Grid carbon”`). */
  use(id: string, why: string): void {
    if (!this.layers.has(id)) return;
    const reasons = this.usedLayers.get(id) ?? [];
    if (!reasons.includes(why)) reasons.push(why);
    this.usedLayers.set(id, reasons);
  }

  /** Adds the climate normals row (when the build has model-input grids). */
  useClimateNormals(usedFor: string, resolution: string, method: string): void {
    const sources = [...new Set(this.manifest.auxGrids.flatMap((a) => a.sources))];
    if (!sources.length) return;
    this.extraRows.push(this.row({ id: "climate.normals", title: CLIMATE_NORMALS_TITLE, unit: "°C, g/m³, m", quality: "observed", resolution, usedFor: [usedFor], method }, sources));
  }

  /** Adds a row per polygon set used (countries, grid zones, subdivisions). */
  usePolygonSets(uses: readonly PolygonSetUse[]): void {
    for (const use of uses) {
      const set = this.manifest.polygonSets.find((p) => p.id === use.id);
      if (!set) continue;
      this.extraRows.push(this.row({ id: `geo.${set.id}`, title: set.title, unit: "", quality: "observed", resolution: "vector", usedFor: [use.usedFor], method: use.method }, set.sources));
    }
  }

  /** The provenance section; `documentKind` names the document in the non-commercial note. */
  build(documentKind: "report" | "brief", models: DocumentProvenance["models"]): DocumentProvenance {
    const layerRows = [...this.usedLayers].map(([id, usedFor]) => {
      const l = this.layers.get(id)!;
      return this.row({ id, title: l.title, unit: l.unit, quality: l.quality, resolution: l.resolution, usedFor, method: l.method, vintage: l.vintage }, l.sources);
    });
    const sources = this.manifest.sources.filter((s) => this.sourceIds.has(s.id)).map(sourceRecord);
    return { layers: [...layerRows, ...this.extraRows], sources, models, nonCommercialNote: nonCommercialNote(documentKind, sources) };
  }

  private row(r: Omit<LayerProvenance, "sources" | "nonCommercial" | "shareAlike" | "vintage"> & { vintage?: string }, sourceIds: readonly string[]): LayerProvenance {
    sourceIds.forEach((s) => this.sourceIds.add(s));
    const srcs = sourceIds.map((s) => this.sourcesById.get(s)).filter((s) => s !== undefined);
    return {
      ...r,
      vintage: r.vintage ?? srcs.map((s) => s.vintage).join("; "),
      sources: [...sourceIds],
      nonCommercial: srcs.some((s) => s.nonCommercial),
      shareAlike: srcs.some((s) => s.shareAlike),
    };
  }
}

/** The note a document carries when it uses non-commercial data, or null. */
function nonCommercialNote(documentKind: "report" | "brief", sources: readonly DocumentSource[]): string | null {
  const nc = sources.filter((s) => s.nonCommercial);
  if (!nc.length) return null;
  return `NC: this ${documentKind} uses data licensed for non-commercial use only (${nc.map((s) => `${s.title}, ${s.license}`).join("; ")}). Commercial use of values derived from it needs the licensor's permission, or a ${documentKind} made from the data build without NC sources (profile "no-nc").`;
}
