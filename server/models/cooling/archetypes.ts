/**
 * The three cooling archetypes the engineering estimates cover (DESIGN.md §5, issue 5 item 2). Each
 * is a whole cooling concept, not a component, so PUE and WUE follow from it and the site's climate.
 */
import { z } from "zod";

export const COOLING_ARCHETYPE_IDS = ["air_economiser", "evaporative_assist", "dry_cooler_liquid"] as const;

/** The cooling archetype of a load profile (one schema for tRPC input, persistence and import). */
export const CoolingArchetype = z.enum(COOLING_ARCHETYPE_IDS, {
  error: `must be one of ${COOLING_ARCHETYPE_IDS.join(", ")}`,
});
export type CoolingArchetype = z.infer<typeof CoolingArchetype>;

/** Title and one-line description of each archetype, for pickers, legends and reports. */
export const COOLING_ARCHETYPES: Readonly<Record<CoolingArchetype, { title: string; description: string }>> = Object.freeze({
  air_economiser: {
    title: "Air-side economiser",
    description:
      "Outside air cools the halls directly when cool and dry enough; a wetted-media (adiabatic) stage extends it on hot dry hours; air-cooled DX/chillers take over on hot humid hours.",
  },
  evaporative_assist: {
    title: "Chilled water with evaporative towers",
    description:
      "Water-cooled chillers and open cooling towers, with a water-side economiser (plate exchanger) that bypasses the chillers whenever the wet bulb is low enough.",
  },
  dry_cooler_liquid: {
    title: "Liquid cooling with dry coolers",
    description:
      "Direct-to-chip liquid cooling on a warm-water loop (ASHRAE W32) rejected by dry coolers, no evaporation; air-cooled trim chillers for the hottest hours and for the residual air-cooled heat.",
  },
});
