/**
 * Crash durability: the server is killed (SIGKILL) in the middle of a burst of project saves, then
 * restarted on the same data folder. The embedded database must open cleanly and hold every save
 * the server acknowledged (SQLite WAL with synchronous=FULL commits before answering).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "siting-durability-"));
let h: Harness | null = null;
afterAll(async () => {
  await h?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function trpc(base: string, proc: string, input: unknown): Promise<{ status: number; json: { result?: { data: unknown }; error?: { message: string } } }> {
  const res = await fetch(`${base}/api/trpc/${proc}`, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` }, body: JSON.stringify(input) });
  return { status: res.status, json: await res.json() };
}

const sitesFor = (v: number) => Array.from({ length: 20 }, (_, i) => ({ id: `s${i}`, name: `Site ${i} v${v}`, lat: 10 + i, lon: 20 + v % 100, overrides: {}, origin: "coordinates" }));

describe("durability", () => {
  it("keeps every acknowledged write across a kill -9 during a burst", async () => {
    h = await startHarness({ dataDir, browser: false, env: { RATE_LIMIT_PER_MINUTE: "0" } });
    const projects: { id: string; writeToken: string; acked: number }[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await trpc(h.baseUrl, "projects.create", { name: `P${i}` });
      const p = r.json.result!.data as { id: string; writeToken: string; version: number };
      projects.push({ id: p.id, writeToken: p.writeToken, acked: p.version });
    }
    // Each project saves version after version; all projects in parallel.
    let stop = false;
    const writers = projects.map(async (p) => {
      while (!stop) {
        try {
          const r = await trpc(h!.baseUrl, "projects.save", { id: p.id, writeToken: p.writeToken, expectedVersion: p.acked, content: { name: `v${p.acked + 1}`, sites: sitesFor(p.acked + 1), scenarios: [] } });
          if (r.status !== 200) throw new Error(`save answered ${r.status}: ${r.json.error?.message}`);
          p.acked = (r.json.result!.data as { version: number }).version;
        } catch (err) {
          if (stop) return; // the server died mid-request: this write was not acknowledged
          throw err;
        }
      }
    });
    await new Promise((r) => setTimeout(r, 1500));
    process.kill(-h.server.pid!, "SIGKILL");
    stop = true;
    await Promise.allSettled(writers);
    const totalAcked = projects.reduce((a, p) => a + p.acked - 1, 0);
    expect(totalAcked).toBeGreaterThan(20); // the burst really wrote

    await h.close();
    h = await startHarness({ dataDir, browser: false, env: { RATE_LIMIT_PER_MINUTE: "0" } });
    for (const p of projects) {
      const r = await trpc(h.baseUrl, "projects.get", { id: p.id, token: p.writeToken });
      expect(r.status).toBe(200);
      const project = (r.json.result!.data as { project: { version: number; name: string; sites: { name: string }[] } }).project;
      // A write may have committed without its answer reaching us, so the version can be one ahead.
      expect(project.version).toBeGreaterThanOrEqual(p.acked);
      expect(project.version).toBeLessThanOrEqual(p.acked + 1);
      expect(project.name).toBe(`v${project.version}`);
      expect(project.sites).toHaveLength(20);
      expect(project.sites[0]!.name).toBe(`Site 0 v${project.version}`);
    }
  }, 180_000);
});
