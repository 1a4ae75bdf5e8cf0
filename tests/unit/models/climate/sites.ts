// Named places of tests/fixtures/climate-sites.json as model inputs. The fixture holds bilinear
// samples of the ITU-R grids (P.1510 monthly temperature, P.836 humidity, P.1511 height) at each
// place, extracted by scripts/fixtures/extract-climate-sites.mjs.
import fixture from "@/tests/fixtures/climate-sites.json";
import type { SiteClimate } from "@/server/models/climate";

export type FixtureSite = (typeof fixture.sites)[number];

/** The fixture record of a place (throws on an unknown id, so a typo fails loudly). */
export function fixtureSite(id: string): FixtureSite {
  const found = fixture.sites.find((s) => s.id === id);
  if (!found) throw new Error(`no place "${id}" in tests/fixtures/climate-sites.json`);
  return found;
}

/**
 * The model input of a place, as the layer pipeline is meant to build it: the ITU monthly means and
 * humidity statistics, and the P.1511 grid height (the height the ITU humidity refers to; sea level
 * for negative heights) as `elevationM`.
 */
export function climateOf(id: string): SiteClimate {
  const s = fixtureSite(id);
  return {
    monthlyMeanC: s.monthlyMeanC,
    rhoMedianGm3: s.rhoMedianGm3,
    rho10Gm3: s.rho10Gm3,
    rho1Gm3: s.rho1Gm3,
    elevationM: Math.max(0, s.gridHeightM),
  };
}

/** Every place in the fixture. */
export const ALL_SITE_IDS: readonly string[] = fixture.sites.map((s) => s.id);
