/**
 * The surface API: `surface.bestLocations` through a tRPC caller (good and bad inputs, each error
 * naming the field) and the `POST /api/surface` handler (the binary, gzip, and 400s naming the field;
 * tests/e2e/byteRoutes.test.ts requests it from the production server).
 */
import { TRPCError } from "@trpc/server";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { surfaceResponse } from "@/server/http/surfaceRoute";
import { layerStore } from "@/server/layers/bundledStore";
import { createCallerFactory, router } from "@/server/trpc/init";
import { internalContext } from "@/server/trpc/context";
import { surfaceRouter } from "@/server/trpc/routers/surface";
import type { Scenario } from "@/server/schemas/scenario";
import { decodeSurface, SURFACE_CONTENT_TYPE } from "@/server/schemas/surfaceFormat";

// The app router mounts this router as `surface`; the test mounts it the same way on its own.
const api = createCallerFactory(router({ surface: surfaceRouter }))(internalContext("test"));

const SCENARIO = {
  id: "api-surface",
  name: "API surface",
  criteria: [
    { id: "carbon", source: "carbon.grid_intensity", weight: 3, valueFunction: { type: "linear", worst: 600, best: 20 }, constraints: [{ kind: "excludeAbove", value: 400 }] },
    { id: "price", source: "power.price_usd_per_mwh", weight: 1, valueFunction: { type: "linear", worst: 200, best: 40 } },
    { id: "regime", source: "sovereignty.regime", weight: 1, valueFunction: { type: "categorical", utilities: { eu_eea_gdpr: 1, eu_adequacy: 0.8, comprehensive: 0.5, partial_or_draft: 0.2, none: 0 } } },
  ],
  loadProfile: { itMw: 100, cooling: "dry_cooler_liquid" },
  market: { name: "EU", points: [{ name: "Frankfurt", lat: 50.11, lon: 8.68, weight: 1 }], rule: { kind: "any" } },
} as unknown as Scenario;

const input = (over: Record<string, unknown> = {}) => ({ scenario: SCENARIO, region: { kind: "country", country: "SWE" }, count: 5, minDistanceKm: 100, ...over }) as Parameters<typeof api.surface.bestLocations>[0];

async function badRequest(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe("BAD_REQUEST");
    return (err as TRPCError).message;
  }
  throw new Error("expected BAD_REQUEST");
}

describe("surface.bestLocations", () => {
  it("returns the best cells of a country, spread out, with score and country", async () => {
    const r = await api.surface.bestLocations(input());
    expect(r.locations.length).toBe(5);
    expect(r.method).toBe("wsm");
    for (const l of r.locations) {
      expect(l.country?.key).toBe("SWE");
      expect(l.score).toBeGreaterThan(50);
      expect(l.score).toBeLessThanOrEqual(100);
    }
    const view = await api.surface.bestLocations(input({ region: { kind: "bbox", west: -10, south: 36, east: 30, north: 60 }, count: 3 }));
    expect(view.locations.length).toBe(3);
  });

  it("says when the map falls back to WSM for the scenario's method", async () => {
    const r = await api.surface.bestLocations(input({ scenario: { ...SCENARIO, method: { method: "topsis" } } }));
    expect(r.method).toBe("wsm");
    expect(r.note).toMatch(/TOPSIS/);
  });

  it("names the field of each bad input", async () => {
    expect(await badRequest(api.surface.bestLocations(input({ count: 0 })))).toMatch(/^count: at least 1/);
    expect(await badRequest(api.surface.bestLocations(input({ count: 51 })))).toMatch(/^count: at most 50/);
    expect(await badRequest(api.surface.bestLocations(input({ count: 2.5 })))).toMatch(/^count: must be a whole number/);
    expect(await badRequest(api.surface.bestLocations(input({ minDistanceKm: -1 })))).toMatch(/^minDistanceKm: must be ≥ 0 km/);
    expect(await badRequest(api.surface.bestLocations(input({ region: { kind: "bbox", west: 0, south: 50, east: 10, north: 40 } })))).toMatch(/^region\.north: must be north of south/);
    expect(await badRequest(api.surface.bestLocations(input({ region: { kind: "bbox", west: 0, south: 40, east: 200, north: 50 } })))).toMatch(/^region\.east: must be ≤ 180°/);
    expect(await badRequest(api.surface.bestLocations(input({ region: { kind: "country", country: "sweden" } })))).toMatch(/^region\.country: a country key/);
    expect(await badRequest(api.surface.bestLocations(input({ region: { kind: "country", country: "XXX" } })))).toMatch(/^region\.country: unknown country "XXX"/);
    expect(await badRequest(api.surface.bestLocations(input({ region: { kind: "circle" } })))).toMatch(/^region\.kind/);
    const unknown = { ...SCENARIO, criteria: [{ ...SCENARIO.criteria[0]!, source: "risk.volcano" }] };
    expect(await badRequest(api.surface.bestLocations(input({ scenario: unknown })))).toMatch(/^scenario\.criteria\.0\.source: unknown layer or metric "risk\.volcano"/);
    const mismatch = { ...SCENARIO, criteria: [{ ...SCENARIO.criteria[0]!, source: "sovereignty.regime" }] };
    expect(await badRequest(api.surface.bestLocations(input({ scenario: mismatch })))).toMatch(/^scenario\.criteria\.0\.valueFunction/);
    const badLat = { ...SCENARIO, market: { ...SCENARIO.market, points: [{ name: "X", lat: 95, lon: 0, weight: 1 }] } };
    expect(await badRequest(api.surface.bestLocations(input({ scenario: badLat })))).toMatch(/^scenario\.market\.points\.0\.lat: must be ≤ 90°/);
    const zero = { ...SCENARIO, criteria: SCENARIO.criteria.map((c) => ({ ...c, weight: 0 })) };
    expect(await badRequest(api.surface.bestLocations(input({ scenario: zero })))).toMatch(/^scenario\.criteria: at least one criterion needs a weight above 0/);
    expect(await badRequest(api.surface.bestLocations(input({ extra: 1 })))).toMatch(/unrecognized key|extra/i);
  });
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  surfaceResponse(layerStore(), new Request("http://localhost/api/surface", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) }));

