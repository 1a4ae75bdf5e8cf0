import { TRPCError } from "@trpc/server";
import { SampleInput } from "@/server/schemas/layers";
import { layerCatalog, layerSources, sampleLayers, UnknownLayerError } from "@/server/layers/service";
import { publicProcedure, router } from "../init";

export const layersRouter = router({
  /** Every layer with metadata, legend and sources. */
  catalog: publicProcedure.query(() => layerCatalog()),
  /** Every dataset in the manifest with publisher, URL, license and vintage. */
  sources: publicProcedure.query(() => layerSources()),
  /** Values of the requested layers at up to 10,000 points, each with quality and provenance. */
  sample: publicProcedure.input(SampleInput).query(({ input }) => {
    try {
      return sampleLayers(input.points, input.layers);
    } catch (err) {
      if (err instanceof UnknownLayerError) throw new TRPCError({ code: "BAD_REQUEST", message: err.message, cause: err });
      throw err;
    }
  }),
});
