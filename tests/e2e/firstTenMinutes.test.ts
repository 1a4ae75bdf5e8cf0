/**
 * Issue 16 in a real browser on the production build: a first ranking within three clicks of opening
 * the app in a fresh profile; the surface drawn in under 5 s on the first try with a fresh disk
 * cache, as `npm start` serves a fresh install (the cooling, model and distance grids come
 * precomputed with the data); an inspector whose criteria
 * fit one screen, without layers that have no data in this build. Screenshots go to artifacts/e2e.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firstMap, firstRanking, firstSurface, inspectPoint, type Steps } from "./firstTenMinutes";
import { ARTIFACTS, externalRequests, startHarness, type Harness } from "./harness";

let h: Harness;
let page: Page;
const cacheDir = mkdtempSync(path.join(os.tmpdir(), "siting-fresh-cache-"));
const steps: Steps = { clicks: 0 };

beforeAll(async () => {
  // A fresh install as `npm start` runs it: a fresh disk cache, and the start-up warm-up on (the
  // harness turns it off for other tests). With the grids precomputed by the pipeline the warm-up
  // only reads them (about a second), where it used to compute for a minute and more.
  h = await startHarness({ env: { CACHE_DIR: cacheDir, SITING_NO_WARMUP: "" } });
  page = await h.newPage(); // the harness's browser profile is brand new: a first visit
  mkdirSync(ARTIFACTS, { recursive: true });
}, 120_000);
afterAll(async () => {
  await h?.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe("the first ten minutes", () => {
  it("offers the demonstration project and an empty project on a first visit, with grid carbon and its legend on the map", async () => {
    await firstMap(page, h.baseUrl);
    const first = page.getByTestId("first-screen");
    expect(await first.getByRole("button", { name: "Open the demonstration project" }).isVisible()).toBe(true);
    expect(await first.getByRole("button", { name: "Start an empty project" }).isVisible()).toBe(true);
    expect(await page.getByTestId("getting-started").locator("li").count()).toBe(3);
    expect(await page.getByTestId("map-legend").textContent()).toMatch(/Grid carbon intensity.*gCO2eq\/kWh/s);
    expect(new URL(page.url()).searchParams.get("layers")).toMatch(/^carbon\.grid_intensity:/);
    await page.screenshot({ path: path.join(ARTIFACTS, "first-screen.png") });
  });

  it("shows a first ranking within three clicks", async () => {
    const { rows } = await firstRanking(page, steps);
    expect(rows).toBe(10);
    expect(steps.clicks).toBeLessThanOrEqual(3);
    // It is a saved project like any other: its id in the URL once autosaved.
    await expect.poll(() => page.getByTestId("save-status").textContent(), { timeout: 20_000 }).toBe("All changes saved");
    expect(new URL(page.url()).searchParams.get("project")).toMatch(/^[A-Za-z0-9_-]{22}$/);
    await page.screenshot({ path: path.join(ARTIFACTS, "first-ranking.png") });
  });

  it("draws the surface in under 5 s on the first try with a fresh disk cache", async () => {
    const { ms, legend } = await firstSurface(page, steps);
    expect(legend).toMatch(/cells scored/);
    expect(ms, `surface legend: ${legend}`).toBeLessThan(5000);
    await page.screenshot({ path: path.join(ARTIFACTS, "first-surface.png") });
  });

  it("inspects a point with the active criteria first, fitting one screen, and no layer that has no data in this build", async () => {
    await page.getByTestId("surface-toggle").uncheck();
    await inspectPoint(page, 39.04, -77.49);
    const criteria = page.getByTestId("inspector-criteria");
    const ids = await criteria.locator("tbody tr[data-layer]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-layer")));
    expect(ids[0]).toBe("carbon.grid_intensity"); // the training preset's first criterion
    expect(ids.length).toBeGreaterThanOrEqual(5);
    const box = (await criteria.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    expect(await page.getByTestId("inspector").locator('[data-layer="risk.climate_readiness"]').count()).toBe(0);
    expect(await page.getByTestId("inspector-missing").textContent()).toMatch(/ND-GAIN|climate readiness/i);
    // Provenance sits behind the row's source chip.
    const row = criteria.locator('tr[data-layer="carbon.grid_intensity"]');
    expect(await page.locator(".prov-row").count()).toBe(0);
    await row.locator(".source-chip").click();
    expect(await criteria.locator(".prov-row").textContent()).toMatch(/Electricity Maps/);
    await page.screenshot({ path: path.join(ARTIFACTS, "first-inspector.png") });
  });

  it("made no request outside localhost and raised no page error", () => {
    expect(externalRequests(h)).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
