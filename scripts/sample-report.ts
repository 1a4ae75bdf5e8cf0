/**
 * `npx tsx scripts/sample-report.ts [outDir]`: builds the demonstration project's report (ten sites in
 * the Nordic, US, Gulf and Asian markets under the "AI training campus" preset) and writes, into
 * artifacts/reports/ (git-ignored) by default:
 *   sample-report.pdf, sample-report-NN.png (every page at 80 dpi, via pdftoppm from Debian's
 *   poppler-utils), sample-report.csv, sample-report.geojson, sample-report.json.
 * tests/unit/reports/sample.test.ts runs the same function, so every test run leaves the pages for a
 * reviewer to read.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pkg from "../package.json";
import { LayerStore } from "../server/layers/store";
import { countryOutlines } from "@/server/documents/countries";
import { demoReport } from "../server/reports/demo";
import { reportCsv, reportGeoJson, reportJson } from "../server/reports/exports";
import { reportFigures } from "../server/reports/figures";

export const SAMPLE_DIR = path.resolve(__dirname, "..", "artifacts", "reports");

export interface SampleResult { pdf: string; pngs: string[]; pages: number; ms: number }

/** Writes the sample report and its page images into `outDir`; returns the files. */
export async function writeSampleReport(outDir = SAMPLE_DIR, opts: { dpi?: number; generatedAt?: string } = {}): Promise<SampleResult> {
  const t0 = performance.now();
  const store = LayerStore.load(path.resolve(__dirname, "..", "data", "layers"));
  const content = demoReport(store, { generatedAt: opts.generatedAt ?? new Date().toISOString(), app: { name: pkg.name, version: pkg.version } });
  const figures = reportFigures(content, { countries: countryOutlines(store) });
  // Loaded lazily: the PDF renderer is an ES module graph (see server/reports/pdf/reactPdf.ts).
  const { renderReportPdf } = await import("../server/reports/pdf/render");
  const pdf = await renderReportPdf(content, figures);
  mkdirSync(outDir, { recursive: true });
  for (const f of readdirSync(outDir)) if (/^sample-report-\d+\.png$/.test(f)) rmSync(path.join(outDir, f));
  const pdfPath = path.join(outDir, "sample-report.pdf");
  writeFileSync(pdfPath, pdf);
  writeFileSync(path.join(outDir, "sample-report.csv"), reportCsv(content));
  writeFileSync(path.join(outDir, "sample-report.geojson"), reportGeoJson(content));
  writeFileSync(path.join(outDir, "sample-report.json"), reportJson(content));
  execFileSync("pdftoppm", ["-png", "-r", String(opts.dpi ?? 80), pdfPath, path.join(outDir, "sample-report")]);
  const pngs = readdirSync(outDir).filter((f) => /^sample-report-\d+\.png$/.test(f)).sort().map((f) => path.join(outDir, f));
  return { pdf: pdfPath, pngs, pages: pngs.length, ms: performance.now() - t0 };
}

if (process.argv[1] && /sample-report\.ts$/.test(process.argv[1])) {
  writeSampleReport(process.argv[2] ? path.resolve(process.argv[2]) : SAMPLE_DIR).then((r) => {
    console.log(`wrote ${r.pdf} and ${r.pages} page images in ${(r.ms / 1000).toFixed(1)} s`);
  }, (err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
