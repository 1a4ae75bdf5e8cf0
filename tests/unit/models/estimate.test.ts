// The null rule of the engineering models (server/models/estimate.ts): missing is explicit, never 0.
import { describe, expect, it } from "vitest";
import { known, missing, missingReasons, toEstimate } from "@/server/models/estimate";

describe("toEstimate", () => {
  it("keeps finite numbers, including 0", () => {
    expect(toEstimate(0, "x")).toEqual({ value: 0 });
    expect(toEstimate({ value: 3.5 }, "x")).toEqual({ value: 3.5 });
  });

  it("null, undefined and non-finite numbers are missing, labelled with the input's name and its own reason", () => {
    expect(toEstimate(null, "grid intensity")).toEqual({ value: null, reason: "grid intensity: no value given" });
    expect(toEstimate(undefined, "x").value).toBeNull();
    expect(toEstimate(Number.NaN, "x").reason).toMatch(/not a finite number/);
    expect(toEstimate({ value: null, reason: "outside every zone" }, "grid intensity")).toEqual({ value: null, reason: "grid intensity: outside every zone" });
  });
});

describe("missingReasons", () => {
  it("joins the reasons of the missing parts in order and ignores present ones", () => {
    expect(missingReasons(known(1), missing("a"), known(2), missing("b"))).toBe("a; b");
    expect(missingReasons(known(1))).toBe("");
  });
});
