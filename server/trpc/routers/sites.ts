import { z } from "zod";
import { MAX_IMPORT_BYTES } from "@/server/sites/importSites";
import { importSites, searchPlaces } from "@/server/sites/siteIntake";
import { publicProcedure, router } from "../init";

export const sitesRouter = router({
  /** Parses a CSV or GeoJSON file: valid sites, plus every bad row with its reason. Nothing is saved. */
  import: publicProcedure
    .input(z.object({
      format: z.enum(["csv", "geojson"]),
      // Characters, a little above the byte limit so the size check names the real size.
      content: z.string().min(1, "the file is empty").max(MAX_IMPORT_BYTES + 1024, `files are limited to ${MAX_IMPORT_BYTES / 2 ** 20} MB`),
    }).strict())
    .mutation(({ ctx, input }) => importSites(ctx.layers, input.format, input.content)),
  /** Places matching a name in the bundled GeoNames gazetteer, largest first. */
  search: publicProcedure
    .input(z.object({ q: z.string().trim().min(2, "type at least 2 characters").max(100), limit: z.number().int().min(1).max(50).default(10) }).strict())
    .query(({ ctx, input }) => searchPlaces(ctx.layers, input.q, input.limit)),
});
