/**
 * Every route that returns bytes, requested as a browser requests it (Accept-Encoding: gzip,
 * deflate, br) from the production build — `next start`, and the `npm start` cluster for the
 * surface — and decoded only by what the response declares. Each must arrive with its status, its
 * content type, and a body the client can use: the right magic bytes or parseable content.
 *
 * Why here and not against the route handlers: Next's server, not the handler, decides which
 * headers reach the client. A handler called directly kept its Content-Encoding while `next start`
 * dropped it, and the browser got gzip bytes labelled as the surface binary (issue 12).
 */
import { VectorTile } from "@mapbox/vector-tile";
import { PbfReader } from "pbf";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromPointTable, type PointTable } from "@/data/lib/pointTable";
import { decodeSurface, SURFACE_CONTENT_TYPE } from "@/server/schemas/surfaceFormat";
import { browserFetch, trpcCall } from "./browserFetch";
import { startHarness, type Harness } from "./harness";

let h: Harness;
let scenario: Record<string, unknown>;

beforeAll(async () => {
  h = await startHarness({ browser: false, env: { RATE_LIMIT_PER_MINUTE: "0" } });
  const presets = await trpcCall<{ id: string; scenario: Record<string, unknown> }[]>(h.baseUrl, "scoring.presets", undefined, "GET");
  scenario = presets.find((p) => p.id === "ai-training")!.scenario;
}, 120_000);
afterAll(async () => h?.close());

