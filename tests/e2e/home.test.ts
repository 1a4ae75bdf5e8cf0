/** The stack end to end in a real browser: the page, the map, tRPC sampling, no network beyond localhost. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import path from "node:path";
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
    const { colours, counts } = await mapPixels(page);
    expect(colours).toBeGreaterThan(10);
    // The land fill colour #f4f1ea covers a good part of a world view.
    expect(counts["244,241,234"] ?? 0).toBeGreaterThan(1000);
    await page.screenshot({ path: path.join(ARTIFACTS, "home.png") });
  });

  it("inspects a point typed as coordinates: Oslo shows its grid zone, low carbon intensity and sources", async () => {
    const page = await h.newPage();
    await page.goto(h.baseUrl);
    await page.getByLabel("Latitude").fill("59.91");
    await page.getByLabel("Longitude").fill("10.75");
    await page.getByRole("button", { name: "Inspect" }).click();
    const cell = page.getByTestId("value-carbon.grid_intensity");
    await cell.waitFor();
    const text = await cell.textContent();
    const gco2 = Number(text!.split(" ")[0]);
    expect(gco2).toBeLessThan(60);
    await expect.poll(() => page.getByTestId("inspector").textContent()).toContain("NO-NO1");
    expect(await page.getByTestId("inspector").textContent()).toContain("Norway");
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
