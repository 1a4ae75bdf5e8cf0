import { describe, expect, it } from "vitest";
import { PLACES } from "../../helpers/places";
import { testStore } from "../../helpers/layers";

const countryAt = (p: { lat: number; lon: number }) => {
  const s = testStore();
  const hit = s.polygons.countries.locate(p.lat, p.lon);
  return hit ? s.polygons.countries.features[hit.index]!.key : null;
};

describe("country lookup is exact at borders, not a 0.25° approximation", () => {
  it("Geneva is in Switzerland and Annemasse, 7 km away, in France", () => {
    expect(countryAt(PLACES.geneva)).toBe("CHE");
    expect(countryAt(PLACES.annemasse)).toBe("FRA");
  });

  it("an enclave is resolved: Maseru is in Lesotho, Bloemfontein in South Africa", () => {
    expect(countryAt(PLACES.maseru)).toBe("LSO");
    expect(countryAt(PLACES.bloemfontein)).toBe("ZAF");
  });

  it("Strasbourg (FR) and Kehl (DE) across the Rhine", () => {
    expect(countryAt({ lat: 48.583, lon: 7.745 })).toBe("FRA");
    expect(countryAt({ lat: 48.572, lon: 7.815 })).toBe("DEU");
  });

  it("the mid-Atlantic is in no country", () => {
    expect(countryAt(PLACES.midAtlantic)).toBeNull();
  });

  it("agrees with the cell majority for every pure land cell centre (sampled)", () => {
    const s = testStore();
    let checked = 0;
    for (let li = 0; li < s.grid.landCells; li += 97) {
      const { lat, lon } = s.grid.centreOfLand(li);
      const majority = s.polygons.countries.majorityOfLandCell(li);
      const hit = s.polygons.countries.locate(lat, lon);
      if (hit?.how === "inside" && s.polygons.countries.contains(majority, lat, lon)) {
        expect(hit.index).toBe(majority);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });
});
