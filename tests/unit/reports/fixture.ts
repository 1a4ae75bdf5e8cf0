/**
 * A report for the tests: the ten demonstration sites plus a site named like a script tag and sites
 * named like spreadsheet formulas; the AI-training preset with a price cap that excludes a site and a
 * criterion on non-commercial (NC) data.
 */
import type { Scenario } from "@/server/schemas/scenario";
import type { Site } from "@/server/schemas/site";
import { assembleReport } from "@/server/reports/assemble";
import { DEMO_SITES } from "@/server/reports/demo";
import { gatherReportInputs } from "@/server/reports/gather";
import type { ReportContent } from "@/server/reports/types";
import { presets } from "@/server/siting/presets";
import { testStore } from "../../helpers/layers";

export const XSS_NAME = "<script>alert(1)</script>";
export const FORMULA_NAMES = ['=HYPERLINK("http://example.invalid","click")', "+1+2", "-3+4", "@SUM(A1:A2)", "\tTabbed", "\rReturn"];

export function fixtureScenario(): Scenario {
  const base = presets(testStore()).find((p) => p.id === "ai-training")!.scenario;
  return {
    ...base,
    criteria: [
      ...base.criteria.map((c) => (c.id === "price" ? { ...c, constraints: [{ kind: "excludeAbove" as const, value: 150 }] } : c)),
      { id: "ix", source: "connectivity.nearest_ix_km", weight: 0.5, locked: false, valueFunction: { type: "linear", worst: 1000, best: 0 }, constraints: [] },
    ],
  };
}

export function fixtureSites(): Site[] {
  const extra: Site[] = [
    { id: "xss", name: XSS_NAME, lat: 60.17, lon: 24.94, overrides: {}, origin: "coordinates" },
    ...FORMULA_NAMES.map((name, i): Site => ({ id: `f${i}`, name, lat: 50 + i * 0.7, lon: 5 + i, overrides: {}, origin: "import" })),
  ];
  return [...DEMO_SITES, ...extra];
}

let cached: ReportContent | null = null;
export function fixtureReport(): ReportContent {
  return (cached ??= assembleReport(gatherReportInputs(testStore(), {
    project: { id: "p", name: "Test project <b>bold</b>" },
    scenario: fixtureScenario(),
    sites: fixtureSites(),
    app: { name: "siting-atlas", version: "0.0.0-test" },
    generatedAt: "2026-01-02T03:04:05.000Z",
    samples: 2000,
  })));
}
