/** Projects and sites through the API (tRPC caller): save, reload, share read-only, conflicts, bad input. */
import { describe, expect, it } from "vitest";
import { createCaller } from "@/server/trpc/root";
import { internalContext } from "@/server/trpc/context";
import { trpcError } from "../helpers/trpcErrors";

const api = createCaller(internalContext("test"));


const scenario = {
  id: "sc1",
  name: "Training campus",
  criteria: [{ id: "c1", source: "carbon.grid_intensity", weight: 1, valueFunction: { type: "linear" as const, worst: 800, best: 0 } }],
  loadProfile: { itMw: 200, cooling: "air_economiser" as const },
  market: { name: "EU", points: [{ name: "Frankfurt", lat: 50.11, lon: 8.68, weight: 1 }], rule: { kind: "eu_gdpr_transfer" as const } },
};

describe("projects", () => {
  it("creates, saves and reopens a project; the share token opens it read-only", async () => {
    const p = await api.projects.create({ name: "Nordic" });
    const saved = await api.projects.save({ id: p.id, writeToken: p.writeToken, expectedVersion: 1, content: {
      name: "Nordic", sites: [{ id: "a", name: "Luleå", lat: 65.58, lon: 22.15, overrides: {}, origin: "gazetteer" }], scenarios: [scenario],
    } });
    expect(saved.version).toBe(2);
    const mine = await api.projects.get({ id: p.id, token: p.writeToken });
    expect(mine.access).toBe("write");
    expect(mine.project.sites[0]!.name).toBe("Luleå");
    expect(mine.project.scenarios[0]!.criteria[0]!.source).toBe("carbon.grid_intensity");
    const shared = await api.projects.shared({ shareToken: p.shareToken });
    expect(shared.access).toBe("read");
    expect(shared.project.id).toBe(p.id);
    const e = await trpcError(api.projects.save({ id: p.id, writeToken: p.shareToken, expectedVersion: 2, content: { name: "x", sites: [], scenarios: [] } }));
    expect(e.code).toBe("FORBIDDEN");
  });

  it("answers a stale save with CONFLICT and the versions", async () => {
    const p = await api.projects.create({ name: "Two tabs" });
    await api.projects.save({ id: p.id, writeToken: p.writeToken, expectedVersion: 1, content: { name: "tab 1", sites: [], scenarios: [] } });
    const e = await trpcError(api.projects.save({ id: p.id, writeToken: p.writeToken, expectedVersion: 1, content: { name: "tab 2", sites: [], scenarios: [] } }));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toMatch(/version 2.*version 1/);
  });

  it("validates content, naming the field", async () => {
    const p = await api.projects.create({ name: "Bad" });
    const bad = (content: unknown) => trpcError(api.projects.save({ id: p.id, writeToken: p.writeToken, expectedVersion: 1, content: content as never }));
    expect((await bad({ name: "x", sites: [{ id: "a", name: "A", lat: 91, lon: 0 }], scenarios: [] })).message).toMatch(/content\.sites\.0\.lat/);
    expect((await bad({ name: "x", sites: [{ id: "a", name: "A", lat: 1, lon: 0 }, { id: "a", name: "B", lat: 2, lon: 0 }], scenarios: [] })).message).toMatch(/site ids must be unique/);
    expect((await bad({ name: "x", sites: [], scenarios: [{ ...scenario, criteria: [{ ...scenario.criteria[0], weight: -1 }] }] })).message).toMatch(/content\.scenarios\.0\.criteria\.0\.weight/);
    expect((await bad({ name: "x", sites: [], scenarios: [{ ...scenario, criteria: [{ ...scenario.criteria[0], valueFunction: { type: "linear", worst: 1, best: 1 } }] }] })).message).toMatch(/worst and best must differ/);
    expect((await trpcError(api.projects.get({ id: "short", token: p.writeToken }))).message).toMatch(/^id: /);
    expect((await trpcError(api.projects.get({ id: p.id, token: "A".repeat(22) }))).code).toBe("FORBIDDEN");
    expect((await trpcError(api.projects.get({ id: "A".repeat(22), token: p.writeToken }))).code).toBe("NOT_FOUND");
  });
});

describe("sites", () => {
  it("imports a CSV with bad rows: valid rows kept, each bad row reported", async () => {
    const r = await api.sites.import({ format: "csv", content: "name,lat,lon\nOslo,59.9,10.7\nNowhere,,\nBad,abc,3\n" });
    expect(r.sites.map((s) => s.name)).toEqual(["Oslo"]);
    expect(r.errors.map((e) => e.row)).toEqual([3, 3, 4]);
  });

  it("refuses an unreadable file with the reason", async () => {
    const e = await trpcError(api.sites.import({ format: "geojson", content: "not json" }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.message).toMatch(/content: not valid JSON/);
  });

  it("searches the gazetteer", async () => {
    const places = await api.sites.search({ q: "lulea" });
    expect(places[0]).toMatchObject({ name: "Luleå", country: "SE" });
    expect((await trpcError(api.sites.search({ q: "a" }))).message).toMatch(/q: type at least 2 characters/);
  });
});
