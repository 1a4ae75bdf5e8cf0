/**
 * Browser-test harness: the production build served by `next start` on a free loopback port, and
 * Debian's Chromium driven by playwright-core (never a downloaded browser). Records every request
 * so tests can assert nothing leaves localhost, and every page error.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { freePort } from "../helpers/freePort";

const ROOT = path.resolve(__dirname, "../..");
export const ARTIFACTS = path.join(ROOT, "artifacts", "e2e");

export const CHROMIUM_FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--enable-unsafe-swiftshader", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];


export interface Harness {
  baseUrl: string;
  context: BrowserContext;
  /** The `next start` process (its group is killed on close). */
  server: ChildProcess;
  /** Every URL the browser requested since the harness started. */
  requests: string[];
  pageErrors: string[];
  newPage(): Promise<Page>;
  /** A page in a brand-new browser profile (empty cache), closed by the returned function. */
  isolatedPage(): Promise<{ page: Page; close: () => Promise<void> }>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  /** Use (and keep) this data folder instead of a fresh temporary one (restart tests). */
  dataDir?: string;
  /** Start only the server, no browser (API-level tests). */
  browser?: boolean;
  /** Serve as `npm start` does, with a worker per core (scripts/serve.mjs), instead of one `next start`. */
  cluster?: boolean;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("No production build: run `npm run build` first (npm test does).");
  const port = await freePort();
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(os.tmpdir(), "siting-e2e-data-"));
  const command = opts.cluster ? [path.join(ROOT, "scripts/serve.mjs")] : [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"];
  const server: ChildProcess = spawn(process.execPath, command, {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    // A fresh database per run, but the shared recomputable cache (model grids, surfaces) of unit tests.
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, CACHE_DIR: path.join(ROOT, ".data", "cache"), SITING_NO_WARMUP: "1", ...opts.env },
  });
  let serverLog = "";
  server.stdout?.on("data", (d) => (serverLog += d));
  server.stderr?.on("data", (d) => (serverLog += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(baseUrl)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline || server.exitCode !== null) throw new Error(`next start did not come up on ${baseUrl}:\n${serverLog}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const launch = (dir: string) => chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 720 },
  });
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), "siting-chromium-"));
  const context = opts.browser === false ? null : await launch(userDataDir);
  const requests: string[] = [];
  const pageErrors: string[] = [];
  context?.on("request", (r) => requests.push(r.url()));
  context?.on("page", (p) => p.on("pageerror", (e) => pageErrors.push(String(e))));
  return {
    baseUrl,
    context: context!,
    server,
    requests,
    pageErrors,
    async newPage() {
      if (!context) throw new Error("started without a browser");
      const page = await context.newPage();
      page.on("pageerror", (e) => pageErrors.push(String(e)));
      return page;
    },
    async isolatedPage() {
      const dir = mkdtempSync(path.join(os.tmpdir(), "siting-chromium-"));
      const ctx = await launch(dir);
      const page = await ctx.newPage();
      return {
        page,
        close: async () => {
          await ctx.close().catch(() => {});
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
    async close() {
      await context?.close().catch(() => {});
      try {
        process.kill(-server.pid!, "SIGTERM");
      } catch {
        // already gone
      }
      rmSync(userDataDir, { recursive: true, force: true });
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Requests that left the app's own origin (data: and blob: URLs are local). */
export function externalRequests(h: Harness): string[] {
  return h.requests.filter((u) => !u.startsWith(h.baseUrl) && !u.startsWith("data:") && !u.startsWith("blob:"));
}

/** Waits for the map to report idle, then counts distinct colours and pixels in its canvas. */
export async function mapPixels(page: Page): Promise<{ colours: number; pixels: number; counts: Record<string, number> }> {
  await page.waitForSelector('[data-testid="map-status"]:text("idle")', { state: "attached", timeout: 60_000 });
  return page.evaluate(() => {
    const canvas = document.querySelector("canvas.maplibregl-canvas") as HTMLCanvasElement;
    const c2 = document.createElement("canvas");
    c2.width = canvas.width;
    c2.height = canvas.height;
    const ctx = c2.getContext("2d")!;
    ctx.drawImage(canvas, 0, 0);
    const data = ctx.getImageData(0, 0, c2.width, c2.height).data;
    const counts: Record<string, number> = {};
    for (let i = 0; i < data.length; i += 4 * 7) {
      const key = `${data[i]},${data[i + 1]},${data[i + 2]}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return { colours: Object.keys(counts).length, pixels: data.length / 4, counts };
  });
}

/** Waits for the map to report idle, then returns every 7th pixel of its canvas as R,G,B triples. */
export async function mapSample(page: Page): Promise<number[]> {
  await page.waitForSelector('[data-testid="map-status"]:text("idle")', { state: "attached", timeout: 60_000 });
  return page.evaluate(() => {
    const canvas = document.querySelector("canvas.maplibregl-canvas") as HTMLCanvasElement;
    const c2 = document.createElement("canvas");
    c2.width = canvas.width;
    c2.height = canvas.height;
    const ctx = c2.getContext("2d")!;
    ctx.drawImage(canvas, 0, 0);
    const data = ctx.getImageData(0, 0, c2.width, c2.height).data;
    const out: number[] = [];
    for (let i = 0; i < data.length; i += 4 * 7) out.push(data[i]!, data[i + 1]!, data[i + 2]!);
    return out;
  });
}
