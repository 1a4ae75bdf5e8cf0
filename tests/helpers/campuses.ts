/**
 * The real-campus check (issue 13): each campus of tests/fixtures/hyperscale-campuses.json scored
 * against the land within ±5° in its own country under a scenario (server/siting/localPercentile.ts).
 * Shared by the test that holds the bar and by `npm run bench`, which reports the figures.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { LayerStore } from "@/server/layers/store";
import type { Scenario } from "@/server/schemas/scenario";
import { SCORE_EXCLUDED } from "@/server/scoring/surfaceScore";
import { localPercentile, median } from "@/server/siting/localPercentile";
import { scoredSurfaceFor } from "@/server/siting/surfaceQueries";

export interface Campus { id: string; operator: string; name: string; country: string; lat: number; lon: number; citation_url: string }

export function loadCampuses(): Campus[] {
  const file = path.resolve(__dirname, "../fixtures/hyperscale-campuses.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { campuses: Campus[] }).campuses;
}

export interface CampusFigures {
  /** Campuses with a percentile (on the grid, with a score or excluded by a constraint). */
  n: number;
  /** Of those, how many a hard constraint of the scenario excludes. */
  excluded: number;
  median: number;
  /** Shares (0–1) above the 50th and 75th percentile. */
  aboveHalf: number;
  topQuartile: number;
  /** The same over the campuses the scenario's constraints let through. */
  eligible: { n: number; median: number; aboveHalf: number };
  perCampus: { id: string; percentile: number | null }[];
}

export async function campusFigures(store: LayerStore, scenario: Scenario, campuses = loadCampuses()): Promise<CampusFigures> {
  const { scores } = await scoredSurfaceFor(store, scenario);
  const perCampus = campuses.map((c) => {
    const r = localPercentile(store, scores, c.lat, c.lon);
    const li = store.grid.landIndexAt(c.lat, c.lon);
    return { id: c.id, percentile: r.percentile, excluded: li >= 0 && scores[li] === SCORE_EXCLUDED };
  });
  const ps = perCampus.flatMap((c) => (c.percentile === null ? [] : [c.percentile]));
  const ok = perCampus.flatMap((c) => (c.percentile === null || c.excluded ? [] : [c.percentile]));
  const share = (xs: number[], t: number) => (xs.length ? xs.filter((x) => x > t).length / xs.length : NaN);
  return {
    n: ps.length,
    excluded: perCampus.filter((c) => c.excluded).length,
    median: median(ps),
    aboveHalf: share(ps, 50),
    topQuartile: share(ps, 75),
    eligible: { n: ok.length, median: median(ok), aboveHalf: share(ok, 50) },
    perCampus: perCampus.map(({ id, percentile }) => ({ id, percentile })),
  };
}