const postSurface = (base: string, body: unknown, headers: Record<string, string> = {}) =>
  browserFetch(`${base}/api/surface`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

function expectSurface(res: Awaited<ReturnType<typeof postSurface>>) {
  expect(res.status).toBe(200);
  expect(res.headers["content-type"]).toBe(SURFACE_CONTENT_TYPE);
  expect(res.body.subarray(0, 4).toString("latin1")).toBe("SURF");
  const d = decodeSurface(new Uint8Array(res.body));
  expect(d.header.criteria.map((c) => c.id)).toEqual((scenario.criteria as { id: string }[]).map((c) => c.id));
  expect(d.header.n).toBe(d.header.grid.landCells);
  expect(res.body.length).toBe(Number(res.headers["x-surface-bytes"]));
}

describe("POST /api/surface on next start", () => {
  it("sends the surface gzip-encoded, declared as such: the decoded body is the SURF binary", async () => {
    const res = await postSurface(h.baseUrl, scenario);
    expectSurface(res);
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    // The binary (about 2.5 MB for the preset's nine criteria) crosses the wire as a fraction of it.
    expect(res.wire.length).toBeLessThan(0.6 * 2 ** 20);
    expect(res.wire.length).toBeLessThan(res.body.length / 4);
  }, 120_000);

  it("sends the raw binary to a client that accepts no encoding", async () => {
    const res = await postSurface(h.baseUrl, scenario, { "accept-encoding": "identity" });
    expectSurface(res);
    expect(res.headers["content-encoding"]).toBeUndefined();
  }, 120_000);

  it("answers a bad scenario with JSON naming the field, whatever the encoding", async () => {
    const res = await postSurface(h.baseUrl, { ...scenario, criteria: [{ ...(scenario.criteria as object[])[0], weight: -1 }] });
    expect(res.status).toBe(400);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.json<{ error: string }>().error).toMatch(/^criteria\.0\.weight: /);
    const notJson = await browserFetch(`${h.baseUrl}/api/surface`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(notJson.status).toBe(400);
    expect(notJson.json<{ error: string }>().error).toMatch(/^body: not valid JSON/);
  });

  it("refuses GET with 405 and says what to send", async () => {
    const res = await browserFetch(`${h.baseUrl}/api/surface`);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe("POST");
    expect(res.json<{ error: string }>().error).toMatch(/POST a scenario/);
  });
});

describe("POST /api/surface on the npm start cluster", () => {
  let cluster: Harness;
  beforeAll(async () => {
    cluster = await startHarness({ browser: false, cluster: true, env: { WEB_CONCURRENCY: "2", RATE_LIMIT_PER_MINUTE: "0" } });
  }, 120_000);
  afterAll(async () => cluster?.close());

  it("sends the same declared gzip from every worker", async () => {
    for (let i = 0; i < 3; i++) {
      const res = await postSurface(cluster.baseUrl, scenario);
      expectSurface(res);
      expect(res.headers["content-encoding"]).toBe("gzip");
    }
  }, 180_000);
});

describe("tiles and geo assets", () => {
  it("serves raster tiles as PNG images", async () => {
    const res = await browserFetch(`${h.baseUrl}/api/tiles/cooling.annual_mean_temp_c/2/2/1.png`);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("image/png");
    expect([...res.body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const png = PNG.sync.read(res.body);
    expect(png.width).toBe(256);
    expect(png.height).toBe(256);
  });

  it.each(["countries", "zones", "subdivisions", "country-labels", "city-labels"])("serves %s as GeoJSON (compressed by the server)", async (name) => {
    const res = await browserFetch(`${h.baseUrl}/api/geo/${name}`);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.headers["content-encoding"]).toBe("gzip");
    const fc = res.json<{ type: string; features: { type: string; geometry: { type: string } }[] }>();
    expect(fc.type).toBe("FeatureCollection");
    expect(fc.features.length).toBeGreaterThan(100);
    expect(fc.features[0]!.geometry.type).toMatch(/Polygon|Point/);
  });

  it.each(["cloud-regions", "ix-buildings", "cable-landings", "cities", "power-plants", "settlements-100k"])("serves the %s point set as a point table", async (name) => {
    const res = await browserFetch(`${h.baseUrl}/api/geo/${name}`);
    expect(res.status).toBe(200);
    const points = fromPointTable(res.json<PointTable>());
    expect(points.length).toBeGreaterThan(50);
    expect(typeof points[0]!.lat).toBe("number");
    expect(typeof points[0]!.name).toBe("string");
  });

  it("serves the map worker and the offline fonts", async () => {
    const worker = await browserFetch(`${h.baseUrl}/vendor/maplibre-gl-worker.mjs`);
    expect(worker.status).toBe(200);
    expect(worker.headers["content-type"]).toMatch(/javascript/);
    expect(worker.text().length).toBeGreaterThan(100_000);
    const font = await browserFetch(`${h.baseUrl}/vendor/fonts/noto-sans-latin-400-normal.woff2`);
    expect(font.status).toBe(200);
    expect(font.headers["content-type"]).toBe("font/woff2");
    expect(font.body.subarray(0, 4).toString("latin1")).toBe("wOF2");
  });

  // Ashburn, Virginia's tile at z7 (the archive's deepest zoom; MapLibre overzooms it).
  const ASHBURN_TILE = "/api/basemap/7/36/48.pbf";
  const tileLayers = (body: Buffer) => Object.keys(new VectorTile(new PbfReader(body)).layers).sort();

  it("serves base-map vector tiles gzip-encoded, declared as such: the decoded body is a vector tile", async () => {
    const res = await browserFetch(`${h.baseUrl}${ASHBURN_TILE}`);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/x-protobuf");
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.wire.length).toBeLessThan(res.body.length);
    expect(tileLayers(res.body)).toEqual(expect.arrayContaining(["admin1", "places", "plants", "rivers"]));
  });

  it("serves the same tile decompressed to a client that accepts no encoding", async () => {
    const gz = await browserFetch(`${h.baseUrl}${ASHBURN_TILE}`);
    const res = await browserFetch(`${h.baseUrl}${ASHBURN_TILE}`, { headers: { "accept-encoding": "identity" } });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.body.equals(gz.body)).toBe(true);
  });

  it("answers an empty tile (open ocean) with 204 and a bad address with JSON naming the field", async () => {
    const ocean = await browserFetch(`${h.baseUrl}/api/basemap/7/17/84.pbf`);
    expect(ocean.status).toBe(204);
    expect(ocean.body.length).toBe(0);
    const deep = await browserFetch(`${h.baseUrl}/api/basemap/12/0/0.pbf`);
    expect(deep.status).toBe(400);
    expect(deep.json<{ error: string }>().error).toMatch(/^z: must be ≤ 7/);
    const bad = await browserFetch(`${h.baseUrl}/api/basemap/6/64/1.pbf`);
    expect(bad.status).toBe(400);
    expect(bad.json<{ error: string }>().error).toMatch(/^x: /);
  });

  it("answers an unknown geo asset with a JSON 404", async () => {
    const res = await browserFetch(`${h.baseUrl}/api/geo/nothing-here`);
    expect(res.status).toBe(404);
    expect(res.json<{ error: string }>().error).toMatch(/unknown geo asset/);
  });
});

