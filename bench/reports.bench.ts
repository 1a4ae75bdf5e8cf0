/**
 * Report benchmark (issue 6): time to produce a 50-site report PDF — rank, robustness (SMAA 10,000
 * samples), assembly, figures and the PDF itself — with the layers already loaded, as a running
 * server has them. Target: under 10 s.
 */
import path from "node:path";
import pkg from "../package.json";
import { LayerStore } from "../server/layers/store";
import { assembleReport } from "../server/reports/assemble";
import { countryOutlines } from "@/server/documents/countries";
import { reportFigures } from "../server/reports/figures";
import { gatherReportInputs } from "../server/reports/gather";
import type { Site } from "../server/schemas/site";
import { presets } from "../server/siting/presets";
import { randomLandPoints } from "./layers.bench";
import { medianMs, type BenchRow } from "./types";

export const name = "reports";

export async function run(): Promise<BenchRow[]> {
  const dir = path.resolve(__dirname, "../data/layers");
  const store = LayerStore.load(dir, path.resolve(__dirname, "../.data/cache"));
  const scenario = presets(store).find((p) => p.id === "ai-training")!.scenario;
  const sites: Site[] = randomLandPoints(store, 50, 11).map((p, i) => ({ id: `s${i}`, name: `Candidate site ${i + 1}`, lat: p.lat, lon: p.lon, overrides: {}, origin: "import" }));
  const { renderReportPdf } = await import("../server/reports/pdf/render");
  const app = { name: pkg.name, version: pkg.version };
  const assemble = () => assembleReport(gatherReportInputs(store, { project: { id: "bench", name: "Bench" }, scenario, sites, app, generatedAt: new Date().toISOString() }));
  let bytes = 0, pages = 0;
  const whole = async () => {
    const content = assemble();
    const pdf = await renderReportPdf(content, reportFigures(content, { countries: countryOutlines(store) }));
    bytes = pdf.length;
    pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  };
  const totalMs = await medianMs(whole, 3, 1);
  const assembleMs = await medianMs(assemble, 3, 0);
  return [
    { figure: "report PDF, 50 sites: rank + SMAA 10,000 + assemble + figures + PDF", value: totalMs, unit: "ms", target: "< 10000 ms", pass: totalMs < 10_000, note: `${pages} pages, ${(bytes / 1024).toFixed(0)} kB` },
    { figure: "of which rank + robustness + assembly (no PDF)", value: assembleMs, unit: "ms", target: "", pass: null },
  ];
}
