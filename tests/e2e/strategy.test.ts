/**
 * The regional strategy demonstration in a real browser (issue 7): pick a country (Norway), see its
 * profile and best candidate areas (in the panel and on the map), add two demand markets through the place
 * search, run a 2 GW capacity plan, and open the strategy brief: its web page shows the same plan
 * totals, its PDF downloads, and it prints on A4. The strategy page and the brief have no serious
 * accessibility violation (axe-core) and the page's tabs work from the keyboard; nothing is requested
 * outside localhost and no page error is raised.
 * Screenshots go to artifacts/e2e/.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ARTIFACTS, externalRequests, mapPixels, startHarness, type Harness } from "./harness";

let h: Harness;
let page: Page;
let brief: Page;

beforeAll(async () => {
  h = await startHarness();
  mkdirSync(ARTIFACTS, { recursive: true });
  page = await h.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
});
afterAll(async () => h?.close());

/** The number in a cell such as "16,129,124 MWh" or "2,000". */
const num = (text: string | null) => Number((text ?? "").replace(/[^0-9.-]/g, ""));

/** Serious and critical accessibility violations (axe-core, from node_modules, never fetched). */
async function axeViolations(p: Page): Promise<string[]> {
  await p.addScriptTag({ path: path.resolve(__dirname, "../../node_modules/axe-core/axe.min.js") });
  return p.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  });
}

async function addMarket(p: Page, query: string, button: RegExp) {
  const search = p.getByLabel("Add a demand market (share by population)");
  await search.fill(query);
  await p.getByRole("button", { name: button }).first().click();
  await expect.poll(() => search.inputValue()).toBe("");
}

