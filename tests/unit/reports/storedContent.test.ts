/** Stored reports keep opening across content versions: a version-1 report reads as version 2. */
import { describe, expect, it } from "vitest";
import { readStoredReport } from "@/server/reports/storedContent";
import { REPORT_SCHEMA_VERSION, type ReportCooling } from "@/server/reports/types";
import { fixtureReport } from "./fixture";

/** The cooling breakdown as version 1 stored it (camelCase, the overheads grouped). */
function asV1(c: ReportCooling | null) {
  if (!c) return null;
  return {
    archetype: c.archetype, archetypeTitle: c.archetype_title, archetypeDescription: c.archetype_description,
    overhead: { fixed: c.fixed, fans: c.fans, mechanical: c.mechanical, pumps: c.pumps },
    economiserHours: c.economiser_hours, partialEconomiserHours: c.partial_economiser_hours, mechanicalEquivalentHours: c.mechanical_equivalent_hours,
    designConditionC: c.design_condition_c, designCondition: c.design_condition,
    evaporationLPerKwh: c.evaporation_l_per_kwh, blowdownLPerKwh: c.blowdown_l_per_kwh,
  };
}

describe("readStoredReport", () => {
  const current = fixtureReport();

  it("returns current content unchanged", () => {
    expect(readStoredReport(JSON.parse(JSON.stringify(current)))).toEqual(current);
  });

  it("upgrades a version-1 report's cooling breakdown to the model's field names", () => {
    expect(current.sites.some((s) => s.cooling !== null)).toBe(true);
    const v1 = { ...current, schemaVersion: 1, sites: current.sites.map(({ gridZone, ...s }) => ({ ...s, zone: gridZone, cooling: asV1(s.cooling) })) };
    const read = readStoredReport(JSON.parse(JSON.stringify(v1)));
    expect(read.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    // A v1 report was made without the curated power-market table: its sections are null, the rest is as made.
    expect(read).toEqual({ ...current, sites: current.sites.map((s) => ({ ...s, powerMarket: null })) });
  });

  it("refuses an unknown version, naming it", () => {
    expect(() => readStoredReport({ ...current, schemaVersion: 99 })).toThrow(/unknown content version \(99\)/);
  });
});
