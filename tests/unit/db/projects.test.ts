/**
 * Project persistence against both databases the product supports: the embedded SQLite file and a
 * real PostgreSQL server — the same queries, the same behaviour.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type DbConfig } from "@/server/db/connect";
import { createProject, loadProject, loadShared, saveProject } from "@/server/db/projects";
import { ConflictError, ForbiddenError, NotFoundError } from "@/server/errors";
import type { Database } from "@/server/db/schema";
import type { Site } from "@/server/schemas/site";
import { postgresUnavailable, startPostgres, type TestPostgres } from "../../helpers/postgres";

const site = (i: number): Site => ({ id: `s${i}`, name: `Site ${i}`, lat: 10 + i / 1000, lon: 20 - i / 1000, overrides: i === 0 ? { "power.price_usd_per_mwh": 42 } : {}, origin: "import" });

function suite(name: string, config: () => Promise<DbConfig>, cleanup: () => Promise<void>) {
  describe(name, () => {
    let db: Kysely<Database>;
    beforeAll(async () => {
      db = await openDb(await config());
    }, 60_000);
    afterAll(async () => {
      await db?.destroy();
      await cleanup();
    });

    it("creates a project with unguessable 128-bit tokens and stores only their hashes", async () => {
      const p = await createProject(db, "Nordic options");
      for (const t of [p.id, p.writeToken, p.shareToken]) expect(Buffer.from(t, "base64url")).toHaveLength(16);
      const row = await db.selectFrom("projects").selectAll().where("id", "=", p.id).executeTakeFirstOrThrow();
      expect(JSON.stringify(row)).not.toContain(p.writeToken);
      expect(JSON.stringify(row)).not.toContain(p.shareToken);
    });

    it("saves and reloads sites (with overrides and order) and scenarios", async () => {
      const p = await createProject(db, "A");
      const sites = Array.from({ length: 1200 }, (_, i) => site(i));
      const saved = await saveProject(db, p.id, p.writeToken, 1, { name: "A renamed", sites, scenarios: [{ id: "sc1", name: "Training", spec: { weights: [1, 2] } }] });
      expect(saved.version).toBe(2);
      const { project, access } = await loadProject(db, p.id, p.writeToken);
      expect(access).toBe("write");
      expect(project.name).toBe("A renamed");
      expect(project.sites).toHaveLength(1200);
      expect(project.sites[0]).toEqual(site(0));
      expect(project.sites[1199]!.id).toBe("s1199");
      expect(project.scenarios).toEqual([{ id: "sc1", name: "Training", spec: { weights: [1, 2] } }]);
    });

    it("opens read-only with the share token and refuses a wrong token", async () => {
      const p = await createProject(db, "B");
      expect((await loadProject(db, p.id, p.shareToken)).access).toBe("read");
      expect((await loadShared(db, p.shareToken)).id).toBe(p.id);
      await expect(loadProject(db, p.id, "x".repeat(22))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(saveProject(db, p.id, p.shareToken, 1, { name: "B", sites: [], scenarios: [] })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(loadProject(db, "nope", p.writeToken)).rejects.toBeInstanceOf(NotFoundError);
    });

    it("refuses a save based on an old version (two tabs), keeping the first save intact", async () => {
      const p = await createProject(db, "C");
      await saveProject(db, p.id, p.writeToken, 1, { name: "tab one", sites: [site(1)], scenarios: [] });
      const stale = saveProject(db, p.id, p.writeToken, 1, { name: "tab two", sites: [site(2)], scenarios: [] });
      await expect(stale).rejects.toBeInstanceOf(ConflictError);
      await expect(stale).rejects.toThrow(/now version 2/);
      const { project } = await loadProject(db, p.id, p.writeToken);
      expect(project.name).toBe("tab one");
      expect(project.sites.map((s) => s.id)).toEqual(["s1"]);
    });

    it("lets exactly one of two concurrent saves of the same version win", async () => {
      const p = await createProject(db, "D");
      const results = await Promise.allSettled([
        saveProject(db, p.id, p.writeToken, 1, { name: "x", sites: [site(1)], scenarios: [] }),
        saveProject(db, p.id, p.writeToken, 1, { name: "y", sites: [site(2)], scenarios: [] }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.filter((r) => r.status === "rejected" && r.reason instanceof ConflictError)).toHaveLength(1);
    });
  });
}

const sqliteDir = mkdtempSync(path.join(os.tmpdir(), "siting-sqlite-"));
suite("embedded SQLite", async () => ({ kind: "sqlite", file: path.join(sqliteDir, "test.sqlite") }), async () => rmSync(sqliteDir, { recursive: true, force: true }));

const pgReason = postgresUnavailable();
if (pgReason && process.env.CI) throw new Error(`CI must test the PostgreSQL path: ${pgReason}`);
let pg: TestPostgres | null = null;
if (!pgReason) {
  suite("PostgreSQL", async () => {
    pg = await startPostgres();
    return { kind: "postgres", url: pg.url };
  }, async () => {
    await pg?.stop();
  });
} else {
  describe.skip(`PostgreSQL (${pgReason})`, () => {
    it("runs where PostgreSQL is installed", () => {});
  });
}
