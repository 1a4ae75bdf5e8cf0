import { describe, expect, it } from "vitest";
import { fold, Gazetteer } from "@/server/sites/gazetteer";
import { testStore } from "../../helpers/layers";

const gazetteer = () => new Gazetteer(testStore().pointSet("cities").points as never);

describe("gazetteer", () => {
  it("folds accents and case", () => {
    expect(fold("São Paulo")).toBe("sao paulo");
    expect(fold("LULEÅ")).toBe("lulea");
  });

  it("finds the big city first for a common name", () => {
    const [first] = gazetteer().search("paris");
    expect(first).toMatchObject({ name: "Paris", country: "FR" });
  });

  it("matches without accents and by prefix", () => {
    expect(gazetteer().search("lulea")[0]?.name).toBe("Luleå");
    expect(gazetteer().search("reykja")[0]?.name).toBe("Reykjavík");
  });

  it("returns nothing for a one-letter query", () => {
    expect(gazetteer().search("a")).toEqual([]);
  });
});
