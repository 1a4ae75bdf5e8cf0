import { publicProcedure, router } from "../init";
import pkg from "@/package.json";

export const metaRouter = router({
  /** App name and version, for the page footer and report footers. */
  version: publicProcedure.query(() => ({ name: pkg.name, version: pkg.version })),
});
