/**
 * How a project starts (issue 16, item 2): the demonstration project (the demo sites of the sample
 * report under the "AI training campus" preset) or an empty project; both with a scenario, so a
 * ranking appears as soon as a site exists. Pure: the caller applies the result as an edit, so it is
 * autosaved and its id goes in the URL like any other change.
 */
import { DEMO_PRESET, DEMO_PROJECT_NAME, DEMO_SITES } from "@/server/schemas/demoProject";
import type { Scenario } from "@/server/schemas/scenario";
import type { ProjectState } from "./useProject";

export interface PresetLike { id: string; title: string; scenario: Scenario }

/** The scenario a new project starts with: the demonstration's preset, under a fresh id. */
export function defaultScenario(presets: readonly PresetLike[], now = Date.now()): Scenario | null {
  const p = presets.find((x) => x.id === DEMO_PRESET) ?? presets[0];
  return p ? { ...p.scenario, id: `sc-${now.toString(36)}` } : null;
}

/** The project with a default scenario when it has none (an already chosen scenario is kept). */
export function withDefaultScenario(s: ProjectState, presets: readonly PresetLike[]): ProjectState {
  if (s.scenarios.length) return s;
  const sc = defaultScenario(presets);
  return sc ? { ...s, scenarios: [sc], activeScenarioId: sc.id } : s;
}

/** The demonstration project: its ten sites and the preset, replacing an empty project's content. */
export function demonstrationProject(s: ProjectState, presets: readonly PresetLike[]): ProjectState {
  const sc = defaultScenario(presets);
  return {
    ...s,
    name: DEMO_PROJECT_NAME,
    sites: DEMO_SITES.map((site) => ({ ...site, overrides: { ...site.overrides } })),
    scenarios: sc ? [sc] : s.scenarios,
    activeScenarioId: sc ? sc.id : s.activeScenarioId,
  };
}

/** Whether to offer the starting choices: a writable project that has nothing in it yet. */
export function isBlankProject(s: ProjectState): boolean {
  return s.access === "write" && s.id === null && s.sites.length === 0 && s.scenarios.length === 0;
}
