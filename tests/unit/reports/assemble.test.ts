/** assembleReport: every section present, deterministic, numbers from the ranking, provenance and NC marking. */
import { describe, expect, it } from "vitest";
import { evaluateSites } from "@/server/siting/evaluate";
import { assembleReport } from "@/server/reports/assemble";
import { gatherReportInputs } from "@/server/reports/gather";
import { contentHash } from "@/server/documents/hash";
import { testStore } from "../../helpers/layers";
import { fixtureReport, fixtureScenario, fixtureSites, XSS_NAME } from "./fixture";

describe("assembleReport", () => {
  const r = fixtureReport();

  it("covers every section of the issue", () => {
    expect(r.cover.question).toMatch(/300 MW IT campus/);
    expect(r.summary.recommended.length).toBe(3);
    expect(r.summary.keyNumbers.length).toBe(10);
    expect(r.sites).toHaveLength(fixtureSites().length);
    expect(r.robustness.stability.length).toBeGreaterThan(0);
    expect(r.robustness.smaa?.sites.length).toBeGreaterThan(1);
    expect(r.robustness.reading[0]).toMatch(/stays first/);
    expect(r.robustness.agreement.map((a) => a.method)).toEqual(["wpm", "waspas", "topsis", "vikor", "promethee2"]);
    expect(r.methodology.method.formula).toBe("S_i = Σ_j w_j · u_ij");
    expect(r.methodology.engineering.map((e) => e.topic)).toContain("Climate and free cooling");
    expect(r.provenance.layers.length).toBeGreaterThan(5);
    expect(r.limitations.length).toBeGreaterThan(5);
    expect(r.reproducibility.dataManifestHash).toBe(testStore().manifest.inputsHash);
    expect(r.reproducibility.scenarioHash).toBe(contentHash(fixtureScenario()));
    expect(r.reproducibility.generatedAt).toBe("2026-01-02T03:04:05.000Z");
  });

  it("takes scores, ranks and metrics from the ranking unchanged", () => {
    const rank = evaluateSites(testStore(), fixtureSites(), fixtureScenario());
    for (const s of rank.sites) {
      const card = r.sites.find((c) => c.id === s.id)!;
      expect(card.rank).toBe(s.rank);
      expect(card.score).toBe(s.score);
      expect(card.metrics.find((m) => m.id === "pue")!.value).toBe(s.metrics.pue.value);
      s.criteria.forEach((c, j) => {
        expect(card.criteria[j]!.utility).toBe(c.utility);
        expect(card.criteria[j]!.contribution).toBe(c.contribution);
        expect(card.criteria[j]!.raw.value).toBe(c.raw);
      });
    }
    const top = rank.sites.find((s) => s.rank === 1)!;
    expect(r.summary.recommended[0]!.siteId).toBe(top.id);
    expect(r.summary.keyNumbers[0]!.annual_grid_energy_mwh).toBe(top.metrics.annual_grid_energy_mwh.value);
  });

  it("lists excluded sites last with their reasons, and names them in the findings", () => {
    const inzai = r.sites.find((s) => s.id === "inzai")!;
    expect(inzai.excluded).toBe(true);
    expect(inzai.exclusionReasons[0]).toMatch(/Electricity price/);
    expect(r.ranking.order.at(-1)).toBe(r.sites.at(-1)!.id);
    expect(r.summary.findings.join(" ")).toMatch(/excluded by hard constraints: .*Inzai/);
  });

  it("gives each card a climate profile with monthly temperatures and free-cooling hours, hazards and per-value quality", () => {
    const lulea = r.sites.find((s) => s.id === "lulea")!;
    expect(lulea.climate!.monthlyMeanC).toHaveLength(12);
    expect(lulea.climate!.freeCoolingHoursByMonth).toHaveLength(12);
    expect(lulea.cooling!.archetype).toBe("dry_cooler_liquid");
    expect(lulea.hazards.map((h) => h.layerId)).toContain("risk.seismic");
    const price = lulea.criteria.find((c) => c.criterionId === "price")!;
    expect(["observed", "proxy"]).toContain(price.raw.quality);
    expect(price.raw.provenance).toMatch(/Sweden/);
    const pue = lulea.criteria.find((c) => c.criterionId === "pue")!;
    expect(pue.raw.quality).toBe("modelled");
  });

  it("marks non-commercial data in the provenance and the limitations", () => {
    const ix = r.provenance.layers.find((l) => l.id === "connectivity.nearest_ix_km")!;
    expect(ix.nonCommercial).toBe(true);
    expect(r.provenance.sources.find((s) => s.id === "telegeography-ix")!.nonCommercial).toBe(true);
    expect(r.provenance.nonCommercialNote).toMatch(/^NC: .*TeleGeography|CC BY-NC/);
    expect(r.limitations.join(" ")).toMatch(/non-commercial/);
  });

  it("keeps user-entered names as plain text", () => {
    expect(r.sites.some((s) => s.name === XSS_NAME)).toBe(true);
    expect(r.project.name).toBe("Test project <b>bold</b>");
  });

  it("is deterministic: the same inputs give the same content", () => {
    const again = assembleReport(gatherReportInputs(testStore(), {
      project: { id: "p", name: "Test project <b>bold</b>" }, scenario: fixtureScenario(), sites: fixtureSites(),
      app: { name: "siting-atlas", version: "0.0.0-test" }, generatedAt: "2026-01-02T03:04:05.000Z", samples: 2000,
    }));
    expect(JSON.stringify(again)).toBe(JSON.stringify(r));
  });
});

describe("the report's power-market section", () => {
  const r = fixtureReport();
  const card = (id: string) => r.sites.find((s) => s.id === id)!;
  const line = (id: string, title: string) => card(id).powerMarket!.lines.find((l) => l.title === title)!;

  it("gives every site the five curated facts, each cited with an as-of date", () => {
    for (const s of r.sites.filter((x) => x.country)) {
      expect(s.powerMarket, s.name).not.toBeNull();
      expect(s.powerMarket!.lines).toHaveLength(5);
      for (const l of s.powerMarket!.lines) {
        expect(l.citation, `${s.name} ${l.title}`).toBeTruthy();
        expect(l.asOf, `${s.name} ${l.title}`).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      }
    }
  });

  it("states known market facts: Texas allows a physical PPA with US RECs; Luleå has no data-centre connection rule; Singapore allocates capacity", () => {
    expect(line("dfw", "Corporate PPA route").value).toMatch(/physical/i);
    expect(line("dfw", "Energy attribute certificates").value).toMatch(/Renewable Energy Certificate/);
    expect(line("lulea", "Data-centre connection rules").value).toMatch(/^No data-centre connection restriction/);
    expect(line("singapore", "Data-centre connection rules").value).not.toMatch(/^No data-centre|unknown/i);
  });

  it("says in the limitations that the table is a screening aid, not legal or commercial advice", () => {
    expect(r.limitations.join(" ")).toMatch(/screening aid, not legal or commercial advice/);
  });
});
