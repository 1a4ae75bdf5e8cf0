/** The first screen's pure parts: how projects start, the default map layers, the inspector's order. */
import { describe, expect, it } from "vitest";
import { inspectorRows } from "@/components/inspector/rows";
import type { CatalogLayer } from "@/components/layers/types";
import { defaultScenario, demonstrationProject, isBlankProject, withDefaultScenario } from "@/components/project/starters";
import type { ProjectState } from "@/components/project/useProject";
import { DEFAULT_LAYERS, parseViewState, serializeViewState } from "@/components/workspace/viewState";
import { DEMO_SITES } from "@/server/schemas/demoProject";
import { catalog } from "@/server/layers/catalog";
import { presets } from "@/server/siting/presets";
import { sampleLayerColumns } from "@/server/siting/modelLayers";
import { toPointSamples } from "@/server/layers/sample";
import { testStore } from "../../helpers/layers";

const blank: ProjectState = { id: null, access: "write", version: 0, name: "Untitled project", sites: [], scenarios: [], activeScenarioId: null, shareToken: null };

describe("starting a project", () => {
  const list = presets(testStore());

  it("the demonstration project holds the demo sites under the AI training preset, active", () => {
    const demo = demonstrationProject(blank, list);
    expect(demo.sites.map((s) => s.id)).toEqual(DEMO_SITES.map((s) => s.id));
    expect(demo.scenarios).toHaveLength(1);
    expect(demo.activeScenarioId).toBe(demo.scenarios[0]!.id);
    expect(demo.scenarios[0]!.criteria).toEqual(list.find((p) => p.id === "ai-training")!.scenario.criteria);
    expect(isBlankProject(demo)).toBe(false);
  });

  it("a new project gets the default scenario once, and keeps one already chosen", () => {
    const withSc = withDefaultScenario(blank, list);
    expect(withSc.scenarios[0]!.name).toBe(defaultScenario(list)!.name);
    expect(withSc.activeScenarioId).toBe(withSc.scenarios[0]!.id);
    const chosen = { ...blank, scenarios: [{ ...list[1]!.scenario, id: "mine" }], activeScenarioId: "mine" };
    expect(withDefaultScenario(chosen, list)).toBe(chosen);
    expect(isBlankProject(blank)).toBe(true);
    expect(isBlankProject({ ...blank, access: "read" })).toBe(false);
  });
});

describe("default map layers in the URL", () => {
  it("a first visit shows grid carbon; an explicit empty list stays empty after a round trip", () => {
    expect(parseViewState("").layers).toEqual([...DEFAULT_LAYERS]);
    const none = parseViewState(serializeViewState({ ...parseViewState(""), layers: [] }));
    expect(none.layers).toEqual([]);
    const two = parseViewState("?layers=risk.seismic:50,carbon.grid_intensity:80");
    expect(parseViewState(serializeViewState(two)).layers).toEqual(two.layers);
  });
});

describe("inspector rows", () => {
  const store = testStore();
  const cat = catalog(store) as unknown as CatalogLayer[];
  const ids = cat.map((l) => l.id);
  const cols = sampleLayerColumns(store, [{ lat: 59.33, lon: 18.07 }], ids);
  const [point] = toPointSamples(store, cols);
  const sample = { layers: ids, refs: cols.refs as never, values: point!.values as never };
  const training = presets(store).find((p) => p.id === "ai-training")!.scenario;

  it("lists the scenario's layer criteria first, in its order, with their weight share", () => {
    const rows = inspectorRows(sample, cat, training.criteria);
    const layerCriteria = training.criteria.filter((c) => !c.source.startsWith("metric.")).map((c) => c.source);
    expect(rows.criteria.map((r) => r.id)).toEqual(layerCriteria);
    const total = training.criteria.reduce((a, c) => a + c.weight, 0);
    expect(rows.criteria[0]!.weightShare).toBeCloseTo(training.criteria[0]!.weight / total, 9);
    expect(rows.metricCriteria.map((m) => m.source)).toEqual(training.criteria.filter((c) => c.source.startsWith("metric.")).map((c) => c.source));
    // Criteria are not repeated among the categories.
    const others = rows.groups.flatMap((g) => g.rows.map((r) => r.id));
    for (const id of layerCriteria) expect(others).not.toContain(id);
  });

  it("leaves out layers missing for the whole build (ND-GAIN) and counts them", () => {
    const rows = inspectorRows(sample, cat, []);
    const all = [...rows.criteria, ...rows.groups.flatMap((g) => g.rows)].map((r) => r.id);
    expect(all).not.toContain("risk.climate_readiness");
    expect(rows.missingForBuild.map((l) => l.id)).toContain("risk.climate_readiness");
    expect(all.length + rows.missingForBuild.length).toBe(ids.length);
  });
});

describe("source chips", () => {
  it("shorten publishers to a readable chip", async () => {
    const { shortPublisher } = await import("@/components/inspector/ValueRow");
    expect(shortPublisher("World Resources Institute and data contributors (Global Energy Observatory, Google, KTH, Enipedia)")).toBe("WRI");
    expect(shortPublisher("U.S. Energy Information Administration (forms EIA-861, EIA-861S, EIA-861U)")).toBe("U.S. EIA");
    expect(shortPublisher("The World Bank")).toBe("World Bank");
    expect(shortPublisher("Electricity Maps (via Green Web Foundation co2.js)")).toBe("Electricity Maps");
    expect(shortPublisher("ESMAP / World Bank / Solargis")).toBe("ESMAP");
    expect(shortPublisher("Siting Atlas contributors (one citation and as-of date per country)")).toBe("Siting Atlas");
  });
});
