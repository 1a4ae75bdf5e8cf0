/** The process-wide database handle, opened (and migrated) on first use. */
import type { Kysely } from "kysely";
import { env } from "@/server/env";
import { dbConfigFromEnv, openDb } from "./connect";
import type { Database } from "./schema";

let db: Promise<Kysely<Database>> | null = null;

export function getDb(): Promise<Kysely<Database>> {
  if (!db) {
    db = openDb(dbConfigFromEnv(env()));
    db.catch(() => {
      db = null; // let a later request retry after a transient failure
    });
  }
  return db;
}
