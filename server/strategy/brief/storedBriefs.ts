/**
 * Strategy briefs as the API uses them: make one from a request (profile the region, compare the
 * regions, solve the plan — all recomputed here, never taken from the client), store it with a read
 * token, open it by token, and render it as a PDF or JSON. Request errors are input errors naming
 * the field of the brief request ("plan.candidates.region.key: …").
 */
import { percentPoints } from "@/server/scoring";
import type { Kysely } from "kysely";
import pkg from "@/package.json";
import { loadBrief, saveBrief, type BriefMeta } from "@/server/db/briefs";
import type { Database } from "@/server/db/schema";
import { InputError } from "@/server/errors";
import { hasPowerMarketLayers, powerMarketAtPoints } from "@/server/layers/powerMarket";
import type { LayerStore } from "@/server/layers/store";
import { countryOutlines } from "@/server/documents/countries";
import { briefFigures, type BriefFigures } from "@/server/strategy/brief/figures";
import { SCORE_EXCLUDED } from "@/server/scoring/surfaceScore";
import { describeCriteria } from "@/server/siting/evaluate";
import { scoredSurfaceFor } from "@/server/siting/surfaceQueries";
import { assembleBrief } from "@/server/strategy/brief/assemble";
import type { BriefRaster, StrategyBriefContent } from "@/server/strategy/brief/content";
import { readStoredBrief } from "@/server/strategy/brief/storedContent";
import type { BriefRequest } from "@/server/strategy/brief/request";
import { cellAreaKm2, resolveRegion } from "@/server/strategy/regions";
import { compareRegions, planCapacity, regionProfile } from "@/server/strategy/regionalPlanning";

/** Most blocks on the region map: the 0.25° cells are merged 2×2, 4×4, … until the region fits. */
export const MAX_RASTER_BLOCKS = 6000;

/**
 * The region's scores on a coarse grid for the brief's map: land cells merged into square blocks of
 * 2^k cells a side (the fewest merges that give at most `maxBlocks` blocks), each the area-weighted
 * mean score (0–100, one decimal) of its land passing the constraints, or null when most of its land
 * is excluded or has no data.
 */
export function regionRaster(store: LayerStore, cells: Int32Array, scores: Float32Array, maxBlocks = MAX_RASTER_BLOCKS): BriefRaster {
  const g = store.grid, fraction = store.landFraction();
  const centres = Array.from(cells, (li) => g.centreOfLand(li));
  for (let f = 1; ; f *= 2) {
    const deg = g.cellDeg * f;
    const key = (lat: number, lon: number) => Math.floor((g.north - lat) / deg) * 100_000 + Math.floor((((lon - g.west) % 360) + 360) % 360 / deg);
    const blocks = new Map<number, { pass: number; other: number; sum: number }>();
    centres.forEach((c, k) => {
      const li = cells[k]!;
      const a = cellAreaKm2(c.lat, g.cellDeg) * fraction[li]!;
      const kk = key(c.lat, c.lon);
      const b = blocks.get(kk) ?? { pass: 0, other: 0, sum: 0 };
      const s = scores[li]!;
      if (s === s && s !== SCORE_EXCLUDED) {
        b.pass += a;
        b.sum += a * s;
      } else b.other += a;
      blocks.set(kk, b);
    });
    if (blocks.size > maxBlocks && deg < 16) continue;
    const out: BriefRaster["cells"] = [];
    for (const [kk, b] of [...blocks].sort((x, y) => x[0] - y[0])) {
      const row = Math.floor(kk / 100_000), col = kk - row * 100_000;
      const lat = g.north - (row + 0.5) * deg;
      let lon = g.west + (col + 0.5) * deg;
      if (lon > 180) lon -= 360;
      out.push([Math.round(lat * 1000) / 1000, Math.round(lon * 1000) / 1000, b.pass > 0 && b.pass >= b.other ? percentPoints(b.sum / b.pass) : null]);
    }
    return { cellDeg: deg, cells: out };
  }
}

