import { describe, expect, it } from "vitest";
import { InputError } from "@/server/errors";
import { cellAreaKm2, Region, resolveRegion } from "@/server/strategy/regions";
import { testStore } from "../../helpers/layers";

describe("regions", () => {
  it("a country's land area matches its real size within the grid's resolution (Germany ≈ 357,000 km², France metropolitan + overseas ≈ 640,000 km²)", () => {
    const de = resolveRegion(testStore(), { kind: "country", key: "DEU" });
    expect(de.name).toBe("Germany");
    expect(de.areaKm2).toBeGreaterThan(330_000);
    expect(de.areaKm2).toBeLessThan(385_000);
    const fr = resolveRegion(testStore(), { kind: "country", key: "FRA" });
    expect(fr.areaKm2).toBeGreaterThan(560_000);
    expect(fr.areaKm2).toBeLessThan(700_000);
  });

  it("resolves a US state, a group and a drawn polygon", () => {
    const tx = resolveRegion(testStore(), { kind: "subdivision", key: "US-TX" });
    expect(tx.areaKm2).toBeGreaterThan(620_000); // Texas ≈ 696,000 km²
    expect(tx.areaKm2).toBeLessThan(760_000);
    const nordic = resolveRegion(testStore(), { kind: "group", group: "nordic" });
    expect(nordic.areaKm2).toBeGreaterThan(1_100_000); // Denmark, Norway, Sweden, Finland, Iceland ≈ 1.2 M km² (Greenland and the Faroes are separate Natural Earth units)
    expect(nordic.areaKm2).toBeLessThan(1_400_000);
    const box = Region.parse({ kind: "polygon", name: "Box", geometry: { type: "Polygon", coordinates: [[[10, 50], [12, 50], [12, 52], [10, 52], [10, 50]]] } });
    const r = resolveRegion(testStore(), box);
    expect(r.cells.length).toBe(64); // 8 × 8 cells of 0.25°
    expect(r.areaKm2).toBeCloseTo(64 * cellAreaKm2(51, 0.25), -3);
  });

  it("names an unknown country and an all-sea polygon", () => {
    expect(() => resolveRegion(testStore(), { kind: "country", key: "XYZ" })).toThrow(InputError);
    expect(() => resolveRegion(testStore(), Region.parse({ kind: "polygon", geometry: { type: "Polygon", coordinates: [[[-40, 30], [-39, 30], [-39, 31], [-40, 30]]] } }))).toThrow(/no land cell/);
  });
});
