/**
 * Fuzzing every tRPC procedure through the HTTP handler: thousands of generated inputs — arbitrary
 * JSON, mutations of valid inputs, wrong types, NaN-like strings, extreme coordinates, long and
 * unicode strings, huge arrays, deep nesting, broken JSON — must each get a success or a client
 * error with a message, never a server error and never a hang.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";

process.env.RATE_LIMIT_PER_MINUTE = "0"; // this test measures input handling, not rate limits

type RouteModule = { POST: (req: Request) => Promise<Response> };
let route: RouteModule;
let procedures: string[];
const TIMEOUT_MS = 20_000;

const scenario = {
  id: "s", name: "Fuzz", criteria: [{ id: "c", source: "carbon.grid_intensity", weight: 1, valueFunction: { type: "linear", worst: 600, best: 0 } }],
  loadProfile: { itMw: 100, cooling: "air_economiser" }, market: { name: "M", points: [{ name: "P", lat: 50, lon: 8, weight: 1 }], rule: { kind: "any" } },
};
const site = { id: "a", name: "A", lat: 60, lon: 10, overrides: {}, origin: "coordinates" };
const token = "A".repeat(22);
/** A valid (or nearly valid) input per procedure: mutations of these reach deep into each schema. */
const EXAMPLES: Record<string, unknown> = {
  "layers.sample": { points: [{ lat: 59.9, lon: 10.7 }], layers: ["carbon.grid_intensity"] },
  "layers.choropleth": { layer: "carbon.grid_intensity" },
  "sites.import": { format: "csv", content: "name,lat,lon\nA,1,2\n" },
  "sites.search": { q: "oslo" },
  "projects.create": { name: "x" },
  "projects.get": { id: token, token },
  "projects.shared": { shareToken: token },
  "projects.save": { id: token, writeToken: token, expectedVersion: 1, content: { name: "x", sites: [site], scenarios: [scenario] } },
  "scoring.rank": { sites: [site], scenario },
  "scoring.sensitivity": { sites: [site, { ...site, id: "b", lat: 50 }], scenario, samples: 100 },
  "surface.bestLocations": { scenario, region: { kind: "country", country: "NOR" }, count: 3, minDistanceKm: 50 },
  "strategy.profile": { region: { kind: "country", key: "ISL" }, scenario },
  "strategy.plan": { scenario, candidates: { kind: "sites", sites: [site] }, totalMw: 10, maxMwPerCandidate: 100, markets: [{ name: "X", lat: 50, lon: 8, share: 1 }], workloads: [{ id: "t", share: 1, rttSlaMs: null }], rule: { kind: "any" }, objective: "co2" },
  "reports.get": { id: token, token },
  "reports.list": { projectId: token, token },
};

beforeAll(async () => {
  route = await import("@/app/api/trpc/[trpc]/route");
  const { appRouter } = await import("@/server/trpc/root");
  procedures = Object.keys(appRouter._def.procedures);
});

async function call(path: string, body: string): Promise<{ status: number; text: string; ms: number }> {
  const t0 = performance.now();
  const req = new Request(`http://127.0.0.1/api/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body });
  const res = await Promise.race([
    route.POST(req),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${path} did not answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS)),
  ]);
  return { status: res.status, text: await res.text(), ms: performance.now() - t0 };
}

function expectClientOutcome(path: string, input: string, r: { status: number; text: string }) {
  if (r.status >= 500) throw new Error(`${path} answered ${r.status} for ${input.slice(0, 300)}: ${r.text.slice(0, 500)}`);
  if (r.status >= 400) {
    const msg = (JSON.parse(r.text) as { error?: { message?: string } }).error?.message ?? "";
    if (!msg.trim()) throw new Error(`${path} answered ${r.status} without a message for ${input.slice(0, 300)}`);
  }
}

/** Replaces one leaf of a JSON value (by a random path) with a hostile value. */
const hostile = fc.oneof(
  fc.constant(null), fc.constant(""), fc.constant("NaN"), fc.constant("Infinity"), fc.constant(-1e308), fc.constant(1e308),
  fc.constant(91), fc.constant(-181), fc.constant(0), fc.double(), fc.integer(), fc.boolean(),
  fc.string({ unit: "grapheme", maxLength: 50 }), fc.constant("x".repeat(100_000)), fc.constant("<script>alert(1)</script>"),
  fc.constant("../../etc/passwd"), fc.constant("=cmd|' /C calc'!A0"), fc.constant({}), fc.constant([]),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
);

function mutate(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== "object") return replacement;
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  if (!entries.length) return replacement;
  const [key, child] = entries[path[0]! % entries.length]!;
  const copy: Record<string | number, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as object) };
  (copy as Record<string | number, unknown>)[key] = mutate(child, path.slice(1), replacement);
  return copy;
}

describe("every procedure answers generated input with success or a client error", () => {
  it("lists the procedures it fuzzes, and the unmutated examples really succeed (so mutations start from valid input)", async () => {
    expect(procedures.length).toBeGreaterThanOrEqual(20);
    for (const path of ["layers.sample", "layers.choropleth", "sites.import", "sites.search", "projects.create", "scoring.rank", "scoring.sensitivity", "strategy.plan"]) {
      const r = await call(path, JSON.stringify(EXAMPLES[path]));
      expect(r.status, `${path}: ${r.text.slice(0, 300)}`).toBe(200);
    }
  }, 120_000);

  it("arbitrary JSON, wrong types and unicode (all procedures)", async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(...procedures), fc.jsonValue({ maxDepth: 4 }), async (path, input) => {
      const body = JSON.stringify(input);
      expectClientOutcome(path, body, await call(path, body));
    }), { numRuns: 1500, seed: 42 });
  }, 600_000);

  it("mutations of valid inputs reach deep into each schema", async () => {
    const paths = Object.keys(EXAMPLES);
    await fc.assert(fc.asyncProperty(fc.constantFrom(...paths), fc.array(fc.nat(20), { minLength: 0, maxLength: 6 }), hostile, async (path, where, value) => {
      const body = JSON.stringify(mutate(EXAMPLES[path], where, value));
      expectClientOutcome(path, body, await call(path, body));
    }), { numRuns: 1500, seed: 7 });
  }, 600_000);

  it("broken JSON, huge arrays and deep nesting", async () => {
    const deep = "[".repeat(20_000) + "]".repeat(20_000);
    const many = JSON.stringify({ points: Array.from({ length: 200_000 }, () => ({ lat: 1, lon: 1 })) });
    const bodies = ["{", "not json", "\u0000", "[]", "null", "1e999", deep, many, JSON.stringify({ sites: Array.from({ length: 20_000 }, () => site), scenario })];
    for (const path of procedures) {
      for (const body of bodies) expectClientOutcome(path, body.slice(0, 80), await call(path, body));
    }
  }, 600_000);
});
