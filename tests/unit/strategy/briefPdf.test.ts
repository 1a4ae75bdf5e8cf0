/**
 * The strategy brief as a PDF, made without a browser from a real profile (Sweden), comparison
 * (Sweden, Norway, Poland) and a 2 GW plan for Stockholm and Oslo: its text (pdftotext, Debian
 * poppler-utils) holds the region name, every candidate area's score and the plan's totals against the
 * baseline, and the reproducibility hashes. The PDF and its page images are written to
 * artifacts/strategy/ (git-ignored) for a reader to look at.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fmtFixed, fmtNumber } from "@/server/documents/format";
import { renderBriefPdf } from "@/server/strategy/brief/render";
import type { Scenario } from "@/server/schemas/scenario";
import { presets } from "@/server/siting/presets";
import type { StrategyBriefContent } from "@/server/strategy/brief/content";
import { BriefRequest } from "@/server/strategy/brief/request";
import { briefFiguresFor, buildBrief } from "@/server/strategy/brief/storedBriefs";
import { testStore } from "../../helpers/layers";

const OUT = path.resolve(__dirname, "../../../artifacts/strategy");
let content: StrategyBriefContent;
let text: string;
let pages: number;

beforeAll(async () => {
  const store = testStore();
  // Layer criteria only: the surface is quick to compute; carbon and cooling dominate.
  const scenario: Scenario = {
    ...presets(store).find((p) => p.id === "ai-training")!.scenario,
    criteria: [
      { id: "carbon", source: "carbon.grid_intensity", weight: 3, locked: false, valueFunction: { type: "linear", worst: 600, best: 20 }, constraints: [] },
      { id: "fcool", source: "cooling.free_cooling_hours", weight: 1, locked: false, valueFunction: { type: "linear", worst: 0, best: 8760 }, constraints: [] },
      { id: "stress", source: "risk.water_stress", weight: 1, locked: false, valueFunction: { type: "linear", worst: 4, best: 0 }, constraints: [{ kind: "excludeAbove", value: 3 }] },
    ],
  };
  const candidateAreas = { count: 8, minDistanceKm: 150, minAreaKm2: 1000, topShare: 0.2 };
  const request = BriefRequest.parse({
    scenario, region: { kind: "country", key: "SWE" }, candidateAreas,
    compare: { regions: [{ kind: "country", key: "SWE" }, { kind: "country", key: "NOR" }, { kind: "country", key: "POL" }], candidateAreas },
    plan: {
      candidates: { kind: "candidate_areas", region: { kind: "country", key: "SWE" }, candidateAreas: { ...candidateAreas, count: 20 } },
      totalMw: 2000, maxMwPerCandidate: 500,
      markets: [{ name: "Stockholm", lat: 59.33, lon: 18.07, share: 0.6 }, { name: "Oslo", lat: 59.91, lon: 10.75, share: 0.4 }],
      workloads: [{ id: "training", share: 0.7, rttSlaMs: null }, { id: "inference", share: 0.3, rttSlaMs: 20 }],
      rule: { kind: "any" }, objective: "co2",
    },
  });
  content = await buildBrief(store, request, { generatedAt: "2026-01-02T03:04:05.000Z" });
  const pdf = await renderBriefPdf(content, briefFiguresFor(store, content));
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, "brief-sample.pdf");
  writeFileSync(file, pdf);
  text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
  execFileSync("pdftoppm", ["-r", "60", "-png", file, path.join(OUT, "brief-sample-page")]);
}, 180_000);

describe("strategy brief PDF", () => {
  it("has a cover, a summary, the profile, the comparison, the plan, methodology, provenance and limitations", () => {
    expect(pages).toBeGreaterThanOrEqual(8);
    for (const h of ["1. Summary", "2. Region profile: Sweden", "3. Regions compared", "4. Capacity plan", "5. Methodology", "6. Data provenance and licences", "7. Limitations and reproducibility"]) {
      expect(text, h).toContain(h);
    }
    expect(readdirSync(OUT).filter((f) => f.endsWith(".png"))).toHaveLength(pages);
  });

  it("names the region and prints every candidate area's scores", () => {
    expect(text).toContain("Strategy brief: Sweden");
    expect(content.profile.candidateAreas.length).toBeGreaterThan(1);
    for (const z of content.profile.candidateAreas) {
      expect(text).toMatch(new RegExp(`\\b${z.rank}\\s+Sweden\\s+.*${fmtNumber(z.areaKm2, 0)}\\s+${fmtFixed(z.meanScore, 1)}\\s+${fmtFixed(z.bestScore, 1)}`));
    }
    expect(text).toContain(fmtFixed(content.profile.medianScore, 1));
  });

  it("prints the plan's totals and the build-at-demand baseline", () => {
    const p = content.plan!;
    expect(p.status).toBe("optimal");
    expect(p.totals.it_mw).toBeCloseTo(2000, 3);
    for (const v of [p.totals.grid_mwh, p.totals.co2_t, p.baseline.totals.grid_mwh, p.baseline.totals.co2_t]) expect(text).toContain(fmtNumber(v, 0));
    expect(text).toMatch(/IT capacity\s+MW\s+2,000\s+2,000/);
    for (const b of p.built) expect(text).toContain(b.name);
    expect(text).toContain("Stockholm");
    expect(text).toContain("Oslo");
  });

  it("is made again from its stored inputs with the same numbers (bar the solver's wall time)", async () => {
    const again = await buildBrief(testStore(), BriefRequest.parse(JSON.parse(JSON.stringify(content.inputs))), { generatedAt: content.reproducibility.generatedAt });
    const strip = (c: StrategyBriefContent) => ({ ...c, plan: c.plan && { ...c.plan, solver: { ...c.plan.solver, seconds: 0 } } });
    expect(strip(again)).toEqual(strip(content));
  }, 60_000);

  it("lists the compared regions in rank order and carries the reproducibility hashes", () => {
    const names = content.comparison!.rows.map((r) => r.regionName);
    expect(names).toEqual(expect.arrayContaining(["Sweden", "Norway", "Poland"]));
    expect(names.indexOf("Poland")).toBe(2);
    expect(text).toContain(content.reproducibility.inputsHash);
    expect(text).toContain(content.reproducibility.dataManifestHash);
    expect(text).toContain("HiGHS");
  });
});
