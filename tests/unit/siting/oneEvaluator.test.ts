/**
 * One evaluator for sites and cells: a site placed at a cell centre and the cell itself go through
 * the same constraint evaluation (server/scoring excludeByColumn) and the same scoring kernel
 * (server/scoring/additive.ts), so they get the same exclusion and the same score (up to the
 * surface's 1/254 quantisation), and an excluded site carries the reasons the site API words.
 */
import { describe, expect, it } from "vitest";
import { evaluateSites } from "@/server/siting/evaluate";
import { computeSurface } from "@/server/siting/surface";
import { QUANT_MISSING } from "@/server/schemas/surfaceFormat";
import { SCORE_EXCLUDED, scoreSurface } from "@/server/scoring/surfaceScore";
import { testStore } from "../../helpers/layers";
import { CARBON, PRICE, scenario } from "../surface/helpers";

const store = testStore();
const g = store.grid;
const REGIME = { id: "regime", source: "sovereignty.regime", weight: 1, valueFunction: { type: "categorical", utilities: { eu_eea_gdpr: 1, eu_adequacy: 0.8, comprehensive: 0.6, partial_or_draft: 0.3, none: 0 } } };

describe("a site at a cell centre and its cell", () => {
  it("get the same exclusion and score, with the site's reasons worded by the constraint", async () => {
    const sc = scenario([
      { ...CARBON, constraints: [{ kind: "excludeAbove", value: 400 }] },
      PRICE,
      { ...REGIME, constraints: [{ kind: "excludedValues", values: ["none", "partial_or_draft"] }] },
    ]);
    const surface = await computeSurface(store, sc);
    const n = surface.header.n;
    const cells = Array.from({ length: Math.floor(n / 613) }, (_, k) => k * 613);
    const sites = cells.map((li, i) => ({ id: `c${i}`, name: `cell ${li}`, ...g.centreOfLand(li), overrides: {}, origin: "map" as const }));
    const ranked = evaluateSites(store, sites, sc);
    const cellScores = scoreSurface({ n, utilities: surface.utilities, excluded: surface.excluded }, { weights: sc.criteria.map((c) => c.weight), missing: sc.missing }).scores;

    let compared = 0, excluded = 0, scored = 0;
    ranked.sites.forEach((site, i) => {
      const li = cells[i]!;
      // Border cells take their majority polygon, a centre the polygon under it: compare where the inputs agree.
      const same = site.criteria.every((c, j) => {
        const q = surface.utilities[j * n + li]!;
        return q === QUANT_MISSING ? c.utility === null : c.utility !== null && Math.abs(c.utility - q / 254) <= 0.5 / 254 + 1e-9;
      });
      if (!same) return;
      compared++;
      // A hard constraint excludes the cell (the mask); a missing weighted value under "exclude"
      // excludes the site with its reason and leaves the cell unscored (NaN).
      const byConstraint = site.exclusionReasons.filter((r) => /is above the maximum 400|is an excluded value|: the constraint cannot be checked/.test(r));
      expect(byConstraint.length > 0, `cell ${li}`).toBe(surface.excluded[li] === 1);
      if (byConstraint.length) {
        excluded++;
        expect(cellScores[li]).toBe(SCORE_EXCLUDED);
      } else if (site.excluded) {
        expect(site.exclusionReasons.every((r) => r.startsWith("missing value for "))).toBe(true);
        expect(Number.isNaN(cellScores[li]!), `cell ${li}`).toBe(true);
      } else {
        scored++;
        expect(cellScores[li]!, `cell ${li}`).toBeCloseTo(site.methodScore!, 2);
      }
    });
    expect(compared).toBeGreaterThan(cells.length * 0.7);
    expect(excluded).toBeGreaterThan(10);
    expect(scored).toBeGreaterThan(10);
  });
});
