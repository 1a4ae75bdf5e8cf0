/**
 * The first ten minutes of a new user (issue 16) as timed steps, shared by the browser tests
 * (firstTenMinutes.test.ts) and `npm run bench` (bench/firstTenMinutes.bench.ts): open the app in a
 * fresh profile, open the demonstration project, see its ranking, draw the surface, inspect a point.
 * Each step counts the clicks it makes, so "within three clicks" is measured, not assumed.
 */
import type { Page } from "playwright-core";

export interface Steps { clicks: number }

/** Navigation → MapLibre `idle` (the first rendered map), ms. */
export async function firstMap(page: Page, baseUrl: string): Promise<number> {
  const t0 = Date.now();
  await page.goto(baseUrl);
  await page.waitForSelector('[data-testid="map-status"]:text("idle")', { state: "attached", timeout: 60_000 });
  return Date.now() - t0;
}

/** From the first screen, "Open the demonstration project" → a ranking table with every demo site, ms. */
export async function firstRanking(page: Page, steps: Steps): Promise<{ ms: number; rows: number }> {
  const t0 = Date.now();
  await page.getByRole("button", { name: "Open the demonstration project" }).click({ timeout: 20_000 });
  steps.clicks++;
  const table = page.getByTestId("ranking-table");
  await table.waitFor({ timeout: 60_000 });
  // Wait for every row (the ranking of ten sites), not only the table.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="ranking-table"] tbody tr').length >= 10, null, { timeout: 60_000 });
  return { ms: Date.now() - t0, rows: await table.locator("tbody tr").count() };
}

/** The Scenario tab, tick the surface → the surface fetched, scored and painted (legend no longer busy), ms from the tick. */
export async function firstSurface(page: Page, steps: Steps): Promise<{ ms: number; legend: string }> {
  await page.getByRole("tab", { name: "Scenario" }).click();
  steps.clicks++;
  const legend = page.getByRole("figure", { name: "Legend: suitability surface" });
  const t0 = Date.now();
  await page.getByTestId("surface-toggle").check();
  steps.clicks++;
  await legend.waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => document.querySelector('figure[aria-label="Legend: suitability surface"]')?.getAttribute("aria-busy") === "false", null, { timeout: 120_000, polling: 50 });
  const ms = Date.now() - t0;
  return { ms, legend: (await legend.textContent()) ?? "" };
}

/** Types coordinates and inspects them; resolves when the criteria of the active scenario are listed. */
export async function inspectPoint(page: Page, lat: number, lon: number): Promise<void> {
  await page.getByLabel("Latitude").fill(String(lat));
  await page.getByLabel("Longitude").fill(String(lon));
  await page.getByRole("button", { name: "Inspect" }).click();
  await page.getByTestId("inspector-criteria").waitFor({ timeout: 30_000 });
}
