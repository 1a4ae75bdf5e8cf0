/**
 * Reports through the API (tRPC caller) and the download route: create from a saved project, open with
 * each kind of token, list, download every format; bad input names the field; a wrong token is FORBIDDEN.
 * The PDF's text (pdftotext, Debian poppler-utils) holds the names, ranks and key numbers the API gives.
 */
import { execFileSync } from "node:child_process";
import { csvParseRows } from "d3-dsv";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/reports/[id]/[format]/route";
import { fmtFixed, fmtNumber } from "@/server/documents/format";
import type { Site } from "@/server/schemas/site";
import { createCaller } from "@/server/trpc/root";
import { internalContext } from "@/server/trpc/context";
import { trpcError } from "../helpers/trpcErrors";

const api = createCaller(internalContext("test"));
const XSS = "<script>alert(1)</script>";


const sites: Site[] = [
  { id: "lulea", name: "Luleå, Sweden", lat: 65.58, lon: 22.15, overrides: {}, origin: "gazetteer" },
  { id: "ashburn", name: "Ashburn, Virginia", lat: 39.04, lon: -77.49, overrides: {}, origin: "gazetteer" },
  { id: "singapore", name: "Singapore", lat: 1.35, lon: 103.82, overrides: {}, origin: "gazetteer" },
  { id: "xss", name: XSS, lat: 60.17, lon: 24.94, overrides: {}, origin: "map" },
  { id: "formula", name: "=cmd|' /C calc'!A0", lat: 52.37, lon: 4.9, overrides: {}, origin: "import" },
];

let project: { id: string; writeToken: string; shareToken: string };
let scenarioId: string;
let report: { id: string; shareToken: string };

function download(id: string, format: string, token?: string, how: "query" | "header" | "bearer" = "query") {
  const url = new URL(`http://localhost/api/reports/${id}/${format}`);
  const headers = new Headers();
  if (token && how === "query") url.searchParams.set("token", token);
  if (token && how === "header") headers.set("x-report-token", token);
  if (token && how === "bearer") headers.set("authorization", `Bearer ${token}`);
  return GET(new Request(url, { headers }), { params: Promise.resolve({ id, format }) });
}

beforeAll(async () => {
  project = await api.projects.create({ name: "Report test" });
  const preset = (await api.scoring.presets()).find((p) => p.id === "ai-training")!;
  scenarioId = preset.scenario.id;
  await api.projects.save({ id: project.id, writeToken: project.writeToken, expectedVersion: 1, content: { name: "Report test", sites, scenarios: [preset.scenario] } });
  report = await api.reports.create({ projectId: project.id, writeToken: project.writeToken, scenarioId });
}, 60_000);