describe("regional strategy demonstration", () => {
  it("profiles a country picked from the list: histogram, constraint share and best candidate areas, drawn on the map", async () => {
    await page.goto(`${h.baseUrl}/strategy`);
    await page.getByTestId("region-country").waitFor();
    await page.getByTestId("region-country").selectOption("NOR");
    const profile = page.getByTestId("profile");
    await expect.poll(() => profile.getAttribute("aria-label"), { timeout: 60_000 }).toBe("Profile of Norway");
    expect(await profile.textContent()).toMatch(/Passing the hard constraints: \d+\.\d %/);
    const candidateAreas = page.getByTestId("candidate_areas").locator("tbody tr");
    await expect.poll(() => candidateAreas.count()).toBeGreaterThan(1);
    expect(await candidateAreas.first().textContent()).toMatch(/^1Norway/);
    // The candidate areas are on the map (the overlay's candidate area colour, #0072b2).
    const { counts } = await mapPixels(page);
    expect(counts["0,114,178"] ?? 0).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(ARTIFACTS, "strategy-profile.png") });
  });

  it("runs a 2 GW plan for two demand markets added through the place search", async () => {
    await page.getByLabel("Total IT capacity (GW)").fill("2");
    // Norway has few candidate areas at the page's settings: up to 1 GW each lets them hold 2 GW.
    await page.getByLabel("Largest candidate area (MW)").fill("1000");
    await addMarket(page, "Oslo", /^Add Oslo, NO/);
    await addMarket(page, "Bergen", /^Add Bergen, NO/);
    expect(await page.getByTestId("plan-markets").locator("li").allTextContents()).toEqual([expect.stringMatching(/^Oslo \(NO\)/), expect.stringMatching(/^Bergen \(NO\)/)]);
    await page.getByTestId("run-plan").click();
    const totals = page.getByTestId("plan-totals");
    await totals.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("plan").locator("h3").textContent()).toMatch(/^Plan: all demand met \(HiGHS/);
    const it = totals.locator("tbody tr", { hasText: "IT capacity" }).locator("td");
    expect(num(await it.nth(0).textContent())).toBe(2000);
    await page.screenshot({ path: path.join(ARTIFACTS, "strategy-plan.png") });
  });

  it("opens the brief: a web page with the profile, the candidate areas and the same plan totals, and a PDF", async () => {
    const row = (label: string) => page.getByTestId("plan-totals").locator("tbody tr", { hasText: label }).locator("td").first();
    const co2 = num(await row("CO2, location-based").textContent());
    const energy = num(await row("Grid energy").textContent());
    const baselineCo2 = num(await page.getByTestId("plan-totals").locator("tbody tr", { hasText: "CO2, location-based" }).locator("td").nth(1).textContent());
    expect(co2).toBeGreaterThan(0);
    const button = page.getByRole("button", { name: "Open the brief" });
    expect(await button.isEnabled()).toBe(true);
    expect(await page.getByTestId("brief-button").textContent()).toMatch(/the region profile and the capacity plan/);
    [brief] = await Promise.all([h.context.waitForEvent("page"), button.click()]);
    brief.on("pageerror", (e) => h.pageErrors.push(String(e)));
    await brief.waitForURL(/\/strategy\/brief\/[A-Za-z0-9_-]{22}\?token=[A-Za-z0-9_-]{22}$/, { timeout: 60_000 });
    await brief.setViewportSize({ width: 1280, height: 900 });
    await brief.getByTestId("brief").waitFor();
    expect(await brief.getByTestId("brief-title").textContent()).toBe("Strategy brief: Norway");
    expect(await brief.getByTestId("brief-candidate-areas").locator("tbody tr").count()).toBeGreaterThan(1);
    const cell = (label: string, k: number) => brief.getByTestId("brief-plan-totals").locator("tbody tr", { hasText: label }).locator("td").nth(k).textContent();
    // Columns: quantity, unit, plan, at demand, change.
    expect(num(await cell("IT capacity", 2))).toBe(2000);
    expect(num(await cell("CO2, location-based", 2))).toBe(co2);
    expect(num(await cell("CO2, location-based", 3))).toBe(baselineCo2);
    expect(num(await cell("Grid energy", 2))).toBe(energy);
    expect(await brief.getByTestId("brief-findings").textContent()).toContain(`${co2.toLocaleString("en")} tCO2`);
    expect(await brief.locator("svg[role=img]").count()).toBeGreaterThanOrEqual(4);
    expect(await brief.getByTestId("reproducibility").textContent()).toMatch(/Inputs SHA-256 [0-9a-f]{64}/);
    await brief.screenshot({ path: path.join(ARTIFACTS, "strategy-brief-top.png") });
    await brief.getByTestId("brief-plan-totals").scrollIntoViewIfNeeded();
    await brief.screenshot({ path: path.join(ARTIFACTS, "strategy-brief-plan.png") });
    await brief.getByTestId("brief-allocation-map").scrollIntoViewIfNeeded();
    await brief.screenshot({ path: path.join(ARTIFACTS, "strategy-brief-map.png") });
    await brief.screenshot({ path: path.join(ARTIFACTS, "strategy-brief-full.png"), fullPage: true });

    // The workspace keeps links to the web brief and the PDF; the PDF downloads with the read token.
    const links = page.getByTestId("brief-links");
    await expect.poll(() => links.textContent()).toMatch(/^Brief ready: “Strategy brief: Norway”/);
    const pdfHref = await links.getByRole("link", { name: "Download the PDF" }).getAttribute("href");
    expect(pdfHref).toMatch(/^\/api\/strategy\/briefs\/[A-Za-z0-9_-]{22}\/pdf\?token=/);
    const pdf = await page.request.get(`${h.baseUrl}${pdfHref}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    const webHref = await links.getByRole("link", { name: "Open the web brief" }).getAttribute("href");
    expect(new URL(brief.url()).pathname + new URL(brief.url()).search).toBe(webHref);
  });

  it("prints the brief on A4 with the download bar hidden, and the brief page has no serious accessibility violation", async () => {
    await brief.emulateMedia({ media: "print" });
    expect(await brief.getByRole("navigation", { name: "Downloads" }).isVisible()).toBe(false);
    const pdf = await brief.pdf({ format: "A4", printBackground: true, path: path.join(ARTIFACTS, "strategy-brief-print.pdf") });
    expect(pdf.length).toBeGreaterThan(50_000);
    await brief.emulateMedia({ media: "screen" });
    expect(await axeViolations(brief)).toEqual([]);
  });

  it("refuses the brief with a wrong token", async () => {
    const u = new URL(brief.url());
    u.searchParams.set("token", "A".repeat(22));
    const other = await h.newPage();
    await other.goto(u.toString());
    expect(await other.getByRole("heading", { name: "Not allowed" }).isVisible()).toBe(true);
    expect(await other.getByTestId("brief").count()).toBe(0);
    await other.close();
  });

  it("works from the keyboard and has no serious or critical accessibility violations (axe-core)", async () => {
    const profileTab = page.getByRole("tab", { name: "Profile" });
    await profileTab.focus();
    await page.keyboard.press("ArrowRight");
    expect(await page.getByRole("tab", { name: /^Compare/ }).getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("ArrowRight");
    expect(await page.getByRole("tab", { name: "Plan" }).getAttribute("aria-selected")).toBe("true");
    expect(await page.getByRole("tabpanel", { name: "Plan" }).getByTestId("plan-totals").isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("made no request outside localhost and raised no page error", () => {
    expect(externalRequests(h)).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
