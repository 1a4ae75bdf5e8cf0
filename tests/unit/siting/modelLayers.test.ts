import { describe, expect, it } from "vitest";
import { climateAtLandCell, climateInputs, newClimate } from "@/server/layers/climateCells";
import { CLIMATE_MODELS, layerGrid } from "@/server/siting/modelLayers";
import { testStore } from "../../helpers/layers";

describe("cached model grids", () => {
  it("match a fresh evaluation of the models (else bump MODEL_GRID_VERSION)", () => {
    const store = testStore();
    const inputs = climateInputs(store);
    const climate = newClimate();
    const layers: Record<string, string> = { designWetBulbC: "cooling.design_wet_bulb_c", freeCoolingHours: "cooling.free_cooling_hours", heatHoursAbove35C: "risk.heat" };
    for (const [model, layerId] of Object.entries(layers)) {
      const grid = layerGrid(store, layerId);
      for (let li = 0; li < store.grid.landCells; li += 4999) {
        if (!climateAtLandCell(inputs, li, climate) || Number.isNaN(grid[li]!)) continue;
        expect(grid[li], `${layerId} at land cell ${li}`).toBeCloseTo(Math.fround(CLIMATE_MODELS[model]!(climate)), 3);
      }
    }
  });
});
