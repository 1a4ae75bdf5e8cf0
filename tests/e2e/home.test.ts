/** The stack end to end in a real browser: the page, the map, tRPC sampling, no network beyond localhost. */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, externalRequests, mapPixels, startHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => h?.close());

describe("home page", () => {
  it("renders a non-blank map from local data only", async () => {
    const page = await h.newPage();
    await page.goto(h.baseUrl);
    const { colours } = await mapPixels(page);
    expect(colours).toBeGreaterThan(10);
    await page.screenshot({ path: path.join(ARTIFACTS, "home.png") });
  });

  it("inspects a point typed as coordinates through tRPC", async () => {
    const page = await h.newPage();
    await page.goto(h.baseUrl);
    await page.getByLabel("Latitude").fill("1.29");
    await page.getByLabel("Longitude").fill("103.85");
    await page.getByRole("button", { name: "Inspect" }).click();
    const cell = page.getByTestId("value-cooling.annual_mean_temp_c");
    await expect.poll(() => cell.textContent(), { timeout: 20_000 }).toMatch(/°C/);
    expect(Number((await cell.textContent())!.split(" ")[0])).toBeGreaterThan(26);
    expect(await page.getByTestId("inspector").textContent()).toContain("Singapore");
  });

  it("rejects bad coordinates in the form with a clear message", async () => {
    const page = await h.newPage();
    await page.goto(h.baseUrl);
    await page.getByLabel("Latitude").fill("95");
    await page.getByLabel("Longitude").fill("10");
    await page.getByRole("button", { name: "Inspect" }).click();
    expect(await page.getByTestId("form-error").textContent()).toMatch(/Latitude must be/);
  });

  it("made no request outside localhost and raised no page error", () => {
    expect(externalRequests(h)).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
