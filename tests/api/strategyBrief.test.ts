/**
 * Strategy briefs through the API (tRPC caller) and the download route: create returns an id and a
 * read token; the token opens the brief, the PDF and the JSON; a wrong token is FORBIDDEN (403), an
 * unknown id NOT_FOUND (404); bad input is BAD_REQUEST naming the field, for the brief's own fields and
 * for each step it runs (profile, comparison, plan).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/strategy/briefs/[id]/[format]/route";
import { fmtFixed, fmtNumber } from "@/server/documents/format";
import type { Scenario } from "@/server/schemas/scenario";
import { createCaller } from "@/server/trpc/root";
import { internalContext } from "@/server/trpc/context";
import { badRequest, trpcError } from "../helpers/trpcErrors";

const api = createCaller(internalContext("test"));
let scenario: Scenario;
let brief: { id: string; token: string; title: string };

const candidateAreas = { count: 5, minDistanceKm: 150, minAreaKm2: 1000, topShare: 0.2 };
const plan = () => ({
  candidates: { kind: "candidate_areas" as const, region: { kind: "country" as const, key: "NOR" }, candidateAreas: { ...candidateAreas, count: 15 } },
  totalMw: 2000, maxMwPerCandidate: 600,
  markets: [{ name: "Oslo", lat: 59.91, lon: 10.75, share: 0.7 }, { name: "Bergen", lat: 60.39, lon: 5.32, share: 0.3 }],
  workloads: [{ id: "training", share: 0.7, rttSlaMs: null }, { id: "inference", share: 0.3, rttSlaMs: 25 }],
  rule: { kind: "any" as const }, objective: "co2" as const,
});


function download(id: string, format: string, token?: string, how: "query" | "header" | "bearer" = "query") {
  const url = `http://localhost/api/strategy/briefs/${id}/${format}${token && how === "query" ? `?token=${token}` : ""}`;
  const headers: Record<string, string> = {};
  if (token && how === "header") headers["x-brief-token"] = token;
  if (token && how === "bearer") headers.authorization = `Bearer ${token}`;
  return GET(new Request(url, { headers }), { params: Promise.resolve({ id, format }) });
}

beforeAll(async () => {
  // Layer criteria only: the surface is quick to compute.
  scenario = {
    ...(await api.scoring.presets()).find((p) => p.id === "ai-training")!.scenario,
    criteria: [
      { id: "carbon", source: "carbon.grid_intensity", weight: 3, locked: false, valueFunction: { type: "linear", worst: 600, best: 20 }, constraints: [] },
      { id: "fcool", source: "cooling.free_cooling_hours", weight: 1, locked: false, valueFunction: { type: "linear", worst: 0, best: 8760 }, constraints: [] },
    ],
  };
  brief = await api.strategy.createBrief({
    scenario, region: { kind: "country", key: "NOR" }, candidateAreas,
    compare: { regions: [{ kind: "country", key: "NOR" }, { kind: "country", key: "DNK" }] },
    plan: plan(),
  });
}, 180_000);

describe("strategy.createBrief and strategy.getBrief", () => {
  it("creates a brief and returns its id and a 128-bit read token", () => {
    expect(brief.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(brief.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(brief.token).not.toBe(brief.id);
    expect(brief.title).toBe("Strategy brief: Norway");
  });

  it("opens the brief with its token: the profile, the comparison and the plan recomputed on the server", async () => {
    const { meta, content } = await api.strategy.getBrief({ id: brief.id, token: brief.token });
    expect(meta.regionName).toBe("Norway");
    expect(meta.inputsHash).toBe(content.reproducibility.inputsHash);
    expect(content.profile.regionName).toBe("Norway");
    expect(content.profile.candidateAreas.length).toBeGreaterThan(0);
    expect(content.comparison!.rows.map((r) => r.regionName).sort()).toEqual(["Denmark", "Norway"]);
    expect(content.plan!.status).toBe("optimal");
    expect(content.plan!.totals.it_mw).toBeCloseTo(2000, 3);
    expect(content.inputs.plan!.totalMw).toBe(2000);
  });

  it("refuses a wrong token (FORBIDDEN) and an unknown id (NOT_FOUND)", async () => {
    expect((await trpcError(api.strategy.getBrief({ id: brief.id, token: "A".repeat(22) }))).code).toBe("FORBIDDEN");
    expect((await trpcError(api.strategy.getBrief({ id: "B".repeat(22), token: brief.token }))).code).toBe("NOT_FOUND");
    expect(await badRequest(api.strategy.getBrief({ id: "short", token: brief.token }))).toMatch(/^id: must be a 22-character brief id/);
    expect(await badRequest(api.strategy.getBrief({ id: brief.id, token: "x" }))).toMatch(/^token: must be a 22-character token/);
  });

  it("rejects bad input, naming the field of the brief's request", async () => {
    const base = { scenario, region: { kind: "country" as const, key: "NOR" }, candidateAreas };
    expect(await badRequest(api.strategy.createBrief({ ...base, region: { kind: "country", key: "XYZ" } }))).toMatch(/^region\.key: no country with code XYZ/);
    expect(await badRequest(api.strategy.createBrief({ ...base, region: { kind: "country", key: "nor" } }))).toMatch(/^region\.key: a Natural Earth ADM0_A3 code/);
    expect(await badRequest(api.strategy.createBrief({ ...base, title: "" }))).toMatch(/^title: give a title or leave it out/);
    expect(await badRequest(api.strategy.createBrief({ ...base, title: "x".repeat(121) }))).toMatch(/^title: at most 120 characters/);
    expect(await badRequest(api.strategy.createBrief({ ...base, candidateAreas: { ...candidateAreas, count: 0 } }))).toMatch(/^candidateAreas\.count/);
    expect(await badRequest(api.strategy.createBrief({ ...base, extra: 1 } as never))).toMatch(/extra|Unrecognized key/i);
    expect(await badRequest(api.strategy.createBrief({ ...base, compare: { regions: [{ kind: "country", key: "NOR" }] } }))).toMatch(/^compare\.regions: compare at least two regions/);
    expect(await badRequest(api.strategy.createBrief({ ...base, compare: { regions: [{ kind: "country", key: "NOR" }, { kind: "country", key: "QQQ" }] } }))).toMatch(/^compare\.regions\.1\.key: no country with code QQQ/);
    expect(await badRequest(api.strategy.createBrief({ ...base, plan: { ...plan(), totalMw: 0 } }))).toMatch(/^plan\.totalMw: at least 1 MW/);
    expect(await badRequest(api.strategy.createBrief({ ...base, plan: { ...plan(), markets: [] } }))).toMatch(/^plan\.markets: give at least one demand market/);
    expect(await badRequest(api.strategy.createBrief({ ...base, plan: { ...plan(), scenario } as never }))).toMatch(/scenario|Unrecognized key/i);
    expect(await badRequest(api.strategy.createBrief({ ...base, plan: { ...plan(), candidates: { kind: "candidate_areas", region: { kind: "country", key: "ZZZ" }, candidateAreas } } }))).toMatch(/^plan\.candidates\.region\.key: no country with code ZZZ/);
    expect(await badRequest(api.strategy.createBrief({ ...base, scenario: { ...scenario, criteria: [] } }))).toMatch(/^scenario\.criteria/);
  });

  it("makes a brief of an infeasible plan, with the binding constraint in it", async () => {
    const b = await api.strategy.createBrief({
      scenario, region: { kind: "country", key: "NOR" }, candidateAreas,
      plan: { ...plan(), markets: [{ name: "Madrid", lat: 40.42, lon: -3.7, share: 1 }], workloads: [{ id: "inference", share: 1, rttSlaMs: 5 }] },
    });
    const { content } = await api.strategy.getBrief({ id: b.id, token: b.token });
    expect(content.plan!.status).toBe("infeasible");
    expect(content.summary.findings.join(" ")).toMatch(/cannot be placed under the constraints: inference demand for Madrid.*no candidate meets the eligibility rule/);
  }, 120_000);
});

describe("GET /api/strategy/briefs/<id>/<format>", () => {
  it("serves the PDF with the token in the query, a header or a bearer token, and its text has the region, candidate area scores and plan totals", async () => {
    for (const how of ["query", "header", "bearer"] as const) {
      const res = await download(brief.id, "pdf", brief.token, how);
      expect(res.status, how).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="strategy-brief-Norway-\d{4}-\d{2}-\d{2}\.pdf"$/);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      if (how !== "query") continue;
      const pdf = Buffer.from(await res.arrayBuffer());
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      const { execFileSync } = await import("node:child_process");
      const text = execFileSync("pdftotext", ["-layout", "-", "-"], { input: pdf, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
      const { content } = await api.strategy.getBrief({ id: brief.id, token: brief.token });
      expect(text).toContain("Strategy brief: Norway");
      for (const z of content.profile.candidateAreas) expect(text).toContain(fmtFixed(z.meanScore, 1));
      expect(text).toContain(fmtNumber(content.plan!.totals.co2_t, 0));
      expect(text).toContain(fmtNumber(content.plan!.baseline.totals.co2_t, 0));
    }
  }, 60_000);

  it("serves the JSON (inputs and results)", async () => {
    const res = await download(brief.id, "json", brief.token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { inputs: { region: { key: string } }; profile: { regionName: string } };
    expect(body.inputs.region.key).toBe("NOR");
    expect(body.profile.regionName).toBe("Norway");
  });

  it("answers 401 without a token, 403 with a wrong one, 404 for an unknown brief, 400 naming a bad id or format", async () => {
    expect((await download(brief.id, "pdf")).status).toBe(401);
    const wrong = await download(brief.id, "pdf", "A".repeat(22));
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as { error: string }).error).toMatch(/does not open this strategy brief/);
    expect((await download("C".repeat(22), "pdf", brief.token)).status).toBe(404);
    const badFormat = await download(brief.id, "docx", brief.token);
    expect(badFormat.status).toBe(400);
    expect(((await badFormat.json()) as { error: string }).error).toMatch(/^format: must be one of pdf, json/);
    expect(((await (await download("../../etc", "pdf", brief.token)).json()) as { error: string }).error).toMatch(/^id:/);
    expect(((await (await download(brief.id, "pdf", "not-a-token")).json()) as { error: string }).error).toMatch(/^token:/);
  });
});