/**
 * Runs a step of the brief with its input errors under the step's field of the brief request
 * ("compare.regions.1.key", "plan.markets"); scenario errors keep their path, since the scenario is
 * the brief's own top-level field.
 */
async function underStep<T>(step: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof InputError && !/^scenario(\.|$)/.test(err.path)) throw err.within(step);
    throw err;
  }
}

/** Computes everything a brief shows and assembles it (no storage). */
export async function buildBrief(store: LayerStore, request: BriefRequest, opts: { generatedAt?: string } = {}): Promise<StrategyBriefContent> {
  const { scenario } = request;
  const profile = await regionProfile(store, request.region, scenario, request.candidateAreas);
  // The same (cached) surface the profile used, for the map's blocks.
  const { scores } = await scoredSurfaceFor(store, scenario);
  const raster = regionRaster(store, resolveRegion(store, request.region).cells, scores);

  const comparison = request.compare
    ? await compareRegions(store, request.compare.regions, scenario, request.compare.candidateAreas, "compare.regions")
    : null;
  const plan = request.plan ? await underStep("plan", () => planCapacity(store, { ...request.plan!, scenario })) : null;
  return assembleBrief({
    request,
    criteria: describeCriteria(store, scenario),
    profile,
    raster,
    comparison,
    plan,
    powerMarket: hasPowerMarketLayers(store) ? powerMarketAtPoints(store, profile.candidateAreas) : null,
    manifest: store.manifest,
    app: { name: pkg.name, version: pkg.version },
    generatedAt: opts.generatedAt ?? new Date().toISOString(),
  });
}

export interface CreatedBrief { id: string; token: string; title: string; createdAt: string }

/** Makes and stores a brief; returns its id and read token (the token is shown once). */
export async function createBrief(store: LayerStore, db: Kysely<Database>, request: BriefRequest): Promise<CreatedBrief> {
  const content = await buildBrief(store, request);
  const r = content.reproducibility;
  const saved = await saveBrief(db, {
    title: content.title, regionName: content.profile.regionName, createdAt: r.generatedAt,
    appVersion: r.appVersion, dataHash: r.dataManifestHash, inputsHash: r.inputsHash, content,
  });
  return { ...saved, title: content.title };
}

/** Opens a stored brief with its read token (NotFoundError, ForbiddenError). */
export async function getBrief(db: Kysely<Database>, id: string, token: string): Promise<{ meta: BriefMeta; content: StrategyBriefContent }> {
  const { meta, content } = await loadBrief(db, id, token);
  return { meta, content: readStoredBrief(content) };
}

/** The figures of a stored brief, drawn over the current data build's country outlines. */
export function briefFiguresFor(store: LayerStore, content: StrategyBriefContent): BriefFigures {
  return briefFigures(content, { countries: countryOutlines(store) });
}

export const BRIEF_FORMATS = ["pdf", "json"] as const;
export type BriefFormat = (typeof BRIEF_FORMATS)[number];

/** A file name from the brief's title: ASCII letters, digits and dashes only (safe in any header). */
export function briefFileName(content: StrategyBriefContent, format: BriefFormat): string {
  const base = content.profile.regionName.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "region";
  return `strategy-brief-${base}-${content.reproducibility.generatedAt.slice(0, 10)}.${format}`;
}

/** A stored brief as a download: the PDF, or the content (inputs, results, provenance) as JSON. */
export async function renderBrief(store: LayerStore, content: StrategyBriefContent, format: BriefFormat): Promise<{ body: Uint8Array; contentType: string; fileName: string }> {
  if (format === "pdf") {
    // Loaded on demand: the PDF renderer is an ES-module graph (see server/reports/pdf/reactPdf.ts).
    const { renderBriefPdf } = await import("@/server/strategy/brief/render");
    return { body: new Uint8Array(await renderBriefPdf(content, briefFiguresFor(store, content))), contentType: "application/pdf", fileName: briefFileName(content, "pdf") };
  }
  return { body: new TextEncoder().encode(JSON.stringify(content, null, 2)), contentType: "application/json; charset=utf-8", fileName: briefFileName(content, "json") };
}
