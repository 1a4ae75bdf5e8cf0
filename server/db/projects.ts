/**
 * Projects: candidate sites and scenarios, persisted. Access is by capability tokens of 128 random
 * bits: the write token (kept by the creator) allows reading and saving, the share token allows
 * reading only. Only SHA-256 hashes of tokens are stored. Every save names the version it was based
 * on; a save based on an older version is refused (two tabs editing the same project get a conflict
 * instead of silently overwriting each other).
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import type { Site } from "@/server/schemas/site";
import { ConflictError, ForbiddenError, NotFoundError } from "@/server/errors";
import type { Database } from "./schema";

export interface StoredScenario { id: string; name: string; spec: unknown }
export interface ProjectContent { name: string; sites: Site[]; scenarios: StoredScenario[] }
export interface Project extends ProjectContent { id: string; version: number; createdAt: string; updatedAt: string }

/** A save based on an older version than the stored one. */
export function staleVersion(expected: number, actual: number): ConflictError {
  return new ConflictError(`the project was saved elsewhere (now version ${actual}, this edit was based on version ${expected}); reload to see the other changes`, { expectedVersion: expected, currentVersion: actual });
}

/** 128 random bits, URL-safe: 22 characters (TOKEN_PATTERN in server/schemas/token.ts). */
export function newToken(): string {
  return randomBytes(16).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex"), y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

const CHUNK = 500;

export async function createProject(db: Kysely<Database>, name: string): Promise<{ id: string; writeToken: string; shareToken: string; version: number }> {
  const id = newToken(), writeToken = newToken(), shareToken = newToken();
  const now = new Date().toISOString();
  await db.insertInto("projects").values({
    id, name, version: 1, write_token_hash: hashToken(writeToken), share_token_hash: hashToken(shareToken), created_at: now, updated_at: now,
  }).execute();
  return { id, writeToken, shareToken, version: 1 };
}

async function readContent(db: Kysely<Database>, row: Database["projects"]): Promise<Project> {
  const [sites, scenarios] = await Promise.all([
    db.selectFrom("sites").selectAll().where("project_id", "=", row.id).orderBy("position").execute(),
    db.selectFrom("scenarios").selectAll().where("project_id", "=", row.id).orderBy("position").execute(),
  ]);
  return {
    id: row.id,
    name: row.name,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sites: sites.map((s) => ({ id: s.id, name: s.name, lat: Number(s.lat), lon: Number(s.lon), overrides: JSON.parse(s.overrides_json) as Site["overrides"], origin: s.origin as Site["origin"] })),
    scenarios: scenarios.map((s) => ({ id: s.id, name: s.name, spec: JSON.parse(s.spec_json) as unknown })),
  };
}

/** Loads a project with its write token (access "write") or its share token (access "read"). */
export async function loadProject(db: Kysely<Database>, id: string, token: string): Promise<{ project: Project; access: "write" | "read" }> {
  const row = await db.selectFrom("projects").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw new NotFoundError(`no project with id ${id}`);
  const h = hashToken(token);
  const access = sameHash(h, row.write_token_hash) ? "write" : sameHash(h, row.share_token_hash) ? "read" : null;
  if (!access) throw new ForbiddenError("the token does not open this project");
  return { project: await readContent(db, row), access };
}

/** Loads a project by its share token alone (read-only links). */
export async function loadShared(db: Kysely<Database>, shareToken: string): Promise<Project> {
  const row = await db.selectFrom("projects").selectAll().where("share_token_hash", "=", hashToken(shareToken)).executeTakeFirst();
  if (!row) throw new NotFoundError("no project is shared with this link");
  return readContent(db, row);
}

/**
 * Saves the whole content of a project atomically if `expectedVersion` is still current;
 * returns the new version. Throws ProjectConflict, ProjectForbidden or ProjectNotFound.
 */
export async function saveProject(db: Kysely<Database>, id: string, writeToken: string, expectedVersion: number, content: ProjectContent): Promise<{ version: number; updatedAt: string }> {
  return db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom("projects").select(["version", "write_token_hash"]).where("id", "=", id).executeTakeFirst();
    if (!row) throw new NotFoundError(`no project with id ${id}`);
    if (!sameHash(hashToken(writeToken), row.write_token_hash)) throw new ForbiddenError("the write token does not open this project for editing");
    const now = new Date().toISOString();
    const updated = await tx.updateTable("projects")
      .set({ version: expectedVersion + 1, name: content.name, updated_at: now })
      .where("id", "=", id).where("version", "=", expectedVersion)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw staleVersion(expectedVersion, Number(row.version));
    await tx.deleteFrom("sites").where("project_id", "=", id).execute();
    await tx.deleteFrom("scenarios").where("project_id", "=", id).execute();
    for (let i = 0; i < content.sites.length; i += CHUNK) {
      await tx.insertInto("sites").values(content.sites.slice(i, i + CHUNK).map((s, k) => ({
        project_id: id, id: s.id, position: i + k, name: s.name, lat: s.lat, lon: s.lon, overrides_json: JSON.stringify(s.overrides ?? {}), origin: s.origin ?? "coordinates",
      }))).execute();
    }
    if (content.scenarios.length) {
      await tx.insertInto("scenarios").values(content.scenarios.map((s, k) => ({ project_id: id, id: s.id, position: k, name: s.name, spec_json: JSON.stringify(s.spec) }))).execute();
    }
    return { version: expectedVersion + 1, updatedAt: now };
  });
}
