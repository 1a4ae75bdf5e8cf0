"use client";
import type { ImageSource, Map as MapLibreMap, MapMouseEvent } from "maplibre-gl";
import { useEffect, useMemo, useRef, useState } from "react";
import { OVERLAY_ANCHOR } from "@/components/map/baseStyle";
import type { Scenario } from "@/server/schemas/scenario";
import { weightIndependentKey } from "@/server/schemas/scenarioKey";
import type { SurfaceHeader } from "@/server/schemas/surfaceFormat";
import { readWithProgress } from "./readWithProgress";
import type { SurfaceScoreStats } from "@/server/scoring/surfaceScore";
import type { FromWorker, ProbeResult, RampMode, ToWorker } from "./workerProtocol";

export const SURFACE_SOURCE = "surface";
export const SURFACE_LAYER = "surface:raster";

export interface UseSurfaceOptions {
  /** The scenario whose criteria, value functions, constraints, load and market define the surface. */
  scenario: Scenario | null;
  /** Weights by criterion id (default: the scenario's). Changing only these never refetches. */
  weights?: Readonly<Record<string, number>>;
  visible: boolean;
  /** Raster opacity 0–1. */
  opacity: number;
  /** "absolute": colours over scores 0–100 (comparable between weightings); "relative": over the scored range. */
  ramp?: RampMode;
  /** Style layer to insert below (default the base style's OVERLAY_ANCHOR, so outlines and labels stay on top). */
  beforeId?: string;
}

export type SurfaceStatus = "off" | "fetching" | "scoring" | "ready" | "error";

export interface SurfaceTimings {
  /** Request to decoded surface in the worker, ms. */
  fetchMs: number | null;
  /** Bytes on the wire (the gzip when compressed; from Content-Length) and of the binary itself. */
  transferBytes: number | null;
  binaryBytes: number | null;
  /** Whether the server had the surface cached. */
  serverCache: "hit" | "miss" | null;
  /** Last rescoring of all cells and painting of the image in the worker, ms. */
  scoreMs: number | null;
  paintMs: number | null;
}

export interface SurfaceHover extends ProbeResult {
  /** Pointer position in the map container, px. */
  x: number;
  y: number;
}

/** What long surface work is doing, for the legend: the step and, while downloading, the share received. */
export interface SurfaceProgress {
  step: "server" | "download" | "scoring";
  /** 0–1 while downloading when the size is known; null otherwise. */
  share: number | null;
}

export interface SurfaceState {
  status: SurfaceStatus;
  progress: SurfaceProgress | null;
  error: string | null;
  header: SurfaceHeader | null;
  stats: SurfaceScoreStats | null;
  /** Scores (0–1) at the ramp's ends. */
  domain: [number, number];
  timings: SurfaceTimings;
  /** What is under the pointer (score, utilities, exclusions), while the surface is shown. */
  hover: SurfaceHover | null;
}

type Corners = [[number, number], [number, number], [number, number], [number, number]];

/**
 * Puts the image on the map, adding the image source and the raster layer (crisp cells, no fade) on
 * first use; returns whether the layer was added now.
 */
function showImage(m: MapLibreMap, image: ImageData, coordinates: Corners, o: { opacity: number; visible: boolean; beforeId: string }): boolean {
  if (!m.getSource(SURFACE_SOURCE)) m.addSource(SURFACE_SOURCE, { type: "image", coordinates });
  (m.getSource(SURFACE_SOURCE) as ImageSource).updateImage({ image, coordinates });
  if (m.getLayer(SURFACE_LAYER)) return false;
  m.addLayer(
    {
      id: SURFACE_LAYER,
      type: "raster",
      source: SURFACE_SOURCE,
      layout: { visibility: o.visible ? "visible" : "none" },
      paint: { "raster-opacity": o.opacity, "raster-resampling": "nearest", "raster-fade-duration": 0 },
    },
    m.getLayer(o.beforeId) ? o.beforeId : undefined,
  );
  return true;
}

const NO_TIMINGS: SurfaceTimings = { fetchMs: null, transferBytes: null, binaryBytes: null, serverCache: null, scoreMs: null, paintMs: null };

/** What the server's surface depends on (not the weights, method or missing policy): the server's own cache key. */
function fetchKeyOf(s: Scenario | null): string | null {
  return s ? weightIndependentKey(s, "criteria") : null;
}

async function errorOf(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: string };
    return body.error ?? `HTTP ${res.status}`;
  } catch {
    return `HTTP ${res.status}`;
  }
}

