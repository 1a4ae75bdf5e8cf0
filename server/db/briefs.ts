/**
 * Strategy briefs (table `strategy_briefs`, migration 003). A brief is shared by link: its id and a
 * read token of 128 random bits, returned once when the brief is saved. Only the token's SHA-256 is
 * stored and compared in constant time; a brief is read-only once made (a new brief is a new row).
 */
import { timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import { ForbiddenError, NotFoundError } from "@/server/errors";
import { hashToken, newToken } from "./projects";
import type { Database } from "./schema";

export interface BriefMeta {
  id: string;
  title: string;
  regionName: string;
  createdAt: string;
  appVersion: string;
  dataHash: string;
  inputsHash: string;
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex"), y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Saves a brief; returns its id and read token (shown once). */
export async function saveBrief(db: Kysely<Database>, b: {
  title: string; regionName: string; createdAt: string; appVersion: string; dataHash: string; inputsHash: string; content: unknown;
}): Promise<{ id: string; token: string; createdAt: string }> {
  const id = newToken(), token = newToken();
  await db.insertInto("strategy_briefs").values({
    id, title: b.title, region_name: b.regionName, read_token_hash: hashToken(token), created_at: b.createdAt,
    app_version: b.appVersion, data_hash: b.dataHash, inputs_hash: b.inputsHash, content_json: JSON.stringify(b.content),
  }).execute();
  return { id, token, createdAt: b.createdAt };
}

/** Loads a brief with its read token (BriefNotFound, BriefForbidden). The content is JSON-parsed; the caller validates it. */
export async function loadBrief(db: Kysely<Database>, id: string, token: string): Promise<{ meta: BriefMeta; content: unknown }> {
  const row = await db.selectFrom("strategy_briefs").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw new NotFoundError(`no strategy brief with id ${id}`);
  if (!sameHash(hashToken(token), row.read_token_hash)) throw new ForbiddenError("the token does not open this strategy brief");
  return {
    meta: { id: row.id, title: row.title, regionName: row.region_name, createdAt: row.created_at, appVersion: row.app_version, dataHash: row.data_hash, inputsHash: row.inputs_hash },
    content: JSON.parse(row.content_json) as unknown,
  };
}
