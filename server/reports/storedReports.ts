/**
 * Reports as the API uses them: create one from a saved project and scenario (rank, analyse, assemble,
 * store), open it by token, list a project's reports, and render a stored report in each download
 * format. Errors in the request are input errors naming the field (server/errors.ts).
 */
import type { Kysely } from "kysely";
import pkg from "@/package.json";
import { loadProject } from "@/server/db/projects";
import { listReports, loadReport, saveReport, type ReportMeta } from "@/server/db/reports";
import type { Database } from "@/server/db/schema";
import { ForbiddenError, InputError, inputsUnderSync } from "@/server/errors";
import type { LayerStore } from "@/server/layers/store";
import { Scenario } from "@/server/schemas/scenario";
import { assembleReport } from "@/server/reports/assemble";
import { countryOutlines } from "@/server/documents/countries";
import { reportCsv, reportGeoJson, reportJson } from "@/server/reports/exports";
import { reportFigures, type ReportFigures } from "@/server/reports/figures";
import { gatherReportInputs } from "@/server/reports/gather";
import { readStoredReport } from "@/server/reports/storedContent";
import type { ReportContent } from "@/server/reports/types";

/** Most sites one report covers: each gets a page, and SMAA's cost grows with the square of the sites. */
export const MAX_REPORT_SITES = 250;

export const REPORT_FORMATS = ["pdf", "csv", "geojson", "json"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface CreatedReport { id: string; shareToken: string; createdAt: string; title: string }

export async function createReport(store: LayerStore, db: Kysely<Database>, input: { projectId: string; writeToken: string; scenarioId: string }): Promise<CreatedReport> {
  const { project, access } = await loadProject(db, input.projectId, input.writeToken);
  if (access !== "write") throw new ForbiddenError("creating a report needs the project's write token");
  const stored = project.scenarios.find((s) => s.id === input.scenarioId);
  if (!stored) throw new InputError("scenarioId", `the project has no scenario "${input.scenarioId}" (it has: ${project.scenarios.map((s) => s.id).join(", ") || "none"})`);
  const parsed = Scenario.safeParse(stored.spec);
  if (!parsed.success) throw new InputError("scenarioId", `the saved scenario is not valid: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  if (!project.sites.length) throw new InputError("projectId", "the project has no sites to report on");
  if (project.sites.length > MAX_REPORT_SITES) throw new InputError("projectId", `a report covers at most ${MAX_REPORT_SITES} sites; this project has ${project.sites.length}`);
  const generatedAt = new Date().toISOString();
  // The scenario is stored in the project, so its problems are named under "scenario".
  const content = inputsUnderSync("scenario", () => assembleReport(gatherReportInputs(store, {
    project: { id: project.id, name: project.name },
    scenario: parsed.data,
    sites: project.sites,
    app: { name: pkg.name, version: pkg.version },
    generatedAt,
  })));
  const saved = await saveReport(db, project.id, input.writeToken, {
    scenarioId: parsed.data.id, title: content.title, appVersion: pkg.version, dataHash: content.reproducibility.dataManifestHash,
    scenarioHash: content.reproducibility.scenarioHash, siteCount: project.sites.length, content, createdAt: generatedAt,
  });
  return { ...saved, title: content.title };
}

export async function getReport(db: Kysely<Database>, id: string, token: string): Promise<{ meta: ReportMeta; content: ReportContent; access: "write" | "read" }> {
  const { report, access } = await loadReport(db, id, token);
  const { content, ...meta } = report;
  return { meta, content: readStoredReport(content), access };
}

export function projectReports(db: Kysely<Database>, projectId: string, token: string): Promise<ReportMeta[]> {
  return listReports(db, projectId, token);
}

/** The figures of a stored report, drawn over the current data build's country outlines. */
export function figuresFor(store: LayerStore, content: ReportContent): ReportFigures {
  return reportFigures(content, { countries: countryOutlines(store) });
}

/** A file name from the report title: ASCII letters, digits and dashes only (safe in any header). */
export function reportFileName(content: ReportContent, format: ReportFormat): string {
  const base = content.project.name.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "report";
  return `siting-report-${base}-${content.reproducibility.generatedAt.slice(0, 10)}.${format}`;
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8; header=present",
  geojson: "application/geo+json; charset=utf-8",
  json: "application/json; charset=utf-8",
};

/** A stored report rendered in one download format. */
export async function renderReport(store: LayerStore, content: ReportContent, format: ReportFormat): Promise<{ body: Uint8Array; contentType: string; fileName: string }> {
  let body: Uint8Array;
  if (format === "pdf") {
    // Loaded on demand: the PDF renderer is an ES-module graph (see pdf/reactPdf.ts).
    const { renderReportPdf } = await import("@/server/reports/pdf/render");
    body = new Uint8Array(await renderReportPdf(content, figuresFor(store, content)));
  } else {
    const text = format === "csv" ? reportCsv(content) : format === "geojson" ? reportGeoJson(content) : reportJson(content);
    body = new TextEncoder().encode(text);
  }
  return { body, contentType: CONTENT_TYPES[format], fileName: reportFileName(content, format) };
}
