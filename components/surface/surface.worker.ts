/**
 * The suitability surface's Web Worker: holds the per-criterion utilities of every land cell and, on
 * each weight change, scores all cells (surfaceScore.ts) and paints the RGBA image for the map
 * (surfaceImage.ts), off the main thread and without a server round trip. Plain TypeScript with no
 * Node or DOM-window dependency, loaded as a module worker:
 *   new Worker(new URL("./surface.worker.ts", import.meta.url), { type: "module" })
 */
import { combinedExclusion, decodeSurface, QUANT_MISSING, QUANT_SCALE, type DecodedSurface } from "@/server/schemas/surfaceFormat";
import { paintSurface, surfaceImageLayout, landCellAt, type SurfaceImageLayout } from "./surfaceImage";
import { percentPoints } from "@/server/scoring/percentPoints";
import { scoreSurface } from "@/server/scoring/surfaceScore";
import type { FromWorker, ToWorker } from "./workerProtocol";

interface WorkerScope {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

let surface: DecodedSurface | null = null;
let surfaceSeq = -1;
let excluded: Uint8Array | null = null;
let layout: SurfaceImageLayout | null = null;
let scores: Float32Array | null = null;
let pendingScore: Extract<ToWorker, { type: "score" }> | null = null;
/** Pixel buffers returned by the main thread (see the "recycle" message), reused for painting. */
const spare: ArrayBuffer[] = [];
let scheduled = false;

function post(message: FromWorker, transfer: Transferable[] = []) {
  scope.postMessage(message, transfer);
}

function runScore() {
  scheduled = false;
  const msg = pendingScore;
  pendingScore = null;
  if (!msg || !surface || !excluded || !layout || msg.surface !== surfaceSeq) return;
  try {
    const t0 = performance.now();
    const r = scoreSurface({ n: surface.header.n, utilities: surface.utilities, excluded }, { weights: msg.weights, missing: msg.missing, method: msg.method, ...(msg.lambda !== undefined ? { lambda: msg.lambda } : {}) }, scores ?? undefined);
    scores = r.scores;
    const t1 = performance.now();
    const domain: [number, number] = msg.ramp === "relative" && r.stats.scored > 0 ? [r.stats.min, r.stats.max] : [0, 1];
    // The buffer is transferred to the main thread and held by the map source until a newer image
    // replaces it; then it comes back ("recycle"). A fresh one only when none has come back yet.
    const bytes = layout.width * layout.height * 4;
    let back = spare.pop();
    while (back && back.byteLength !== bytes) back = spare.pop(); // from a surface of another size
    const pixels = paintSurface(layout, r.scores, { domain }, back ? new Uint8ClampedArray(back) : undefined);
    const t2 = performance.now();
    post({ type: "image", seq: msg.seq, width: layout.width, height: layout.height, pixels: pixels.buffer as ArrayBuffer, stats: r.stats, domain, ms: { score: t1 - t0, paint: t2 - t1 } }, [pixels.buffer as ArrayBuffer]);
  } catch (err) {
    post({ type: "error", seq: msg.seq, message: (err as Error).message });
  }
}

scope.onmessage = (e) => {
  const msg = e.data;
  try {
    if (msg.type === "load") {
      const t0 = performance.now();
      const s = decodeSurface(msg.buffer);
      surface = s;
      surfaceSeq = msg.seq;
      excluded = combinedExclusion(s.header.n, s.excludedBy);
      layout = surfaceImageLayout(s.header.grid, s.landMask, msg.imageHeight ?? 2048);
      scores = null;
      post({ type: "loaded", seq: msg.seq, header: s.header, width: layout.width, height: layout.height, coordinates: layout.coordinates, decodeMs: performance.now() - t0 });
    } else if (msg.type === "score") {
      if (msg.surface !== surfaceSeq) return; // weights for a surface that has since been replaced
      // Slider moves arrive faster than frames: keep only the latest and score once the queue drains.
      pendingScore = msg;
      if (!scheduled) {
        scheduled = true;
        setTimeout(runScore, 0);
      }
    } else if (msg.type === "recycle") {
      if (spare.length < 2) spare.push(msg.buffer);
    } else if (msg.type === "probe") {
      if (!surface || !layout || !excluded) return;
      const cell = landCellAt(layout, msg.lat, msg.lon);
      const h = surface.header;
      if (cell < 0) {
        post({ type: "probe", seq: msg.seq, cell, score: null, excluded: false, excludedBy: [], utilities: [] });
        return;
      }
      const s = scores ? scores[cell]! : NaN;
      post({
        type: "probe",
        seq: msg.seq,
        cell,
        score: s >= 0 ? percentPoints(s) : null,
        excluded: excluded[cell] === 1,
        excludedBy: h.criteria.filter((_, j) => {
          const bits = surface!.excludedBy[j];
          return bits ? (bits[cell >> 3]! & (1 << (cell & 7))) !== 0 : false;
        }).map((c) => c.title),
        utilities: h.criteria.map((c, j) => {
          const q = surface!.utilities[j * h.n + cell]!;
          return { id: c.id, title: c.title, utility: q === QUANT_MISSING ? null : q / QUANT_SCALE };
        }),
      });
    }
  } catch (err) {
    post({ type: "error", seq: "seq" in msg ? msg.seq : -1, message: (err as Error).message });
  }
};
