/**
 * The map workspace in a real browser (Debian Chromium via playwright-core): offline map, layer
 * toggles that change pixels, the inspector at a known place, shareable URL state, hover readout,
 * accessibility (axe-core), and no request beyond localhost. Saves a screenshot per category.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trpcCall } from "./browserFetch";
import { ARTIFACTS, externalRequests, mapPixels, startHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => h?.close());

async function open(query = ""): Promise<Page> {
  const page = await h.newPage();
  await page.goto(`${h.baseUrl}/${query}`);
  await mapPixels(page);
  await page.getByRole("tab", { name: "Layers" }).click();
  return page;
}

/** Share of sampled pixels whose colour changed between two histograms. */
function histogramDistance(a: Record<string, number>, b: Record<string, number>): number {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  let diff = 0, total = 0;
  for (const k of keys) {
    diff += Math.abs((a[k] ?? 0) - (b[k] ?? 0));
    total += (a[k] ?? 0) + (b[k] ?? 0);
  }
  return diff / total;
}

describe("map workspace", () => {
  it("shows a non-blank offline base map with country outlines", async () => {
    const page = await open("?view=1.3/30/10&layers="); // the base map alone (a first visit adds grid carbon)
    const { colours, counts } = await mapPixels(page);
    expect(colours).toBeGreaterThan(10);
    expect(counts["244,241,234"] ?? 0).toBeGreaterThan(1000); // land fill
    expect(counts["223,233,242"] ?? 0).toBeGreaterThan(1000); // sea
  });

  it("toggling a gridded layer and a polygon layer changes the map's pixels", async () => {
    const page = await open("?view=2/45/10&layers=");
    const before = (await mapPixels(page)).counts;
    await page.getByLabel("Air-side free-cooling hours", { exact: true }).check();
    await page.waitForTimeout(300);
    const withGrid = (await mapPixels(page)).counts;
    expect(histogramDistance(before, withGrid)).toBeGreaterThan(0.2);
    await page.getByLabel("Air-side free-cooling hours", { exact: true }).uncheck();
    await page.getByLabel("Grid carbon intensity (lifecycle, consumption-based)", { exact: true }).check();
    await page.waitForTimeout(300);
    const withZones = (await mapPixels(page)).counts;
    expect(histogramDistance(before, withZones)).toBeGreaterThan(0.2);
    expect(histogramDistance(withGrid, withZones)).toBeGreaterThan(0.2);
    // The opacity control is labelled and changes the rendering too.
    await page.getByLabel("Opacity for Grid carbon intensity (lifecycle, consumption-based)").fill("20");
    await page.waitForTimeout(300);
    expect(histogramDistance(withZones, (await mapPixels(page)).counts)).toBeGreaterThan(0.05);
  });

  it("clicking Oslo opens the inspector with Norway, zone NO-NO1, a low-carbon grid and a cold climate", async () => {
    const page = await open("?view=6/59.91/10.75");
    const canvas = page.locator("canvas.maplibregl-canvas");
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const inspector = page.getByTestId("inspector");
    await expect.poll(() => inspector.textContent(), { timeout: 20_000 }).toContain("NO-NO1");
    expect(await inspector.textContent()).toContain("Norway");
    const carbon = Number((await page.getByTestId("value-carbon.grid_intensity").textContent())!.split(" ")[0]);
    expect(carbon).toBeLessThan(60);
    const temp = Number((await page.getByTestId("value-cooling.annual_mean_temp_c").textContent())!.split(" ")[0]);
    expect(temp).toBeGreaterThan(2);
    expect(temp).toBeLessThan(9);
    expect(await page.getByTestId("value-sovereignty.regime").textContent()).toMatch(/GDPR/);
    // Provenance is one click away, behind the value's source chip: publisher and licence of the zone value.
    await inspector.locator('tr[data-layer="carbon.grid_intensity"] .source-chip').click();
    expect(await inspector.textContent()).toMatch(/Electricity Maps.*ODbL/s);
  });

  it("shows the reason instead of a number where data is missing (mid-Atlantic)", async () => {
    const page = await open("?view=2/30/-40");
    await page.getByLabel("Latitude").fill("30");
    await page.getByLabel("Longitude").fill("-40");
    await page.getByRole("button", { name: "Inspect" }).click();
    await expect.poll(() => page.getByTestId("value-cooling.annual_mean_temp_c").textContent(), { timeout: 20_000 }).toBe("no value");
    expect(await page.getByTestId("inspector").textContent()).toMatch(/at sea/);
  });

  it("keeps viewport and layers in the URL, so a link reopens the same view", async () => {
    const page = await open("?view=3/48/10&layers=risk.seismic:70");
    expect(await page.getByLabel("Seismic activity (M ≥ 6 epicentres nearby)", { exact: true }).isChecked()).toBe(true);
    await page.getByLabel("Köppen–Geiger climate class", { exact: true }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get("layers")).toBe("risk.seismic:70,cooling.koppen:80");
    await page.keyboard.press("Escape");
    const canvas = page.locator("canvas.maplibregl-canvas");
    await canvas.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => new URL(page.url()).searchParams.get("view")?.split("/")[2]).not.toBe("10.0000");
    const shared = page.url();
    const again = await h.newPage();
    await again.goto(shared);
    await mapPixels(again);
    await again.getByRole("tab", { name: "Layers" }).click();
    expect(await again.getByLabel("Köppen–Geiger climate class", { exact: true }).isChecked()).toBe(true);
    expect(new URL(again.url()).searchParams.get("view")).toBe(new URL(shared).searchParams.get("view"));
  });

  it("hovering shows the value of the focused layer", async () => {
    const page = await open("?view=4/48/2&layers=cooling.annual_mean_temp_c:80");
    const box = (await page.locator("canvas.maplibregl-canvas").boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2 + 3, box.y + box.height / 2 + 2);
    await expect.poll(() => page.locator(".map-tooltip").textContent(), { timeout: 10_000 }).toMatch(/Annual mean temperature: \d+(\.\d+)? °C/);
  });

  it("lists every dataset with licence in the sources panel, marking non-commercial ones", async () => {
    const page = await open();
    await page.getByRole("button", { name: "Sources & licences" }).click();
    const dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.locator("tbody tr").count()).toBeGreaterThan(15);
    const ix = dialog.locator('tr[data-source="telegeography-ix"]');
    expect(await ix.textContent()).toMatch(/CC BY-NC-SA 3\.0.*Non-commercial/s);
    expect(await dialog.locator('tr[data-source="electricitymaps-yearly"]').textContent()).toContain("ODbL");
  });

  it("has no serious or critical accessibility violations (axe-core), with layers on and the inspector open", async () => {
    const page = await open("?view=3/50/10&layers=carbon.grid_intensity:80,cooling.koppen:80");
    await page.getByLabel("Latitude").fill("50");
    await page.getByLabel("Longitude").fill("10");
    await page.getByRole("button", { name: "Inspect" }).click();
    // The inspector opens the categories of the layers on the map; wait for a value of one of them.
    await page.getByTestId("value-carbon.grid_intensity").waitFor();
    await page.addScriptTag({ path: path.resolve(__dirname, "../../node_modules/axe-core/axe.min.js") });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document, { resultTypes: ["violations"] });
      return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
    });
    expect(violations).toEqual([]);
  });

  it("saves a screenshot with each category active", async () => {
    const shots: Record<string, string> = {
      risk: "risk.composite:85", carbon: "carbon.grid_intensity:85", cooling: "cooling.free_cooling_hours:85",
      sovereignty: "sovereignty.localization:85", connectivity: "connectivity.population_within_10ms:85",
    };
    for (const [cat, layers] of Object.entries(shots)) {
      const page = await open(`?view=1.6/30/20&layers=${layers}`);
      await page.waitForTimeout(500);
      await page.screenshot({ path: path.join(ARTIFACTS, `map-${cat}.png`) });
      await page.close();
    }
  });

  describe("the regional base map at zoom 9 (issue 16)", () => {
    interface Rendered { layer: string; name: string | null; approximate: boolean | null }
    let projectId = "";
    let tokens = { writeToken: "", shareToken: "" };

    beforeAll(async () => {
      const presets = await trpcCall<{ id: string; scenario: { id: string } }[]>(h.baseUrl, "scoring.presets", undefined, "GET");
      const scenario = presets.find((p) => p.id === "ai-training")!.scenario;
      const project = await trpcCall<{ id: string; writeToken: string; shareToken: string }>(h.baseUrl, "projects.create", { name: "Base map" });
      const sites = [
        { id: "ashburn", name: "Ashburn campus", lat: 39.03, lon: -77.47 },
        { id: "lulea", name: "Luleå campus", lat: 65.6, lon: 22.1 },
      ];
      await trpcCall(h.baseUrl, "projects.save", { id: project.id, writeToken: project.writeToken, expectedVersion: 1, content: { name: "Base map", sites, scenarios: [scenario] } });
      projectId = project.id;
      tokens = { writeToken: project.writeToken, shareToken: project.shareToken };
    }, 60_000);

    /** Opens the project at a view and lists what the map renders (through the map's test handle). */
    async function renderedAt(view: string): Promise<{ page: Page; features: Rendered[]; legend: string[] }> {
      const page = await h.newPage();
      // A planner's desktop screen: the map gets about 1,100 × 1,040 px beside the two panels.
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.goto(h.baseUrl);
      await page.evaluate(([id, t]) => window.localStorage.setItem("siting-atlas:projects", JSON.stringify({ [id as string]: t })), [projectId, tokens] as const);
      await page.goto(`${h.baseUrl}/?project=${projectId}&view=${view}`);
      await mapPixels(page);
      // Site labels carry the rank once the ranking arrives.
      await expect.poll(() => page.evaluate(() => {
        const m = (window as unknown as { __sitingMap?: { queryRenderedFeatures(o: object): { properties: Record<string, unknown> }[] } }).__sitingMap;
        return m?.queryRenderedFeatures({ layers: ["site-labels"] }).some((f) => typeof f.properties.rank === "number") ?? false;
      }), { timeout: 30_000 }).toBe(true);
      await mapPixels(page);
      const features = await page.evaluate(() => {
        const m = (window as unknown as { __sitingMap: { getStyle(): { layers: { id: string }[] }; queryRenderedFeatures(o: object): { layer: { id: string }; properties: Record<string, unknown> }[] } }).__sitingMap;
        const layers = m.getStyle().layers.map((l) => l.id).filter((id) => id.startsWith("basemap-") || id.startsWith("site-"));
        return m.queryRenderedFeatures({ layers }).map((f) => ({
          layer: f.layer.id,
          name: typeof f.properties.name === "string" ? f.properties.name : null,
          approximate: typeof f.properties.approximate === "boolean" ? f.properties.approximate : null,
        }));
      });
      const legend = await page.getByTestId("map-legend").locator("li").evaluateAll((lis) => lis.map((li) => li.getAttribute("data-legend") ?? ""));
      return { page, features, legend };
    }
    const names = (fs: Rendered[], layer: string) => new Set(fs.filter((f) => f.layer === layer).map((f) => f.name));
    const count = (fs: Rendered[], layer: string) => fs.filter((f) => f.layer === layer).length;

    it("over Ashburn shows the Virginia–Maryland line, Loudoun towns, the Potomac, plants and the ranked site", async () => {
      const { page, features, legend } = await renderedAt("9/39.04/-77.49");
      expect(count(features, "basemap-admin1")).toBeGreaterThan(0);
      expect([...names(features, "basemap-admin1")]).toEqual(expect.arrayContaining(["Virginia", "Maryland"]));
      // Every Loudoun-area town is drawn; labels may give way to each other where they collide.
      const dots = names(features, "basemap-place-dots"), labels = names(features, "basemap-place-labels");
      const loudoun = ["Ashburn", "Leesburg", "Sterling", "Reston", "Herndon"];
      for (const town of loudoun) expect(dots.has(town), town).toBe(true);
      expect(loudoun.filter((t) => labels.has(t)).length).toBeGreaterThanOrEqual(3);
      expect(names(features, "basemap-rivers").has("Potomac")).toBe(true);
      expect(count(features, "basemap-plants")).toBeGreaterThan(3);
      expect(names(features, "site-labels").has("Ashburn campus")).toBe(true);
      expect(legend).toEqual(expect.arrayContaining(["sites", "places", "plants", "rivers", "admin1"]));
      await page.screenshot({ path: path.join(ARTIFACTS, "basemap-ashburn-z9.png") });
      // Hovering a plant names it with capacity and fuel, with no data layer switched on.
      const plantAt = await page.evaluate(() => {
        const m = (window as unknown as { __sitingMap: { queryRenderedFeatures(o: object): { geometry: { coordinates: [number, number] } }[]; project(c: [number, number]): { x: number; y: number }; getCanvas(): HTMLCanvasElement } }).__sitingMap;
        // The plant nearest the centre, clear of the legend and the controls at the edges.
        const cx = m.getCanvas().clientWidth / 2, cy = m.getCanvas().clientHeight / 2;
        const at = m.queryRenderedFeatures({ layers: ["basemap-plants"] }).map((f) => m.project(f.geometry.coordinates));
        return at.sort((a, b) => Math.hypot(a.x - cx, a.y - cy) - Math.hypot(b.x - cx, b.y - cy))[0]!;
      });
      const box = (await page.locator("canvas.maplibregl-canvas").boundingBox())!;
      await page.mouse.move(box.x + plantAt.x + 1, box.y + plantAt.y);
      await page.mouse.move(box.x + plantAt.x, box.y + plantAt.y);
      await expect.poll(() => page.locator(".map-tooltip").textContent(), { timeout: 10_000 }).toMatch(/ — [\d,.]+ MW [a-z ]+.*\(WRI GPPD\)/);
      await page.close();
    }, 90_000);

    it("over Luleå shows Luleå, the Lule river, plants and the ranked site; Norrbotten's name and approximate lines a zoom out", async () => {
      const { page, features, legend } = await renderedAt("9/65.58/22.15");
      expect(names(features, "basemap-place-labels").has("Luleå")).toBe(true);
      expect(names(features, "basemap-place-dots").has("Boden")).toBe(true);
      expect([...names(features, "basemap-rivers")].some((n) => n?.startsWith("Lule"))).toBe(true);
      expect(count(features, "basemap-plants")).toBeGreaterThan(0);
      expect(names(features, "site-labels").has("Luleå campus")).toBe(true);
      expect(legend).toEqual(expect.arrayContaining(["sites", "places", "plants", "rivers"]));
      await page.screenshot({ path: path.join(ARTIFACTS, "basemap-lulea-z9.png") });
      await page.close();
      const wider = await renderedAt("7/65.9/21.5");
      expect(names(wider.features, "basemap-admin1-labels").has("Norrbotten")).toBe(true);
      expect(wider.features.some((f) => f.layer === "basemap-admin1-approximate" && f.approximate === true)).toBe(true);
      expect(wider.legend).toContain("admin1-approximate");
      await wider.page.close();
    }, 120_000);

    it("labels candidate sites with their rank", async () => {
      const { page } = await renderedAt("9/39.04/-77.49");
      const labels = await page.evaluate(() => {
        const m = (window as unknown as { __sitingMap: { queryRenderedFeatures(o: object): { properties: Record<string, unknown> }[] } }).__sitingMap;
        return m.queryRenderedFeatures({ layers: ["site-labels"] }).map((f) => `#${String(f.properties.rank)} ${String(f.properties.name)}`);
      });
      expect(labels.some((l) => /^#[12] Ashburn campus$/.test(l))).toBe(true);
      await page.close();
    }, 90_000);
  });

  it("made no request outside localhost and raised no page error", () => {
    expect(externalRequests(h)).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
