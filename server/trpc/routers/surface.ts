import { BestLocationsInput } from "@/server/siting/surfaceBest";
import { bestLocationsFor } from "@/server/siting/surfaceQueries";
import { publicProcedure, router } from "../init";

/**
 * The suitability surface. The surface itself is binary and served by `POST /api/surface`
 * (pages/api/surface.ts); this router holds what reads it as JSON.
 */
export const surfaceRouter = router({
  /**
   * The N best land cells of the scenario's surface (scored with its weights) inside a bounding box
   * or a country, at least `minDistanceKm` apart, never a constrained-out or unscored cell.
   */
  bestLocations: publicProcedure.input(BestLocationsInput).query(({ ctx, input }) => bestLocationsFor(ctx.layers, input)),
});
