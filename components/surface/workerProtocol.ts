/** Messages between useSurface (main thread) and surface.worker.ts. */
import type { SurfaceHeader } from "@/server/schemas/surfaceFormat";
import type { MethodName, MissingPolicy } from "@/server/scoring";
import type { SurfaceScoreStats } from "@/server/scoring/surfaceScore";

export type RampMode = "absolute" | "relative";

export type ToWorker =
  /** A new surface binary (transferred). */
  | { type: "load"; seq: number; buffer: ArrayBuffer; imageHeight?: number }
  /** Score with these weights (aligned with the header's criteria) and draw. Only the latest pending request is served. */
  | { type: "score"; seq: number; /** The `load` seq the weights belong to (stale requests are dropped). */ surface: number; weights: number[]; missing: MissingPolicy; method: MethodName; lambda?: number; ramp: RampMode }
  /** What is at (lat, lon) under the last scoring. */
  | { type: "probe"; seq: number; lat: number; lon: number }
  /**
   * An image's pixels that the map no longer holds (a newer image replaced it), transferred back so
   * that the next painting reuses them: two buffers ping-pong instead of a fresh 11.8 MB each time.
   */
  | { type: "recycle"; buffer: ArrayBuffer };

export interface ProbeResult {
  /** Land-cell number, −1 when not a land cell. */
  cell: number;
  /** 0–100, null when unscored or excluded. */
  score: number | null;
  excluded: boolean;
  /** Titles of the criteria whose constraints exclude the cell. */
  excludedBy: string[];
  utilities: { id: string; title: string; utility: number | null }[];
}

export type FromWorker =
  | { type: "loaded"; seq: number; header: SurfaceHeader; width: number; height: number; coordinates: [[number, number], [number, number], [number, number], [number, number]]; decodeMs: number }
  | {
      type: "image";
      seq: number;
      width: number;
      height: number;
      /** RGBA pixels (transferred). */
      pixels: ArrayBuffer;
      stats: SurfaceScoreStats;
      /** Scores at the ramp's two ends (0–1). */
      domain: [number, number];
      /** Time in the worker: scoring all cells, and painting the image. */
      ms: { score: number; paint: number };
    }
  | ({ type: "probe"; seq: number } & ProbeResult)
  | { type: "error"; seq: number; message: string };
