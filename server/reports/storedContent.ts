/**
 * Reading a stored report's content: reports are stored as JSON and kept for as long as their
 * project, so a report made by an earlier version must still open. Version 1 named the cooling
 * breakdown in camelCase (`economiserHours`, `overhead.fixed`, …); version 2 uses the cooling model's
 * own field names with units (`economiser_hours`, `fixed`, …), calls a site's Electricity Maps zone
 * `gridZone` (v1: `zone`), and adds each site's power-market
 * section (null for a v1 report: it was made without the curated table).
 */
import { REPORT_SCHEMA_VERSION, type ReportContent, type ReportCooling } from "./types";

interface CoolingV1 {
  archetype: ReportCooling["archetype"];
  archetypeTitle: string;
  archetypeDescription: string;
  overhead: { fixed: number; fans: number; mechanical: number; pumps: number };
  economiserHours: number;
  partialEconomiserHours: number;
  mechanicalEquivalentHours: number;
  designConditionC: number;
  designCondition: ReportCooling["design_condition"];
  evaporationLPerKwh: number;
  blowdownLPerKwh: number;
}

function coolingFromV1(c: CoolingV1 | null): ReportCooling | null {
  if (!c) return null;
  return {
    archetype: c.archetype, archetype_title: c.archetypeTitle, archetype_description: c.archetypeDescription,
    ...c.overhead,
    economiser_hours: c.economiserHours, partial_economiser_hours: c.partialEconomiserHours, mechanical_equivalent_hours: c.mechanicalEquivalentHours,
    design_condition_c: c.designConditionC, design_condition: c.designCondition,
    evaporation_l_per_kwh: c.evaporationLPerKwh, blowdown_l_per_kwh: c.blowdownLPerKwh,
  };
}

/** The stored content as the current version, or an error when its version is unknown. */
export function readStoredReport(raw: unknown): ReportContent {
  const c = raw as { schemaVersion?: unknown; sites?: { cooling: unknown }[] } | null;
  if (c && typeof c === "object" && c.schemaVersion === REPORT_SCHEMA_VERSION) return c as ReportContent;
  if (c && typeof c === "object" && c.schemaVersion === 1 && Array.isArray(c.sites)) {
    const sites = c.sites.map(({ zone, ...s }: { cooling: unknown; zone?: unknown }) => ({ ...s, gridZone: zone ?? null, cooling: coolingFromV1(s.cooling as CoolingV1 | null), powerMarket: null }));
    return { ...(c as unknown as ReportContent), schemaVersion: REPORT_SCHEMA_VERSION, sites: sites as unknown as ReportContent["sites"] };
  }
  throw new Error(`stored report has an unknown content version (${String(c?.schemaVersion)})`);
}
