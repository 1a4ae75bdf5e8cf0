/**
 * Composite physical risk (layer `risk.composite`): each hazard proxy is mapped to a 0–1 severity
 * by a piecewise-linear function, then aggregated as 0.5·max + 0.5·mean so that one severe hazard
 * is not averaged away by benign ones (the reason INFORM-style indices use geometric rather than
 * arithmetic means). The breakpoints are judgement calls, stated here so a user can disagree:
 *
 * | component              | severity 0 at | severity 1 at | why the upper point                                     |
 * |------------------------|---------------|---------------|---------------------------------------------------------|
 * | risk.seismic           | 0 events/100 y| 10            | ≥ 10 M6+ within 100 km per century: Japan, Chile, Java   |
 * | risk.cyclone           | 0 storms/dec. | 3             | ≥ 3 per decade per 1° cell: Philippines, Okinawa, Guam   |
 * | risk.coastal_exposure  | 0             | 1             | already an index                                         |
 * | risk.heat              | 0 h/yr > 35 °C| 500           | ≥ 500 h above ASHRAE A2's 35 °C limit: Gulf, Sahel       |
 * | risk.water_stress      | category 0    | category 4    | Aqueduct "extremely high"                                |
 * | risk.flood             | category 0    | category 4    | Aqueduct "extremely high"                                |
 *
 * Null rule: a component with no value is left out; with fewer than MIN_COMPONENTS present the
 * composite is null and the reason lists the missing components.
 */

export const COMPOSITE_COMPONENTS = [
  { id: "risk.seismic", full: 10 },
  { id: "risk.cyclone", full: 3 },
  { id: "risk.coastal_exposure", full: 1 },
  { id: "risk.heat", full: 500 },
  { id: "risk.water_stress", full: 4 },
  { id: "risk.flood", full: 4 },
] as const;

export const MIN_COMPONENTS = 4;

export type CompositeResult = { value: number; reason?: undefined } | { value: null; reason: string };

/** Severity 0..1 of a component value (linear from 0 to `full`, clamped). */
export function severity(value: number, full: number): number {
  return Math.min(1, Math.max(0, value / full));
}

/**
 * Composite from component values in COMPOSITE_COMPONENTS order (null or NaN = missing).
 * Returns a 0–1 value, or null with the missing components named.
 */
export function compositeRisk(values: readonly (number | null)[]): CompositeResult {
  let max = 0, sum = 0, n = 0;
  const missing: string[] = [];
  COMPOSITE_COMPONENTS.forEach((c, i) => {
    const v = values[i];
    if (v === null || v === undefined || Number.isNaN(v)) {
      missing.push(c.id);
      return;
    }
    const s = severity(v, c.full);
    max = Math.max(max, s);
    sum += s;
    n++;
  });
  if (n < MIN_COMPONENTS) return { value: null, reason: `only ${n} of ${COMPOSITE_COMPONENTS.length} risk components have a value here (missing: ${missing.join(", ")}); at least ${MIN_COMPONENTS} are needed` };
  return { value: 0.5 * max + 0.5 * (sum / n) };
}
