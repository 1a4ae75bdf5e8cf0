import pkg from "@/package.json";
import { publicProcedure, router } from "../init";

export const metaRouter = router({
  /** App name and version, and the data build's inputs hash (tile cache key, report footers). */
  version: publicProcedure.query(({ ctx }) => ({ name: pkg.name, version: pkg.version, dataVersion: ctx.layers.manifest.inputsHash.slice(0, 16) })),
});
