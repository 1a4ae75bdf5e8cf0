// The load-profile schema shared by tRPC, persistence and import (server/models/loadProfile.ts).
import { describe, expect, it } from "vitest";
import { DEFAULT_UTILISATION, LoadProfile } from "@/server/models/loadProfile";

const paths = (input: unknown) => {
  const r = LoadProfile.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
};

describe("LoadProfile", () => {
  it("fills the default utilisation of 0.8", () => {
    expect(LoadProfile.parse({ itMw: 200, cooling: "dry_cooler_liquid" })).toEqual({ itMw: 200, utilisation: 0.8, cooling: "dry_cooler_liquid" });
    expect(DEFAULT_UTILISATION).toBe(0.8);
  });

  it("names the bad field", () => {
    expect(paths({ itMw: 0.5, cooling: "air_economiser" })).toEqual(["itMw"]);
    expect(paths({ itMw: 2500, cooling: "air_economiser" })).toEqual(["itMw"]);
    expect(paths({ itMw: 100, utilisation: 0, cooling: "air_economiser" })).toEqual(["utilisation"]);
    expect(paths({ itMw: 100, utilisation: 1.1, cooling: "air_economiser" })).toEqual(["utilisation"]);
    expect(paths({ itMw: 100, cooling: "immersion" })).toEqual(["cooling"]);
    expect(paths({ itMw: 100, cooling: "air_economiser", pue: 1.1 })).toEqual([""]);
  });

  it("accepts the bounds 1 and 2,000 MW, utilisation 0.05 and 1", () => {
    for (const p of [{ itMw: 1, utilisation: 0.05 }, { itMw: 2000, utilisation: 1 }]) expect(LoadProfile.safeParse({ ...p, cooling: "evaporative_assist" }).success).toBe(true);
  });
});