describe("report and brief downloads", () => {
  let report: { id: string; shareToken: string };
  let brief: { id: string; token: string };
  const sites = [
    { id: "lulea", name: "Luleå, Sweden", lat: 65.58, lon: 22.15 },
    { id: "ashburn", name: "Ashburn, Virginia", lat: 39.04, lon: -77.49 },
    { id: "singapore", name: "Singapore", lat: 1.35, lon: 103.82 },
  ];

  beforeAll(async () => {
    const project = await trpcCall<{ id: string; writeToken: string }>(h.baseUrl, "projects.create", { name: "Byte routes" });
    await trpcCall(h.baseUrl, "projects.save", { id: project.id, writeToken: project.writeToken, expectedVersion: 1, content: { name: "Byte routes", sites, scenarios: [scenario] } });
    report = await trpcCall(h.baseUrl, "reports.create", { projectId: project.id, writeToken: project.writeToken, scenarioId: scenario.id });
    const layerOnly = { ...scenario, criteria: (scenario.criteria as { source: string }[]).filter((c) => !c.source.startsWith("metric.")) };
    brief = await trpcCall(h.baseUrl, "strategy.createBrief", { scenario: layerOnly, region: { kind: "country", key: "NOR" } });
  }, 240_000);

  const download = (kind: "reports" | "strategy/briefs", id: string, format: string, token: string) =>
    browserFetch(`${h.baseUrl}/api/${kind}/${id}/${format}?token=${token}`);

  it("report PDF", async () => {
    const res = await download("reports", report.id, "pdf", report.shareToken);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(res.body.subarray(-1024).toString("latin1")).toMatch(/%%EOF\s*$/);
  }, 120_000);

  it("report CSV", async () => {
    const res = await download("reports", report.id, "csv", report.shareToken);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    const lines = res.text().replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/rank/);
    expect(lines.length).toBe(1 + sites.length);
  });

  it("report GeoJSON", async () => {
    const res = await download("reports", report.id, "geojson", report.shareToken);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/geo\+json/);
    const fc = res.json<{ type: string; features: { geometry: { coordinates: number[] } }[] }>();
    expect(fc.type).toBe("FeatureCollection");
    expect(fc.features.length).toBe(sites.length);
  });

  it("report JSON", async () => {
    const res = await download("reports", report.id, "json", report.shareToken);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.json<{ ranking?: unknown }>()).toBeTypeOf("object");
  });

  it("brief PDF and JSON", async () => {
    const pdf = await download("strategy/briefs", brief.id, "pdf", brief.token);
    expect(pdf.status).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const json = await download("strategy/briefs", brief.id, "json", brief.token);
    expect(json.status).toBe(200);
    expect(json.json<{ schemaVersion: number }>().schemaVersion).toBeGreaterThan(0);
  }, 120_000);

  it("answers a wrong token with JSON naming the field", async () => {
    const res = await download("reports", report.id, "pdf", "x");
    expect(res.status).toBe(400);
    expect(res.json<{ error: string }>().error).toMatch(/^token: /);
  });
});
