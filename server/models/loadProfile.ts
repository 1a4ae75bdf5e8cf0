/**
 * The load profile the engineering estimates assume for a site: IT capacity, how much of it is used on
 * average, and the cooling archetype. One schema for tRPC input, persistence and import (DESIGN.md §7).
 */
import { z } from "zod";
import { CoolingArchetype } from "./cooling/archetypes";

/**
 * Default utilisation: annual mean IT power ÷ IT nameplate (IT capacity). 0.8 is an assumption for a
 * mature, fully leased AI/hyperscale campus: training clusters run near their power envelope for
 * weeks (the power-capped GPU draw of a busy cluster is typically 70–90 % of nameplate) and
 * hyperscale operators fill built capacity before building more; enterprise and colocation halls
 * commonly average 40–60 %. It is a judgement, not a measured statistic: users with a better number
 * (a lease schedule, a ramp-up) should enter it. It scales energy, carbon and water linearly and
 * raises PUE slightly at low values (the capacity-proportional overheads, see cooling/assumptions.ts).
 */
export const DEFAULT_UTILISATION = 0.8;

/**
 * Lowest accepted utilisation. At 0 the IT energy is 0 and PUE (a ratio to IT energy) is undefined;
 * 0.05 is the floor the scenario schema also uses.
 */
export const MIN_UTILISATION = 0.05;

export const LoadProfile = z
  .object({
    /** IT capacity (nameplate IT load), MW: 1–2,000 (hyperscale campuses are 100–300 MW IT, DESIGN.md §5). */
    itMw: z.number({ error: "must be a number (MW)" }).finite().min(1, "at least 1 MW").max(2000, "at most 2,000 MW"),
    /** Annual mean IT power ÷ IT capacity, 0.05–1. Default 0.8 (see DEFAULT_UTILISATION). */
    utilisation: z
      .number({ error: "must be a number between 0.05 and 1" })
      .finite()
      .min(MIN_UTILISATION, `at least ${MIN_UTILISATION} (PUE is undefined at zero load)`)
      .max(1, "at most 1")
      .default(DEFAULT_UTILISATION),
    /** Cooling archetype (cooling/archetypes.ts). */
    cooling: CoolingArchetype,
  })
  .strict();

/** A validated load profile (utilisation filled in). */
export type LoadProfile = z.output<typeof LoadProfile>;
/** A load profile as entered (utilisation optional). */
export type LoadProfileInput = z.input<typeof LoadProfile>;
