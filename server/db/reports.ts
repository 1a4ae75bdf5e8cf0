/**
 * Reports, saved with their project (table `reports`, migration 002). A report is opened with:
 * - the project's write token (read and create),
 * - the project's read-only share token (read), or
 * - the report's own share token, returned once at creation: it opens that report only, read-only,
 *   so a link to one report shares nothing else of the project.
 * Only SHA-256 hashes of tokens are stored, compared in constant time (as projects.ts does).
 */
import { timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import { ForbiddenError, NotFoundError } from "@/server/errors";
import { hashToken, newToken } from "./projects";
import type { Database } from "./schema";

export interface ReportMeta {
  id: string;
  projectId: string;
  scenarioId: string;
  title: string;
  createdAt: string;
  appVersion: string;
  dataHash: string;
  scenarioHash: string;
  siteCount: number;
}

export interface StoredReport extends ReportMeta {
  /** The report content as stored (JSON-parsed; validated by the caller). */
  content: unknown;
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex"), y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

function meta(row: Database["reports"]): ReportMeta {
  return {
    id: row.id, projectId: row.project_id, scenarioId: row.scenario_id, title: row.title, createdAt: row.created_at,
    appVersion: row.app_version, dataHash: row.data_hash, scenarioHash: row.scenario_hash, siteCount: Number(row.site_count),
  };
}

/** Which access a token gives to a project: "write", "read" or none. */
async function projectAccess(db: Kysely<Database>, projectId: string, token: string): Promise<"write" | "read" | null> {
  const p = await db.selectFrom("projects").select(["write_token_hash", "share_token_hash"]).where("id", "=", projectId).executeTakeFirst();
  if (!p) throw new NotFoundError(`no project with id ${projectId}`);
  const h = hashToken(token);
  return sameHash(h, p.write_token_hash) ? "write" : sameHash(h, p.share_token_hash) ? "read" : null;
}

/**
 * Saves a report for a project; the write token must open the project. Returns the report's id and
 * its own share token (shown once).
 */
export async function saveReport(db: Kysely<Database>, projectId: string, writeToken: string, r: {
  scenarioId: string; title: string; appVersion: string; dataHash: string; scenarioHash: string; siteCount: number; content: unknown; createdAt: string;
}): Promise<{ id: string; shareToken: string; createdAt: string }> {
  if ((await projectAccess(db, projectId, writeToken)) !== "write") throw new ForbiddenError("the write token does not open this project for editing");
  const id = newToken(), shareToken = newToken();
  await db.insertInto("reports").values({
    id, project_id: projectId, scenario_id: r.scenarioId, title: r.title, share_token_hash: hashToken(shareToken), created_at: r.createdAt,
    app_version: r.appVersion, data_hash: r.dataHash, scenario_hash: r.scenarioHash, site_count: r.siteCount, content_json: JSON.stringify(r.content),
  }).execute();
  return { id, shareToken, createdAt: r.createdAt };
}

/** Loads a report with its project's write or share token or its own share token (ReportNotFound, ProjectForbidden). */
export async function loadReport(db: Kysely<Database>, id: string, token: string): Promise<{ report: StoredReport; access: "write" | "read" }> {
  const row = await db.selectFrom("reports").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw new NotFoundError(`no report with id ${id}`);
  let access: "write" | "read" | null = sameHash(hashToken(token), row.share_token_hash) ? "read" : null;
  access ??= await projectAccess(db, row.project_id, token);
  if (!access) throw new ForbiddenError("the token opens neither this report nor its project");
  return { report: { ...meta(row), content: JSON.parse(row.content_json) as unknown }, access };
}

/** Lists a project's reports, newest first, with its write or share token. */
export async function listReports(db: Kysely<Database>, projectId: string, token: string): Promise<ReportMeta[]> {
  if (!(await projectAccess(db, projectId, token))) throw new ForbiddenError("the token does not open this project");
  const rows = await db.selectFrom("reports")
    .select(["id", "project_id", "scenario_id", "title", "share_token_hash", "created_at", "app_version", "data_hash", "scenario_hash", "site_count"])
    .where("project_id", "=", projectId).orderBy("created_at", "desc").orderBy("id").execute();
  return rows.map((r) => meta({ ...r, content_json: "" }));
}