/**
 * The suitability surface on the map: fetches the per-cell utilities (`POST /api/surface`) when the
 * criteria, value functions, constraints, load or market change, rescoring them in a Web Worker on
 * every weight change (no server round trip), and shows the result as an image source below
 * `beforeId`. Returns status, timings, the score statistics for the legend, and the cell under the
 * pointer.
 */
export function useSurface(map: MapLibreMap | null, opts: UseSurfaceOptions): SurfaceState {
  const { scenario, visible, opacity, ramp = "absolute", beforeId = OVERLAY_ANCHOR } = opts;
  const [status, setStatus] = useState<SurfaceStatus>("off");
  const [progress, setProgress] = useState<SurfaceProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [header, setHeader] = useState<SurfaceHeader | null>(null);
  const [stats, setStats] = useState<SurfaceScoreStats | null>(null);
  const [domain, setDomain] = useState<[number, number]>([0, 1]);
  const [timings, setTimings] = useState<SurfaceTimings>(NO_TIMINGS);
  const [hover, setHover] = useState<SurfaceHover | null>(null);
  const [loadedSeq, setLoadedSeq] = useState(0);
  const [hasLayer, setHasLayer] = useState(false);

  const workerRef = useRef<Worker | null>(null);
  const mapRef = useRef<MapLibreMap | null>(map);
  const layerOpts = useRef({ opacity, visible, beforeId });
  const seq = useRef({ load: 0, score: 0, probe: 0 });
  const fetchStart = useRef(0);
  const hoverPoint = useRef<{ x: number; y: number } | null>(null);
  const coordinates = useRef<Corners | null>(null);
  /** Pixels of the image the map shows now: returned to the worker once a newer image replaces it. */
  const shownPixels = useRef<ArrayBuffer | null>(null);

  useEffect(() => {
    mapRef.current = map;
    layerOpts.current = { opacity, visible, beforeId };
  });

  const enabled = visible && scenario !== null;
  const fetchKey = useMemo(() => fetchKeyOf(scenario), [scenario]);

  // The worker: created when the surface is first shown, kept until unmount.
  useEffect(() => {
    if (!enabled || workerRef.current) return;
    const worker = new Worker(new URL("./surface.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const msg = e.data;
      if (msg.type === "loaded") {
        if (msg.seq !== seq.current.load) return;
        setHeader(msg.header);
        setTimings((t) => ({ ...t, fetchMs: performance.now() - fetchStart.current }));
        setLoadedSeq(msg.seq);
        coordinates.current = msg.coordinates;
      } else if (msg.type === "image") {
        const recycle = (buffer: ArrayBuffer) => worker.postMessage({ type: "recycle", buffer } satisfies ToWorker, [buffer]);
        if (msg.seq !== seq.current.score) return recycle(msg.pixels); // a newer request is on its way
        const m = mapRef.current;
        if (m && coordinates.current) {
          if (showImage(m, new ImageData(new Uint8ClampedArray(msg.pixels), msg.width, msg.height), coordinates.current, layerOpts.current)) setHasLayer(true);
          // The map source now holds the new image only (texImage2D copies, and updateImage drops the old one).
          const previous = shownPixels.current;
          shownPixels.current = msg.pixels;
          if (previous) recycle(previous);
        } else recycle(msg.pixels);
        setStats(msg.stats);
        setDomain(msg.domain);
        setTimings((t) => ({ ...t, scoreMs: msg.ms.score, paintMs: msg.ms.paint }));
        setError(null);
        setStatus("ready");
      } else if (msg.type === "probe") {
        const p = hoverPoint.current;
        if (msg.seq === seq.current.probe && p) setHover({ ...msg, x: p.x, y: p.y });
      } else if (msg.type === "error") {
        setError(msg.message);
        setStatus("error");
      }
    };
    worker.onerror = (e) => {
      setError(`surface worker: ${e.message}`);
      setStatus("error");
    };
    workerRef.current = worker;
  }, [enabled]);

  useEffect(() => () => {
    workerRef.current?.terminate();
    workerRef.current = null;
    const m = mapRef.current;
    if (!m) return;
    try {
      if (m.getLayer(SURFACE_LAYER)) m.removeLayer(SURFACE_LAYER);
      if (m.getSource(SURFACE_SOURCE)) m.removeSource(SURFACE_SOURCE);
    } catch {
      // the map was removed first
    }
  }, []);

  // Fetch the surface when what it depends on changes (and it is shown).
  useEffect(() => {
    if (!enabled || !fetchKey || !scenario) {
      if (!enabled) setStatus((s) => (s === "error" ? s : "off"));
      return;
    }
    const abort = new AbortController();
    const load = ++seq.current.load;
    setStatus("fetching");
    setError(null);
    fetchStart.current = performance.now();
    (async () => {
      try {
        setProgress({ step: "server", share: null });
        const res = await fetch("/api/surface", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(scenario), signal: abort.signal });
        if (!res.ok) throw new Error(await errorOf(res));
        const rawBytes = Number(res.headers.get("x-surface-bytes"));
        const buffer = await readWithProgress(res, rawBytes > 0 ? rawBytes : null, (share) => {
          if (load === seq.current.load) setProgress({ step: "download", share });
        });
        if (abort.signal.aborted || load !== seq.current.load) return;
        setProgress({ step: "scoring", share: null });
        // Content-Length is what crossed the wire (the gzip when the server compressed it).
        const wire = Number(res.headers.get("content-length"));
        setTimings((t) => ({
          ...t,
          transferBytes: wire > 0 ? wire : null,
          binaryBytes: buffer.byteLength,
          serverCache: (res.headers.get("x-surface-cache") as "hit" | "miss" | null) ?? null,
        }));
        const msg: ToWorker = { type: "load", seq: load, buffer };
        workerRef.current?.postMessage(msg, [buffer]);
      } catch (err) {
        if (abort.signal.aborted) return;
        setError((err as Error).message);
        setStatus("error");
      }
    })();
    return () => abort.abort();
    // The request body is the scenario as it is when its fetch key changes; weights alone never refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetchKey, enabled]);

  // Rescore in the worker whenever the weights, method, missing policy or ramp change.
  const weightsKey = useMemo(() => {
    if (!header || !scenario) return null;
    const byId = new Map(scenario.criteria.map((c) => [c.id, opts.weights?.[c.id] ?? c.weight]));
    const m = scenario.method;
    return JSON.stringify({
      weights: header.criteria.map((c) => byId.get(c.id) ?? 0),
      missing: scenario.missing,
      method: m.method,
      lambda: m.method === "waspas" ? m.lambda : undefined,
      ramp,
    });
  }, [header, scenario, opts.weights, ramp]);

  useEffect(() => {
    if (!weightsKey || !workerRef.current || loadedSeq !== seq.current.load) return;
    const w = JSON.parse(weightsKey) as { weights: number[]; missing: Scenario["missing"]; method: Scenario["method"]["method"]; lambda?: number; ramp: RampMode };
    if (!w.weights.some((x) => x > 0)) {
      setError("All weights are 0: give at least one criterion a weight above 0.");
      setStatus("error");
      return;
    }
    const msg: ToWorker = { type: "score", seq: ++seq.current.score, surface: loadedSeq, weights: w.weights, missing: w.missing, method: w.method, ...(w.lambda !== undefined ? { lambda: w.lambda } : {}), ramp: w.ramp };
    setStatus((s) => (s === "ready" || s === "fetching" || s === "error" ? "scoring" : s));
    workerRef.current.postMessage(msg);
  }, [weightsKey, loadedSeq]);

  // Opacity and visibility (hidden too while there is no scenario).
  useEffect(() => {
    if (!map || !hasLayer || !map.getLayer(SURFACE_LAYER)) return;
    map.setPaintProperty(SURFACE_LAYER, "raster-opacity", opacity);
    map.setLayoutProperty(SURFACE_LAYER, "visibility", enabled ? "visible" : "none");
  }, [map, hasLayer, opacity, enabled]);

  // The cell under the pointer, asked of the worker (one request in flight at a time).
  useEffect(() => {
    if (!map || !visible || !header) {
      setHover(null);
      return;
    }
    let frame = 0;
    const onMove = (e: MapMouseEvent) => {
      hoverPoint.current = { x: e.point.x, y: e.point.y };
      const { lat } = e.lngLat;
      const lon = e.lngLat.wrap().lng;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const msg: ToWorker = { type: "probe", seq: ++seq.current.probe, lat, lon };
        workerRef.current?.postMessage(msg);
      });
    };
    const onOut = () => {
      cancelAnimationFrame(frame);
      seq.current.probe++;
      hoverPoint.current = null;
      setHover(null);
    };
    map.on("mousemove", onMove);
    map.on("mouseout", onOut);
    return () => {
      map.off("mousemove", onMove);
      map.off("mouseout", onOut);
      onOut();
    };
  }, [map, visible, header]);

  const busy = enabled && (status === "fetching" || status === "scoring");
  return { status: enabled ? status : "off", progress: busy ? progress : null, error, header, stats, domain, timings, hover };
}
