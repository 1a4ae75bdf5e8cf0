/**
 * Data-sovereignty layers from the curated table data/curated/data-protection.csv (one cited row
 * per Natural Earth admin-0 country, with an as-of date). The table is validated here: an unknown
 * key, a duplicate, an invalid category or a missing citation stops the build naming the row.
 */
import path from "node:path";
import type { CategoryKey, LayerMeta, PolygonValue } from "../../schema/manifest";
import type { BuildContext } from "../context";
import { readCsv } from "../lib/csv";
import { polygonLayer } from "./define";

export const CURATED_TABLE = "data/curated/data-protection.csv";

/** Colours from the Okabe–Ito palette, distinguishable under common colour-vision deficiencies. */
export const REGIMES: CategoryKey[] = [
  { code: 0, key: "eu_eea_gdpr", label: "EU/EEA — GDPR applies", color: "#0072b2" },
  { code: 1, key: "eu_adequacy", label: "EU adequacy decision", color: "#56b4e9" },
  { code: 2, key: "comprehensive", label: "Comprehensive data-protection law", color: "#009e73" },
  { code: 3, key: "partial_or_draft", label: "Partial, sectoral or draft law", color: "#e69f00" },
  { code: 4, key: "none", label: "No data-protection law", color: "#999999" },
];

export const LOCALIZATION: CategoryKey[] = [
  { code: 0, key: "none", label: "No general localisation requirement", color: "#56b4e9" },
  { code: 1, key: "sectoral", label: "Sectoral (e.g. health, payments, government)", color: "#f0e442" },
  { code: 2, key: "mirroring", label: "Mirroring (a local copy required)", color: "#e69f00" },
  { code: 3, key: "strict", label: "Strict (in-country storage or state approval to transfer)", color: "#d55e00" },
];

export interface CuratedRow {
  adm0_a3: string;
  regime: string;
  localization: string;
  law: string;
  law_year: string;
  citation_title: string;
  citation_url: string;
  as_of: string;
  localization_basis: string;
  notes: string;
}

export function readCuratedTable(ctx: BuildContext): CuratedRow[] {
  const rows = readCsv(path.join(ctx.repoDir, CURATED_TABLE)) as unknown as CuratedRow[];
  const seen = new Set<string>();
  const errors: string[] = [];
  rows.forEach((r, i) => {
    const where = `${CURATED_TABLE} row ${i + 2} (${r.adm0_a3})`;
    if (!ctx.countries.indexByKey.has(r.adm0_a3)) errors.push(`${where}: adm0_a3 is not a Natural Earth admin-0 key`);
    if (seen.has(r.adm0_a3)) errors.push(`${where}: duplicate adm0_a3`);
    seen.add(r.adm0_a3);
    if (!REGIMES.some((c) => c.key === r.regime)) errors.push(`${where}: regime "${r.regime}" is not one of ${REGIMES.map((c) => c.key).join(", ")}`);
    if (!LOCALIZATION.some((c) => c.key === r.localization)) errors.push(`${where}: localization "${r.localization}" is not one of ${LOCALIZATION.map((c) => c.key).join(", ")}`);
    if (!/^https?:\/\//.test(r.citation_url ?? "")) errors.push(`${where}: citation_url is missing`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.as_of ?? "")) errors.push(`${where}: as_of must be YYYY-MM-DD`);
  });
  for (const c of ctx.countries.features) if (!seen.has(c.key)) errors.push(`${CURATED_TABLE}: no row for ${c.key} (${c.name})`);
  if (errors.length) throw new Error(`curated data-protection table is invalid:\n  ${errors.join("\n  ")}`);
  return rows;
}

export function buildSovereigntyLayers(ctx: BuildContext): LayerMeta[] {
  const rows = readCuratedTable(ctx);
  const values = (field: "regime" | "localization", note: (r: CuratedRow) => string) =>
    new Map<string, Omit<PolygonValue, "key">>(rows.map((r) => [r.adm0_a3, {
      value: r[field], year: r.as_of, source: "curated-data-protection", note: note(r), url: r.citation_url,
    }]));
  const lawNote = (r: CuratedRow) => [r.law && `${r.law}${r.law_year ? ` (${r.law_year})` : ""}`, r.notes, `Source: ${r.citation_title}`].filter(Boolean).join(". ");
  const locNote = (r: CuratedRow) => [r.localization_basis, `Source: ${r.citation_title}`].filter(Boolean).join(". ");
  const none = (key: string) => `No curated row for ${key}.`;
  return [
    polygonLayer(ctx, {
      id: "sovereignty.regime",
      title: "Data-protection regime",
      description: "Which data-protection regime applies: EU/EEA GDPR, an EU adequacy decision, a comprehensive law, a partial or draft law, or none.",
      method: "Hand-curated per country with a citation and as-of date per row (data/curated/data-protection.csv; see its README for definitions). A screening aid, not legal advice.",
      category: "sovereignty", unit: "category", direction: "categorical", quality: "observed", resolution: "country",
      vintage: "as-of date per row", sources: ["curated-data-protection", "natural-earth-admin0"], valueType: "categorical", categories: REGIMES, ramp: "regime",
    }, ctx.countries, values("regime", lawNote), none),
    polygonLayer(ctx, {
      id: "sovereignty.localization",
      title: "Data-localisation requirement",
      description: "How strictly personal or important data must stay in the country: none, sectoral, mirroring, or strict.",
      method: "Hand-curated per country with the legal basis named (localization_basis), a citation and an as-of date per row. Sectoral rules (health, payments, government) are not itemised beyond the basis text.",
      category: "sovereignty", unit: "category", direction: "categorical", quality: "observed", resolution: "country",
      vintage: "as-of date per row", sources: ["curated-data-protection", "natural-earth-admin0"], valueType: "categorical", categories: LOCALIZATION, ramp: "localization",
    }, ctx.countries, values("localization", locNote), none),
  ];
}
