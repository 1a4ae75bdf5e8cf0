/** What every pipeline step receives: where to read, where to write, the grid and its land cells. */
import path from "node:path";
import type { GridSpec, LandCells } from "./lib/grid";
import type { OutputWriter } from "./lib/output";
import type { PolygonSet } from "./polygons";

export type BuildProfile = "full" | "no-nc";

export interface BuildContext {
  rawDir: string;
  repoDir: string;
  out: OutputWriter;
  profile: BuildProfile;
  grid: GridSpec;
  land: LandCells;
  countries: PolygonSet;
  zones: PolygonSet;
  /** US states (and BR, CA, AU subdivisions) where Natural Earth has them, whole countries elsewhere. */
  subdivisions: PolygonSet;
}

export function rawPath(ctx: Pick<BuildContext, "rawDir">, rel: string): string {
  return path.join(ctx.rawDir, rel);
}
