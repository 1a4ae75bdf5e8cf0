/**
 * The one way a 0–1 fraction (a utility-weighted score, a weight share) is shown on the 0–100 scale:
 * rounded to a tenth of a point, as scores are stored and compared everywhere (site ranking, surface,
 * strategy profile). Rounding once, in one place, keeps a site's score and its cell's score equal.
 */
export function percentPoints(fraction: number): number {
  return Math.round(fraction * 1000) / 10;
}
