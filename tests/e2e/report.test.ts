/**
 * The web report in a real browser: a project with a site named `<script>alert(1)</script>` is
 * reported through the HTTP API; the report page shows the name as text, runs no script from it (no
 * dialog opens), lists the ranking, links the downloads, and prints on A4. Screenshots go to
 * artifacts/e2e/.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ARTIFACTS, externalRequests, startHarness, type Harness } from "./harness";

const XSS = "<script>alert(1)</script>";
let h: Harness;
let page: Page;
const dialogs: string[] = [];
let report: { id: string; shareToken: string };

async function trpc<T>(base: string, proc: string, input?: unknown, method: "POST" | "GET" = "POST"): Promise<T> {
  const url = method === "GET" ? `${base}/api/trpc/${proc}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}` : `${base}/api/trpc/${proc}`;
  const res = await fetch(url, method === "POST" ? { method, headers: { "content-type": "application/json" }, body: JSON.stringify(input ?? {}) } : {});
  const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
  if (!res.ok || !body.result) throw new Error(`${proc}: ${res.status} ${body.error?.message ?? ""}`);
  return body.result.data;
}

beforeAll(async () => {
  h = await startHarness();
  const project = await trpc<{ id: string; writeToken: string; shareToken: string }>(h.baseUrl, "projects.create", { name: "E2E report" });
  const presets = await trpc<{ id: string; scenario: { id: string } }[]>(h.baseUrl, "scoring.presets", undefined, "GET");
  const scenario = presets.find((p) => p.id === "ai-training")!.scenario;
  const sites = [
    { id: "lulea", name: "Luleå, Sweden", lat: 65.58, lon: 22.15 },
    { id: "xss", name: XSS, lat: 60.17, lon: 24.94 },
    { id: "ashburn", name: "Ashburn, Virginia", lat: 39.04, lon: -77.49 },
    { id: "singapore", name: "Singapore", lat: 1.35, lon: 103.82 },
  ];
  await trpc(h.baseUrl, "projects.save", { id: project.id, writeToken: project.writeToken, expectedVersion: 1, content: { name: "E2E report", sites, scenarios: [scenario] } });
  report = await trpc(h.baseUrl, "reports.create", { projectId: project.id, writeToken: project.writeToken, scenarioId: scenario.id });
  page = await h.newPage();
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
}, 180_000);
afterAll(async () => h?.close());

describe("web report", () => {
  it("shows a site named like a script tag as text and runs nothing from it", async () => {
    await page.goto(`${h.baseUrl}/reports/${report.id}?token=${report.shareToken}`);
    await page.getByTestId("report").waitFor();
    const card = page.getByTestId("site-card").filter({ hasText: XSS });
    await expect.poll(() => card.count()).toBe(1);
    expect(await page.getByRole("heading", { name: XSS, exact: false }).first().isVisible()).toBe(true);
    expect(await page.getByTestId("ranking").textContent()).toContain(XSS);
    // No script element was made from the name (Next's streamed page data carries it only as an escaped JSON string) …
    expect(await page.evaluate(() => [...document.querySelectorAll("script")].some((s) => s.textContent?.trim() === "alert(1)"))).toBe(false);
    // … the served HTML has it escaped, never as markup …
    const html = await (await fetch(`${h.baseUrl}/reports/${report.id}?token=${report.shareToken}`)).text();
    expect(html).not.toContain(XSS);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    // … and no dialog opened.
    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    expect(h.pageErrors).toEqual([]);
    expect(externalRequests(h)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, "report-top.png") });
  });

  it("has the executive summary, charts, provenance and the reproducibility footer", async () => {
    expect(await page.getByTestId("recommended").textContent()).toMatch(/Recommended site1\. /);
    expect(await page.getByTestId("key-numbers").locator("tbody tr").count()).toBe(4);
    expect(await page.locator("svg[role=img]").count()).toBeGreaterThan(8);
    expect(await page.getByTestId("layers").textContent()).toMatch(/Grid carbon intensity/);
    expect(await page.getByTestId("reproducibility").textContent()).toMatch(/Scenario SHA-256 [0-9a-f]{64}/);
    await page.getByTestId("site-card").first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, "report-site-card.png") });
  });

  it("links working downloads that carry only the read-only token", async () => {
    const links = await page.getByRole("navigation", { name: "Downloads" }).getByRole("link").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toHaveLength(4);
    for (const href of links) expect(new URL(href).searchParams.get("token")).toBe(report.shareToken);
    const pdf = await page.request.get(links[0]!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    const csv = await page.request.get(links[1]!);
    expect(await csv.text()).toContain(XSS);
  });

  it("prints on A4 pages with the download bar hidden", async () => {
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("navigation", { name: "Downloads" }).isVisible()).toBe(false);
    const pdf = await page.pdf({ format: "A4", printBackground: true, path: path.join(ARTIFACTS, "report-print.pdf") });
    expect(pdf.length).toBeGreaterThan(50_000);
    await page.emulateMedia({ media: "screen" });
  });

  it("refuses a wrong token without showing the report", async () => {
    await page.goto(`${h.baseUrl}/reports/${report.id}?token=${"A".repeat(22)}`);
    expect(await page.getByRole("heading", { name: "Not allowed" }).isVisible()).toBe(true);
    expect(await page.getByTestId("report").count()).toBe(0);
  });
});
