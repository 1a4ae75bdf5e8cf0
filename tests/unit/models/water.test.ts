// Annual site water (server/models/water.ts).
import { describe, expect, it } from "vitest";
import { annualWaterM3, waterEstimate } from "@/server/models/water";

describe("water arithmetic", () => {
  it("m³/yr = IT MWh × 1,000 kWh/MWh × WUE L/kWh / 1,000 L/m³", () => {
    expect(annualWaterM3(700_800, 1.5)).toBeCloseTo(1_051_200, 6); // 100 MW at 80 %, towers at 1.5 L/kWh
    expect(annualWaterM3(1000, 0.25)).toBe(250);
    expect(waterEstimate(1000, 0)).toEqual({ value: 0 }); // dry coolers: a real zero
  });

  it("null propagation with reasons", () => {
    expect(waterEstimate(1000, { value: null, reason: "climate: no ITU value at sea" })).toEqual({ value: null, reason: "WUE: climate: no ITU value at sea" });
    expect(waterEstimate(null, 1).reason).toBe("IT energy: no value given");
    expect(waterEstimate(null, null).reason).toBe("IT energy: no value given; WUE: no value given");
    expect(waterEstimate(1000, -1).reason).toMatch(/must be ≥ 0/);
  });
});
