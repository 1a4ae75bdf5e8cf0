/**
 * The sample report of the demonstration project: written with its page images to artifacts/reports/
 * (git-ignored) on every test run, so a reviewer can read the pages.
 */
import { existsSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SAMPLE_DIR, writeSampleReport } from "@/scripts/sample-report";

describe("sample report", () => {
  it("writes the PDF, one PNG per page and the exports into artifacts/reports", async () => {
    const r = await writeSampleReport(SAMPLE_DIR, { generatedAt: "2026-01-01T00:00:00.000Z" });
    expect(existsSync(r.pdf)).toBe(true);
    expect(r.pages).toBeGreaterThanOrEqual(10 + 6);
    for (const png of r.pngs) expect(statSync(png).size).toBeGreaterThan(10_000);
    for (const ext of ["csv", "geojson", "json"]) expect(existsSync(`${SAMPLE_DIR}/sample-report.${ext}`)).toBe(true);
  }, 120_000);
});
