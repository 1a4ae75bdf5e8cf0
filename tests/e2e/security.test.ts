/**
 * Hostile content and access in a real browser and over HTTP: site and project names carrying HTML,
 * script, formula injection and path segments render as inert text in the workspace tables; every
 * page carries the security headers with a per-request nonce CSP (under which the map still works);
 * no route serves a file outside its own folder.
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mapPixels, startHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "=cmd|' /C calc'!A0", "../../../etc/passwd", "\"><svg onload=alert(3)>"];

describe("security headers", () => {
  it("pages carry a nonce CSP and the frame, content-type and referrer headers", async () => {
    const a = await fetch(h.baseUrl);
    const b = await fetch(h.baseUrl);
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(b.headers.get("content-security-policy")).not.toBe(csp); // a fresh nonce per request
    expect(a.headers.get("x-frame-options")).toBe("DENY");
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("referrer-policy")).toBe("no-referrer");
    const api = await fetch(`${h.baseUrl}/api/trpc/meta.version`);
    expect(api.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("no route serves files outside its folder", () => {
  const probes = [
    "/api/geo/..%2F..%2Fpackage.json", "/api/geo/%2e%2e%2fmanifest", "/api/geo/constructor", "/api/geo/__proto__",
    "/api/tiles/..%2F..%2Fpackage.json/1/1/1.png", "/api/tiles/carbon.grid_intensity/1/..%2F..%2F/1.png",
    "/api/reports/..%2F..%2Fetc%2Fpasswd/pdf?token=AAAAAAAAAAAAAAAAAAAAAA", "/vendor/..%2F..%2Fpackage.json", "/_next/static/..%2F..%2Fpackage.json",
  ];
  for (const p of probes) {
    it(`${p} is refused`, async () => {
      const res = await fetch(`${h.baseUrl}${p}`);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      const body = await res.text();
      expect(body).not.toContain('"name": "siting-atlas"');
      expect(body).not.toMatch(/root:x:0:0/);
    });
  }
});

describe("hostile names", () => {
  it("render as text in the site list, ranking, breakdown and project name; nothing executes", async () => {
    const page = await h.newPage();
    const dialogs: string[] = [];
    page.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await page.goto(h.baseUrl);
    await mapPixels(page);
    await page.getByRole("tab", { name: "Scenario" }).click();
    await page.getByText("AI training campus").first().click();
    await page.getByRole("button", { name: "Use “AI training campus”" }).click();
    await page.getByLabel("Project name").fill(HOSTILE[0]!);
    await page.getByRole("tab", { name: /Sites/ }).click();
    const csv = path.join(os.tmpdir(), `hostile-${process.pid}.csv`);
    writeFileSync(csv, ["name,lat,lon", ...HOSTILE.map((n, i) => `"${n.replace(/"/g, '""')}",${50 + i},${10 + i}`)].join("\n"));
    await page.getByTestId("import-file").setInputFiles(csv);
    await page.getByRole("button", { name: /Add 5 valid sites/ }).click();
    const table = page.getByTestId("ranking-table");
    await table.waitFor({ timeout: 30_000 });
    await expect.poll(() => table.locator("tbody tr").count()).toBe(5);
    for (const name of HOSTILE) {
      expect(await table.getByText(name, { exact: true }).count(), name).toBe(1);
      expect(await page.getByTestId("site-list").getByText(name, { exact: true }).count(), name).toBe(1);
    }
    await table.getByRole("button", { name: HOSTILE[1]! }).click();
    expect(await page.getByTestId("breakdown").textContent()).toContain(HOSTILE[1]!);
    // Nothing was parsed as markup.
    expect(await page.locator("img[src=x]").count()).toBe(0);
    expect(await page.locator("svg[onload]").count()).toBe(0);
    expect(await page.getByLabel("Project name").inputValue()).toBe(HOSTILE[0]);
    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });
});
