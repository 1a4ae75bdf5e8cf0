import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { LayerId, SampleInput } from "@/server/schemas/layers";
import { choropleth } from "@/server/layers/choropleth";
import { layerCatalog, layerSources, layerStore, sampleLayers, UnknownLayerError } from "@/server/layers/service";
import { publicProcedure, router } from "../init";

export const layersRouter = router({
  /** Every layer with metadata, legend and sources. */
  catalog: publicProcedure.query(() => layerCatalog()),
  /** Every dataset in the manifest with publisher, URL, license and vintage. */
  sources: publicProcedure.query(() => layerSources()),
  /** Per-feature values and colours of a polygon layer, to recolour the map's country or zone shapes. */
  choropleth: publicProcedure.input(z.object({ layer: LayerId }).strict()).query(({ input }) => {
    const result = choropleth(layerStore(), input.layer);
    if (!result) throw new TRPCError({ code: "BAD_REQUEST", message: `layer: "${input.layer}" is not a polygon layer (use map tiles for gridded layers)` });
    return result;
  }),
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
