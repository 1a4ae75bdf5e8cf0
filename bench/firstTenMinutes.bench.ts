/**
 * The first ten minutes of a new user (issue 16), in Debian Chromium against the production build
 * served as `npm start` serves a fresh install (empty disk cache, warm-up at start): time to the first
 * rendered map, to the first ranking of the demonstration project (one click on the first screen),
 * and to the first suitability surface; plus the surface request alone on the server. The steps are
 * the browser tests' (tests/e2e/firstTenMinutes.ts).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { firstMap, firstRanking, firstSurface, type Steps } from "../tests/e2e/firstTenMinutes";
import { startHarness } from "../tests/e2e/harness";
import type { BenchRow } from "./types";

export const name = "firstTenMinutes";

const ROOT = path.resolve(__dirname, "..");

export async function run(): Promise<BenchRow[]> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (r.status !== 0) throw new Error("next build failed");
  }
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), "bench-fresh-cache-"));
  // As `npm start` serves a fresh install: empty disk cache, start-up warm-up on (it now only reads the precomputed grids).
  const h = await startHarness({ env: { CACHE_DIR: cacheDir, SITING_NO_WARMUP: "" } });
  try {
    const { page, close } = await h.isolatedPage(); // a first visit: empty browser profile
    const steps: Steps = { clicks: 0 };
    const mapMs = await firstMap(page, h.baseUrl);
    const ranking = await firstRanking(page, steps);
    const clicksToRanking = steps.clicks;
    const surface = await firstSurface(page, steps);
    await close();

    // The surface request alone on a second fresh server without warm-up (no page has loaded anything yet): the worst case.
    const serverCache = mkdtempSync(path.join(os.tmpdir(), "bench-fresh-cache-"));
    const h2 = await startHarness({ env: { CACHE_DIR: serverCache }, browser: false });
    let serverMs: number | null = null;
    try {
      const presets = await (await fetch(`${h2.baseUrl}/api/trpc/scoring.presets`)).json() as { result: { data: { id: string; scenario: unknown }[] } };
      const scenario = presets.result.data.find((p) => p.id === "ai-training")!.scenario;
      const t0 = performance.now();
      const res = await fetch(`${h2.baseUrl}/api/surface`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(scenario) });
      await res.arrayBuffer();
      if (res.ok) serverMs = Math.round(performance.now() - t0);
    } finally {
      await h2.close();
      rmSync(serverCache, { recursive: true, force: true });
    }
    return [
      { figure: "first visit: navigation → first rendered map (MapLibre idle, grid carbon shown)", value: mapMs, unit: "ms", target: "", pass: null },
      { figure: "first visit: “Open the demonstration project” → ranking of its 10 sites", value: ranking.ms, unit: "ms", target: "", pass: null },
      { figure: "… navigation → first ranking (map, then one click)", value: mapMs + ranking.ms, unit: "ms", target: "", pass: null },
      { figure: "clicks from opening the app to the first ranking", value: clicksToRanking, unit: "clicks", target: "≤ 3", pass: clicksToRanking <= 3 },
      { figure: "first surface on a fresh disk cache (tick → surface painted, browser)", value: surface.ms, unit: "ms", target: "< 5000 ms", pass: surface.ms < 5000 },
      { figure: "… the surface request alone, fresh server and cache, no warm-up (AI training preset)", value: serverMs, unit: "ms", target: "", pass: null },
    ];
  } finally {
    await h.close();
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
