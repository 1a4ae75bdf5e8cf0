/**
 * Map benchmarks (issue 3), in Debian Chromium against the production build: time from navigation
 * to the first fully rendered map (MapLibre `idle`), and bytes transferred on first load, split
 * into the map library (maplibre-gl code and worker), other code, and data (JSON, images, fonts).
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

    const times: number[] = [];
    let bytes = { library: 0, code: 0, data: 0 };
    for (let run = 0; run < 3; run++) {
      const { page, close } = await h.isolatedPage(); // empty cache: a true first load
      // Playwright reports requests from the page and its workers (MapLibre fetches GeoJSON in a worker).
      const responses: Promise<{ url: string; size: number }>[] = [];
      page.on("requestfinished", (req) => responses.push(req.sizes().then((s) => ({ url: req.url(), size: s.responseBodySize + s.responseHeadersSize }))));
      const t0 = Date.now();
      await page.goto(h.baseUrl);
      await page.waitForSelector('[data-testid="map-status"]:text("idle")', { state: "attached", timeout: 60_000 });
      times.push(Date.now() - t0);
      const split = { library: 0, code: 0, data: 0 };
      for (const { url, size } of await Promise.all(responses)) {
        if (/\.m?js(\?|$)/.test(url)) {
          const isLibrary = url.includes("maplibre-gl-worker") || (await isMapLibreChunk(h.baseUrl, url));
          if (isLibrary) split.library += size;
          else split.code += size;
        } else split.data += size;
      }
      bytes = split;
      await close();
    }
    times.sort((a, b) => a - b);
    const mib = (b: number) => b / 2 ** 20;
    const firstLoad = mib(bytes.data + bytes.code);
    return [
      { figure: "time to first rendered map (navigation → MapLibre idle, median of 3 cold loads)", value: times[1]!, unit: "ms", target: "", pass: null },
      { figure: "first load excluding the map library (app code + data)", value: firstLoad, unit: "MiB", target: "< 5 MiB", pass: firstLoad < 5 },
      { figure: "… of which data (geometry, labels, fonts, tiles)", value: mib(bytes.data), unit: "MiB", target: "", pass: null },
      { figure: "map library (maplibre-gl code and worker), for reference", value: mib(bytes.library), unit: "MiB", target: "", pass: null },
    ];
  } finally {
    await h.close();
  }
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