describe("POST /api/surface", () => {
  it("returns the binary surface: one utility byte per criterion and land cell, and the constraint mask", async () => {
    const res = await post(SCENARIO);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(SURFACE_CONTENT_TYPE);
    expect(res.headers.get("content-encoding")).toBeNull();
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Number(res.headers.get("x-surface-bytes"))).toBe(bytes.length);
    const d = decodeSurface(bytes);
    expect(d.header.criteria.map((c) => c.id)).toEqual(["carbon", "price", "regime"]);
    expect(d.header.n).toBe(d.header.grid.landCells);
    expect(d.utilities.length).toBe(3 * d.header.n);
    expect(d.excludedBy[0]).not.toBeNull();
    expect(d.excludedBy[1]).toBeNull();
    expect(d.header.notes.join(" ")).toMatch(/majority|covering most/);
    // Under 3 MB uncompressed for 3 criteria; the same surface again comes from the cache.
    expect(bytes.length).toBeLessThan(3 * 2 ** 20);
    const again = await post({ ...SCENARIO, criteria: SCENARIO.criteria.map((c) => ({ ...c, weight: c.weight * 2 })) });
    expect(again.headers.get("x-surface-cache")).toBe("hit");
    expect(again.headers.get("x-surface-key")).toBe(res.headers.get("x-surface-key"));
  });

  it("gzips when the client accepts it", async () => {
    const res = await post(SCENARIO, { "accept-encoding": "gzip, deflate, br" });
    expect(res.headers.get("content-encoding")).toBe("gzip");
    const gz = new Uint8Array(await res.arrayBuffer());
    const raw = gunzipSync(gz);
    expect(raw.length).toBe(Number(res.headers.get("x-surface-bytes")));
    expect(gz.length).toBeLessThan(raw.length / 3);
    expect(decodeSurface(new Uint8Array(raw)).header.criteria.length).toBe(3);
  });

  it("answers 400 with JSON naming the field for a bad scenario", async () => {
    const notJson = await post("{");
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: string }).error).toMatch(/^body: not valid JSON/);
    const badWeight = await post({ ...SCENARIO, criteria: [{ ...SCENARIO.criteria[0]!, weight: -1 }] });
    expect(badWeight.status).toBe(400);
    const body = (await badWeight.json()) as { error: string; issues: { path: string }[] };
    expect(body.error).toMatch(/^criteria\.0\.weight: weights are ≥ 0/);
    expect(body.issues[0]!.path).toBe("criteria.0.weight");
    const unknown = await post({ ...SCENARIO, criteria: [{ ...SCENARIO.criteria[0]!, source: "risk.volcano" }] });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error).toMatch(/^criteria\.0\.source: unknown layer or metric/);
  });
});
