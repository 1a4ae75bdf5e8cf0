/** Chart scenes: hatching stays inside its bar, bars scale with values, the map works with and without a raster. */
import { describe, expect, it } from "vitest";
import { scoreBarsChart } from "@/server/reports/charts/bars";
import { mapFigure, mapProjection, niceKm } from "@/server/documents/scene/baseMap";
import { hatchSegments } from "@/server/documents/scene/scene";
import { shareGrey } from "@/server/reports/charts/robustness";
import { countryOutlines } from "@/server/documents/countries";
import { reportFigures } from "@/server/reports/figures";
import { testStore } from "../../helpers/layers";
import { fixtureReport, XSS_NAME } from "./fixture";

describe("scene primitives", () => {
  it.each([45, -45, 0, 90])("hatch lines at %i° stay inside the rectangle", (angle) => {
    const segs = hatchSegments(10, 20, 37, 9, angle, 3);
    expect(segs.length).toBeGreaterThan(2);
    for (const s of segs) {
      for (const [x, y] of [[s.x1, s.y1], [s.x2, s.y2]] as const) {
        expect(x).toBeGreaterThanOrEqual(10 - 1e-6);
        expect(x).toBeLessThanOrEqual(47 + 1e-6);
        expect(y).toBeGreaterThanOrEqual(20 - 1e-6);
        expect(y).toBeLessThanOrEqual(29 + 1e-6);
      }
    }
  });

  it("maps shares to greys from white to dark, monotonically", () => {
    expect(shareGrey(0)).toBe("#ffffff");
    const v = (a: number) => parseInt(shareGrey(a).slice(1, 3), 16);
    expect(v(0.2)).toBeGreaterThan(v(0.6));
    expect(v(1)).toBe(40);
  });

  it("picks round scale-bar lengths", () => {
    expect(niceKm(730)).toBe(500);
    expect(niceKm(2400)).toBe(2000);
    expect(niceKm(99)).toBe(50);
  });
});

describe("report charts", () => {
  const content = fixtureReport();

  it("draws score bars proportional to the scores, labelled with the values", () => {
    const scene = scoreBarsChart(content, { width: 500 });
    const bars = scene.items.filter((i) => i.kind === "rect") as { w: number }[];
    const ranked = content.sites.filter((s) => s.rank !== null).sort((a, b) => a.rank! - b.rank!);
    expect(bars).toHaveLength(Math.min(15, ranked.length));
    expect(bars[0]!.w / bars[1]!.w).toBeCloseTo(ranked[0]!.score! / ranked[1]!.score!, 2);
    expect(scene.items.some((i) => i.kind === "text" && i.text === ranked[0]!.score!.toFixed(1))).toBe(true);
  });

  it("builds every figure, with the site names as text items", () => {
    const f = reportFigures(content, { countries: countryOutlines(testStore()) });
    expect(f.map.items.some((i) => i.kind === "path" && i.d.length > 1000)).toBe(true);
    expect(f.smaa!.items.some((i) => i.kind === "text" && /%$/.test(i.text))).toBe(true);
    expect(Object.keys(f.sites)).toHaveLength(content.sites.length);
    expect(f.sites.lulea!.climate!.items.filter((i) => i.kind === "text" && /^(Jan|Jul)$/.test(i.text))).toHaveLength(2);
    expect(f.stability!.items.length).toBeGreaterThan(10);
    expect(f.map.items.some((i) => i.kind === "text" && i.text.includes("km"))).toBe(true);
    expect(JSON.stringify(f.scores)).toContain(JSON.stringify(XSS_NAME).slice(1, -1).slice(0, 10));
  });

  it("draws the map regionally with a raster when given one, and without it", () => {
    const nordic = [{ id: "a", name: "A", lat: 65.6, lon: 22.1, rank: 1, excluded: false }, { id: "b", name: "B", lat: 59.9, lon: 10.7, rank: null, excluded: true }];
    expect(mapProjection(nordic, [[0, 0], [500, 300]]).world).toBe(false);
    const plain = mapFigure({ sites: nordic, countries: countryOutlines(testStore()), width: 500, height: 300 });
    const raster = mapFigure({
      sites: nordic, countries: countryOutlines(testStore()), width: 500, height: 300,
      raster: { cellDeg: 0.5, domain: [0, 100], label: "Suitability", cells: Array.from({ length: 40 }, (_, k) => ({ lat: 60 + (k % 8) * 0.5, lon: 12 + Math.floor(k / 8) * 0.5, value: k * 2.5 })) },
    });
    expect(raster.items.length).toBeGreaterThan(plain.items.length + 30);
    expect(raster.items.some((i) => i.kind === "text" && i.text.startsWith("Suitability"))).toBe(true);
    expect(plain.items.some((i) => i.kind === "text" && i.text === "excluded")).toBe(true);
  });
});
