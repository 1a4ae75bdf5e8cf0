import { TRPCError } from "@trpc/server";
import { BestLocationsInput } from "@/server/siting/surfaceBest";
import { bestLocationsFor, SurfaceInputError } from "@/server/siting/surfaceService";
import { publicProcedure, router } from "../init";

/**
 * The suitability surface. The surface itself is binary and served by `POST /api/surface`
 * (app/api/surface/route.ts); this router holds what reads it as JSON.
 */
export const surfaceRouter = router({
  /**
   * The N best land cells of the scenario's surface (scored with its weights) inside a bounding box
   * or a country, at least `minDistanceKm` apart, never a constrained-out or unscored cell.
   */
  bestLocations: publicProcedure.input(BestLocationsInput).query(async ({ input }) => {
    try {
      return await bestLocationsFor(input);
    } catch (err) {
      if (err instanceof SurfaceInputError) throw new TRPCError({ code: "BAD_REQUEST", message: err.message, cause: err });
      throw err;
    }
  }),
});
