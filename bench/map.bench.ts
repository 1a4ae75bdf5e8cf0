/**
 * Map benchmarks (issue 3), in Debian Chromium against the production build: time from navigation
 * to the first fully rendered map (MapLibre `idle`), and bytes transferred on first load, split
 * into the map library (maplibre-gl code and worker), other code, and data (JSON, images, fonts) —
 * at the opening view and at a planner's view, zoom 9 over Ashburn (issue 16), where the regional
 * base-map tiles load.
 */
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { startHarness } from "../tests/e2e/harness";
import type { BenchRow } from "./types";

export const name = "map";

const ROOT = path.resolve(__dirname, "..");

export async function run(): Promise<BenchRow[]> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (r.status !== 0) throw new Error("next build failed");
  }
  const h = await startHarness();
  try {
    // Warm the server (first request after start computes model grids), then measure cold browser loads.
    const warm = await h.newPage();
    await warm.goto(h.baseUrl);
    await warm.waitForSelector('[data-testid="map-status"]:text("idle")', { state: "attached", timeout: 60_000 });
    await warm.close();

    const opening = await coldLoads(h, h.baseUrl);
    // A planner's view (issue 16): zoom 9 over Ashburn, where the regional base-map tiles load.
    const regional = await coldLoads(h, `${h.baseUrl}/?view=9/39.04/-77.49`);
    const mib = (b: number) => b / 2 ** 20;
    const firstLoad = mib(opening.bytes.data + opening.bytes.code);
    const everything = mib(opening.bytes.data + opening.bytes.code + opening.bytes.library);
    return [
      { figure: "time to first rendered map (navigation → MapLibre idle, median of 3 cold loads)", value: opening.ms, unit: "ms", target: "", pass: null },
      { figure: "first load excluding the map library (app code + data)", value: firstLoad, unit: "MiB", target: "< 5 MiB", pass: firstLoad < 5 },
      { figure: "… of which data (geometry, labels, fonts, tiles)", value: mib(opening.bytes.data), unit: "MiB", target: "", pass: null },
      { figure: "map library (maplibre-gl code and worker), for reference", value: mib(opening.bytes.library), unit: "MiB", target: "", pass: null },
      { figure: "first load, everything until the map is idle (opening view)", value: everything, unit: "MiB", target: "< 5 MiB", pass: everything < 5 },
      { figure: "time to first rendered map at zoom 9 over Ashburn (cold, median of 3)", value: regional.ms, unit: "ms", target: "", pass: null },
      { figure: "… bytes until idle there, everything", value: mib(regional.bytes.data + regional.bytes.code + regional.bytes.library), unit: "MiB", target: "< 5 MiB", pass: mib(regional.bytes.data + regional.bytes.code + regional.bytes.library) < 5 },
      { figure: "… of which base-map vector tiles", value: mib(regional.bytes.basemap), unit: "MiB", target: "", pass: null, note: `${regional.basemapTiles} tiles` },
    ];
  } finally {
    await h.close();
  }
}

interface ColdLoad { ms: number; bytes: { library: number; code: number; data: number; basemap: number }; basemapTiles: number }

/** Three loads of `url` in brand-new browser profiles (empty cache): median time to idle, bytes of the last. */
async function coldLoads(h: Awaited<ReturnType<typeof startHarness>>, url: string): Promise<ColdLoad> {
  const times: number[] = [];
  let last: Omit<ColdLoad, "ms"> = { bytes: { library: 0, code: 0, data: 0, basemap: 0 }, basemapTiles: 0 };
  for (let run = 0; run < 3; run++) {
    const { page, close } = await h.isolatedPage();
    // Playwright reports requests from the page and its workers (MapLibre fetches GeoJSON and tiles in a worker).
    const responses: Promise<{ url: string; size: number }>[] = [];
    page.on("requestfinished", (req) => responses.push(req.sizes().then((s) => ({ url: req.url(), size: s.responseBodySize + s.responseHeadersSize }))));
    const t0 = Date.now();
    await page.goto(url);
    await page.waitForSelector('[data-testid="map-status"]:text("idle")', { state: "attached", timeout: 60_000 });
    times.push(Date.now() - t0);
    const split = { library: 0, code: 0, data: 0, basemap: 0 };
    let basemapTiles = 0;
    for (const { url: u, size } of await Promise.all(responses)) {
      if (/\.m?js(\?|$)/.test(u)) {
        const isLibrary = u.includes("maplibre-gl-worker") || (await isMapLibreChunk(h.baseUrl, u));
        if (isLibrary) split.library += size;
        else split.code += size;
      } else {
        split.data += size;
        if (u.includes("/api/basemap/")) { split.basemap += size; basemapTiles++; }
      }
    }
    last = { bytes: split, basemapTiles };
    await close();
  }
  times.sort((a, b) => a - b);
  return { ms: times[1]!, ...last };
}

const chunkCache = new Map<string, boolean>();
async function isMapLibreChunk(base: string, url: string): Promise<boolean> {
  if (!url.startsWith(base)) return false;
  if (!chunkCache.has(url)) {
    const text = await (await fetch(url)).text();
    chunkCache.set(url, text.includes("maplibre") && text.length > 300_000);
  }
  return chunkCache.get(url)!;
}
