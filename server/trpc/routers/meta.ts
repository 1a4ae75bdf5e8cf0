import pkg from "@/package.json";
import { layerStore } from "@/server/layers/service";
import { publicProcedure, router } from "../init";

export const metaRouter = router({
  /** App name and version, and the data build's inputs hash (tile cache key, report footers). */
  version: publicProcedure.query(() => ({ name: pkg.name, version: pkg.version, dataVersion: layerStore().manifest.inputsHash.slice(0, 16) })),
});
