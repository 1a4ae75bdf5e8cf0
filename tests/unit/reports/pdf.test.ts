/** The PDF: produced without a browser, its text (pdftotext, Debian poppler-utils) holds the names, ranks and key numbers. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { countryOutlines } from "@/server/documents/countries";
import { reportFigures } from "@/server/reports/figures";
import { fmtFixed, fmtNumber } from "@/server/documents/format";
import { renderReportPdf } from "@/server/reports/pdf/render";
import { testStore } from "../../helpers/layers";
import { fixtureReport, XSS_NAME } from "./fixture";

let pdf: Buffer;
let text: string;

beforeAll(async () => {
  const content = fixtureReport();
  pdf = await renderReportPdf(content, reportFigures(content, { countries: countryOutlines(testStore()) }));
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "report-pdf-")), "r.pdf");
  writeFileSync(file, pdf);
  text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}, 60_000);

describe("report PDF", () => {
  it("is a PDF with one page per site plus the other sections, text-searchable", () => {
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", ["-"], { input: pdf, encoding: "utf8" }))![1]);
    expect(pages).toBeGreaterThanOrEqual(fixtureReport().sites.length + 6);
  });

  it("contains every site name, rank and score and the key numbers", () => {
    const content = fixtureReport();
    // (Names with tab or CR characters, which the site schema would trim, are left to the CSV tests.)
    for (const s of content.sites.filter((x) => !/[\t\r]/.test(x.name))) {
      const heading = s.rank !== null ? `#${s.rank} ${s.name}` : `Excluded: ${s.name}`;
      expect(text, heading).toContain(heading);
      if (s.score !== null) expect(text).toContain(`score ${fmtFixed(s.score, 1)}`);
    }
    for (const k of content.summary.keyNumbers) {
      expect(text).toContain(fmtNumber(k.annual_grid_energy_mwh, 0));
      expect(text).toContain(fmtNumber(k.co2_location_t_per_yr, 0));
      expect(text).toContain(fmtNumber(k.co2_marginal_t_per_yr, 0));
    }
    expect(text).toContain(content.reproducibility.dataManifestHash);
    expect(text).toContain(content.reproducibility.scenarioHash);
  });

  it("prints a site named like a script tag as plain text, and symbols from the fallback font", () => {
    expect(text).toContain(XSS_NAME);
    expect(text).toContain("≤");
    expect(text).toContain("[NC]");
  });
});
