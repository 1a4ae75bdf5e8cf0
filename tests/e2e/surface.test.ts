/**
 * The suitability surface in a real browser on the production build served as `npm start` serves
 * it (the cluster of `next start` workers): choose a preset, tick the surface and see it painted;
 * move a weight and see the paint change; find the best locations in view and see ten new sites
 * ranked. This is the flow that broke on the production server while every handler-level test
 * passed (issue 12), so it runs against the real server and reads the real map pixels.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ARTIFACTS, externalRequests, mapSample, startHarness, type Harness } from "./harness";

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness({ cluster: true, env: { WEB_CONCURRENCY: "2" } });
  page = await h.newPage();
}, 120_000);
afterAll(async () => h?.close());

const legend = () => page.getByRole("figure", { name: "Legend: suitability surface" });

/** Waits until the surface has been fetched and painted (or failed), then for the map to go idle. */
async function surfaceSettled(): Promise<void> {
  await legend().waitFor({ timeout: 30_000 });
  await expect.poll(() => legend().getAttribute("aria-busy"), { timeout: 90_000 }).toBe("false");
  await page.waitForSelector('[data-testid="map-status"]:text("idle")', { state: "attached", timeout: 60_000 });
}

/** Share of sampled pixels whose colour moved by more than `tolerance` (sum of |ΔR|+|ΔG|+|ΔB|). */
function changedShare(a: number[], b: number[], tolerance = 24): number {
  let changed = 0;
  for (let i = 0; i < a.length; i += 3) {
    if (Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!) > tolerance) changed++;
  }
  return changed / (a.length / 3);
}

describe("suitability surface in the browser", () => {
  let base: number[] = [];
  let painted: number[] = [];

  it("paints the surface of a preset on the map, with no error", async () => {
    await page.goto(`${h.baseUrl}/?view=3.2/52/12`);
    base = await mapSample(page);
    await page.getByRole("tab", { name: "Scenario" }).click();
    await page.getByText("AI training campus").first().click();
    await page.getByRole("button", { name: "Use “AI training campus”" }).click();
    await page.getByTestId("surface-toggle").check();
    await surfaceSettled();
    expect(await legend().getByRole("alert").allTextContents()).toEqual([]);
    expect(await legend().textContent()).toMatch(/cells scored; scores \d+–\d+/);
    painted = await mapSample(page);
    // Most of the land in view is now coloured by the ramp.
    expect(changedShare(base, painted)).toBeGreaterThan(0.15);
    const colours = new Set<string>();
    for (let i = 0; i < painted.length; i += 3) colours.add(`${painted[i]! >> 3},${painted[i + 1]! >> 3},${painted[i + 2]! >> 3}`);
    expect(colours.size).toBeGreaterThan(40);
    await page.screenshot({ path: path.join(ARTIFACTS, "surface-preset.png") });
  });

  it("repaints when a weight moves", async () => {
    await page.getByLabel("Electricity price for large users", { exact: true }).fill("100");
    await expect.poll(async () => changedShare(painted, await mapSample(page)), { timeout: 30_000 }).toBeGreaterThan(0.05);
    await surfaceSettled();
    expect(await legend().getByRole("alert").allTextContents()).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, "surface-reweighted.png") });
  });

  it("adds the best ten locations in view as sites, and ranks them", async () => {
    await page.getByRole("button", { name: "Add the best 10 as candidate sites" }).click();
    await expect.poll(() => page.getByRole("tab", { name: /Sites/ }).textContent(), { timeout: 60_000 }).toBe("Sites (10)");
    expect(await page.locator(".best-locations [role=status]").textContent()).toMatch(/^Added 10 candidate sites/);
    await page.getByRole("tab", { name: "Ranking" }).click();
    await page.getByTestId("ranking-table").waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId("ranking-table").locator("tbody tr").count(), { timeout: 60_000 }).toBe(10);
    const ranks = await page.getByTestId("ranking-table").locator("tbody tr td:nth-child(2)").allTextContents();
    expect(ranks.map(Number).filter((r) => r >= 1).length).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(ARTIFACTS, "surface-best-ten.png") });
  });

  it("made no request outside the app and raised no page error", () => {
    expect(externalRequests(h)).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
