import { z } from "zod";
import { LayerId, SampleInput } from "@/server/schemas/layers";
import { choropleth } from "@/server/layers/choropleth";
import { InputError } from "@/server/errors";
import { catalog } from "@/server/layers/catalog";
import { sampleLayers } from "@/server/siting/layerSampling";
import { publicProcedure, router } from "../init";

export const layersRouter = router({
  /** Every layer with metadata, legend and sources. */
  catalog: publicProcedure.query(({ ctx }) => catalog(ctx.layers)),
  /** Every dataset in the manifest with publisher, URL, license and vintage. */
  sources: publicProcedure.query(({ ctx }) => ctx.layers.manifest.sources),
  /** Per-feature values and colours of a polygon layer, to recolour the map's country or zone shapes. */
  choropleth: publicProcedure.input(z.object({ layer: LayerId }).strict()).query(({ ctx, input }) => {
    const result = choropleth(ctx.layers, input.layer);
    if (!result) throw new InputError("layer", `"${input.layer}" is not a polygon layer (use map tiles for gridded layers)`);
    return result;
  }),
  /** Values of the requested layers at up to 10,000 points, each with quality and provenance. */
  sample: publicProcedure.input(SampleInput).query(({ ctx, input }) => sampleLayers(ctx.layers, input.points, input.layers)),
});