describe("reports.create / get / list", () => {
  it("creates a report stored with the project and opens it with the write, share and report tokens", async () => {
    expect(report.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(report.shareToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    for (const [token, access] of [[project.writeToken, "write"], [project.shareToken, "read"], [report.shareToken, "read"]] as const) {
      const r = await api.reports.get({ id: report.id, token });
      expect(r.access).toBe(access);
      expect(r.meta.projectId).toBe(project.id);
      expect(r.content.sites.map((s) => s.name)).toContain(XSS);
    }
    const list = await api.reports.list({ projectId: project.id, token: project.shareToken });
    expect(list.reports.map((x) => x.id)).toEqual([report.id]);
    expect(list.reports[0]).toMatchObject({ scenarioId, siteCount: sites.length });
  });

  it("reports the same ranks, scores and key numbers as scoring.rank", async () => {
    const preset = (await api.scoring.presets()).find((p) => p.id === "ai-training")!;
    const ranked = await api.scoring.rank({ sites, scenario: preset.scenario });
    const { content } = await api.reports.get({ id: report.id, token: report.shareToken });
    for (const s of ranked.sites) {
      const card = content.sites.find((c) => c.id === s.id)!;
      expect(card.rank).toBe(s.rank);
      expect(card.score).toBe(s.score);
    }
  });

  it("rejects bad input naming the field, and a wrong token with FORBIDDEN", async () => {
    expect((await trpcError(api.reports.create({ projectId: "nope", writeToken: project.writeToken, scenarioId }))).message).toMatch(/^projectId: /);
    expect((await trpcError(api.reports.create({ projectId: project.id, writeToken: "short", scenarioId }))).message).toMatch(/^writeToken: /);
    expect((await trpcError(api.reports.create({ projectId: project.id, writeToken: project.writeToken, scenarioId: "has space" }))).message).toMatch(/^scenarioId: /);
    const unknown = await trpcError(api.reports.create({ projectId: project.id, writeToken: project.writeToken, scenarioId: "missing" }));
    expect(unknown.code).toBe("BAD_REQUEST");
    expect(unknown.message).toMatch(/^scenarioId: the project has no scenario "missing"/);
    expect((await trpcError(api.reports.create({ projectId: project.id, writeToken: project.shareToken, scenarioId }))).code).toBe("FORBIDDEN");
    expect((await trpcError(api.reports.create({ projectId: project.id, writeToken: "A".repeat(22), scenarioId }))).code).toBe("FORBIDDEN");
    expect((await trpcError(api.reports.create({ projectId: "B".repeat(22), writeToken: project.writeToken, scenarioId }))).code).toBe("NOT_FOUND");
    expect((await trpcError(api.reports.create({ projectId: project.id, writeToken: project.writeToken, scenarioId, extra: 1 } as never))).code).toBe("BAD_REQUEST");
    expect((await trpcError(api.reports.get({ id: report.id, token: "A".repeat(22) }))).code).toBe("FORBIDDEN");
    expect((await trpcError(api.reports.get({ id: "C".repeat(22), token: project.writeToken }))).code).toBe("NOT_FOUND");
    expect((await trpcError(api.reports.get({ id: "x", token: project.writeToken }))).message).toMatch(/^id: /);
    expect((await trpcError(api.reports.list({ projectId: project.id, token: report.shareToken }))).code).toBe("FORBIDDEN");
    expect((await trpcError(api.reports.list({ projectId: project.id, token: "bad" }))).message).toMatch(/^token: /);
    const other = await api.projects.create({ name: "Another" });
    expect((await trpcError(api.reports.get({ id: report.id, token: other.writeToken }))).code).toBe("FORBIDDEN");
    const empty = await api.projects.create({ name: "Empty" });
    const preset = (await api.scoring.presets()).find((p) => p.id === "ai-training")!;
    await api.projects.save({ id: empty.id, writeToken: empty.writeToken, expectedVersion: 1, content: { name: "Empty", sites: [], scenarios: [preset.scenario] } });
    expect((await trpcError(api.reports.create({ projectId: empty.id, writeToken: empty.writeToken, scenarioId }))).message).toMatch(/^projectId: the project has no sites/);
  });
});

describe("download route", () => {
  it("serves the PDF; its text has the names, ranks, scores and key numbers from the API and the script-tag name as text", async () => {
    const res = await download(report.id, "pdf", report.shareToken, "header");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="siting-report-Report-test-\d{4}-\d\d-\d\d\.pdf"$/);
    const pdf = Buffer.from(await res.arrayBuffer());
    const text = execFileSync("pdftotext", ["-layout", "-", "-"], { input: pdf, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const preset = (await api.scoring.presets()).find((p) => p.id === "ai-training")!;
    const ranked = await api.scoring.rank({ sites, scenario: preset.scenario });
    for (const s of ranked.sites) {
      expect(text).toContain(s.rank !== null ? `#${s.rank} ${s.name}` : s.name);
      if (s.score !== null) expect(text).toContain(`score ${fmtFixed(s.score, 1)}`);
      if (s.rank !== null) {
        expect(text).toContain(fmtNumber(s.metrics.annual_grid_energy_mwh.value, 0));
        expect(text).toContain(fmtNumber(s.metrics.co2_location_t_per_yr.value, 0));
      }
    }
    expect(text).toContain(XSS);
  }, 60_000);

  it("serves CSV, GeoJSON and JSON with the token in the query, a header or a bearer", async () => {
    const csv = await download(report.id, "csv", project.writeToken, "query");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const rows = csvParseRows((await csv.text()).replace(/^\uFEFF/, "").replace(/\r\n/g, "\n").trim());
    expect(rows[0]).toContain("annual_grid_energy_mwh [MWh/yr]");
    expect(rows.find((r) => r[1] === "formula")![2]).toBe("'=cmd|' /C calc'!A0");
    const geo = await download(report.id, "geojson", project.shareToken, "bearer");
    expect(geo.status).toBe(200);
    expect((await geo.json() as { features: unknown[] }).features).toHaveLength(sites.length);
    const json = await download(report.id, "json", report.shareToken, "header");
    expect((await json.json() as { scenario: { id: string } }).scenario.id).toBe(scenarioId);
    expect(json.headers.get("cache-control")).toBe("private, no-store");
  });

  it("answers bad requests with the field, a missing token with 401 and a wrong one with 403", async () => {
    const body = async (r: Response) => ((await r.json()) as { error: string }).error;
    let r = await download(report.id, "exe", report.shareToken);
    expect(r.status).toBe(400);
    expect(await body(r)).toMatch(/^format: /);
    r = await download("../../etc/passwd", "pdf", report.shareToken);
    expect(r.status).toBe(400);
    expect(await body(r)).toMatch(/^id: /);
    r = await download(report.id, "csv");
    expect(r.status).toBe(401);
    r = await download(report.id, "csv", "bad token");
    expect(r.status).toBe(400);
    expect(await body(r)).toMatch(/^token: /);
    r = await download(report.id, "csv", "A".repeat(22));
    expect(r.status).toBe(403);
    r = await download("D".repeat(22), "csv", report.shareToken);
    expect(r.status).toBe(404);
  });
});
