/**
 * Names the API accepted before 0.2 and still accepts for one release (README, "Deprecated API
 * names"): the strategy's "zones" became "candidate areas", so that "zone" means an Electricity Maps
 * grid zone only. Requests may still send `zones` for the candidate-area settings and
 * `candidates: { kind: "zones", zones }` for a plan; profiles still carry `zones` beside
 * `candidateAreas`. Remove in 0.3.
 */
import { z } from "zod";

/**
 * The candidate-area settings field with its deprecated alias: `candidateAreas` (or, deprecated,
 * `zones`) resolved to one value, `fallback` when neither is given. Spread into an object shape and
 * finish the object with {@link resolveCandidateAreas}.
 */
export function candidateAreasFields<T extends z.ZodType>(settings: T) {
  return {
    candidateAreas: settings.optional(),
    /** @deprecated since 0.2: use `candidateAreas`. */
    zones: settings.optional(),
  };
}

/** Replaces `zones` (deprecated) by `candidateAreas`, or the fallback when neither was sent. */
export function resolveCandidateAreas<S, V extends { candidateAreas?: S; zones?: S }>(value: V, fallback: S): Omit<V, "zones" | "candidateAreas"> & { candidateAreas: S } {
  const { zones, candidateAreas, ...rest } = value;
  return { ...rest, candidateAreas: candidateAreas ?? zones ?? fallback };
}

/** A plan's candidates given the pre-0.2 way (`kind: "zones"`, `zones`), read as candidate areas. */
export function deprecatedZoneCandidates<R extends z.ZodType, S extends z.ZodType>(region: R, settings: S) {
  return z.object({ kind: z.literal("zones"), region, zones: settings }).strict()
    .transform((c) => {
      const { region: r, zones } = c as { region: z.output<R>; zones: z.output<S> };
      return { kind: "candidate_areas" as const, region: r, candidateAreas: zones };
    });
}

/** A profile with its candidate areas also under the deprecated name `zones`. */
export function withDeprecatedZones<P extends { candidateAreas: unknown }>(profile: P): P & { /** @deprecated since 0.2: use `candidateAreas`. */ zones: P["candidateAreas"] } {
  return { ...profile, zones: profile.candidateAreas };
}
