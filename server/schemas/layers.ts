import { z } from "zod";
import { LatLon } from "./geo";

/** Most points one `layers.sample` call accepts (the 10,000-site planning ceiling). */
export const MAX_SAMPLE_POINTS = 10_000;

export const LayerId = z.string().regex(/^[a-z]+\.[a-z0-9_]+$/, "must be a layer id like carbon.grid_intensity");

export const SampleInput = z.object({
  points: z.array(LatLon).min(1, "give at least one point").max(MAX_SAMPLE_POINTS, `at most ${MAX_SAMPLE_POINTS} points per request`),
  /** Layer ids to sample; all layers when omitted. */
  layers: z.array(LayerId).min(1).max(100).optional(),
}).strict();
export type SampleInput = z.infer<typeof SampleInput>;
