/**
 * Composite physical risk (layer `risk.composite`): each hazard proxy is mapped to a 0–1 severity
 * by a linear function, then aggregated as 0.5·max + 0.5·mean so that one severe hazard is not
 * averaged away by benign ones (the reason INFORM-style indices use geometric rather than arithmetic
 * means). Only hazards that vary inside a country enter (issue 13): country-level categories
 * (Aqueduct water stress, riverine flood, drought) would give every site in a country the same
 * floor — Luleå, Stavanger and Quincy all read 0.292 when they did — so they stay separate
 * criteria. The breakpoints are judgement calls, stated here so a user can disagree:
 *
 * | component              | severity 0 at    | severity 1 at | why                                                        |
 * |------------------------|------------------|---------------|------------------------------------------------------------|
 * | risk.seismic           | 0 events/100 y   | 10            | ≥ 10 M6+ within 100 km per century: Japan, Chile, Java      |
 * | risk.cyclone           | 0 storms/dec.    | 3             | ≥ 3 per decade per 1° cell: Philippines, Okinawa, Guam      |
 * | risk.coastal_exposure  | 0                | 1             | already an index                                            |
 * | risk.heat              | 0 h/yr > 35 °C   | 500           | ≥ 500 h above ASHRAE A2's 35 °C limit: Gulf, Sahel          |
 * | water.aridity_index    | 0.65 (humid)     | 0.05          | UNEP classes: humid above 0.65, hyper-arid below 0.05       |
 *
 * The active-fire layer (risk.wildfire) is not a component even after its static hotspots are
 * removed: one year of 0.5° VIIRS counts still measures human activity more than landscape fire —
 * the median place where operators built reads more detections than 77 % of the land around it
 * (bench/campuses.bench.ts), i.e. crop burning, flares and industry near towns. It stays a separate,
 * labelled layer a user can weight.
 *
 * Null rule: a component with no value is left out; with fewer than MIN_COMPONENTS present the
 * composite is null and the reason lists the missing components.
 */

export interface CompositeComponent {
  id: string;
  /** Short name for "driven by …" notes. */
  label: string;
  /** Value at which severity is 0 and at which it is 1 (none > full for "lower is worse" inputs). */
  none: number;
  full: number;
}

export const COMPOSITE_COMPONENTS: readonly CompositeComponent[] = [
  { id: "risk.seismic", label: "seismic activity", none: 0, full: 10 },
  { id: "risk.cyclone", label: "tropical cyclones", none: 0, full: 3 },
  { id: "risk.coastal_exposure", label: "coastal low elevation", none: 0, full: 1 },
  { id: "risk.heat", label: "extreme heat", none: 0, full: 500 },
  { id: "water.aridity_index", label: "aridity", none: 0.65, full: 0.05 },
];

export const MIN_COMPONENTS = 3;

export type CompositeResult =
  | { value: number; driver: number; driverSeverity: number; reason?: undefined }
  | { value: null; reason: string; driver?: undefined; driverSeverity?: undefined };

/** Severity 0..1 of a component value (linear from `none` to `full`, clamped). */
export function severity(value: number, c: Pick<CompositeComponent, "none" | "full">): number {
  return Math.min(1, Math.max(0, (value - c.none) / (c.full - c.none)));
}

/**
 * Composite from component values in COMPOSITE_COMPONENTS order (null or NaN = missing).
 * Returns a 0–1 value and the index of the component with the highest severity, or null with the
 * missing components named.
 */
export function compositeRisk(values: readonly (number | null)[]): CompositeResult {
  let max = 0, sum = 0, n = 0, driver = -1;
  const missing: string[] = [];
  COMPOSITE_COMPONENTS.forEach((c, i) => {
    const v = values[i];
    if (v === null || v === undefined || Number.isNaN(v)) {
      missing.push(c.id);
      return;
    }
    const s = severity(v, c);
    if (driver < 0 || s > max) {
      max = s;
      driver = i;
    }
    sum += s;
    n++;
  });
  if (n < MIN_COMPONENTS) return { value: null, reason: `only ${n} of ${COMPOSITE_COMPONENTS.length} risk components have a value here (missing: ${missing.join(", ")}); at least ${MIN_COMPONENTS} are needed` };
  return { value: 0.5 * max + 0.5 * (sum / n), driver, driverSeverity: max };
}

/** "Driven by seismic activity (severity 0.80)", or that no hazard stands out. */
export function compositeDriverNote(r: CompositeResult): string | null {
  if (r.value === null) return null;
  if (r.driverSeverity < 0.05) return "No component is above 0.05 severity.";
  return `Driven by ${COMPOSITE_COMPONENTS[r.driver]!.label} (severity ${r.driverSeverity.toFixed(2)}).`;
}
