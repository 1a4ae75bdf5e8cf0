/**
 * Opens the database: embedded SQLite under DATA_DIR by default (created on first run, WAL
 * journal so a crash never loses an acknowledged write), PostgreSQL when DATABASE_URL says so.
 * Migrations run on open.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationProvider } from "kysely";
import { Pool } from "pg";
import { migrations } from "./migrations";
import type { Database } from "./schema";

export type DbConfig = { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };

export function dbConfigFromEnv(env: { DATA_DIR: string; DATABASE_URL?: string | undefined }): DbConfig {
  return env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "sqlite", file: path.join(env.DATA_DIR, "siting-atlas.sqlite") };
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function openDb(config: DbConfig): Promise<Kysely<Database>> {
  let db: Kysely<Database>;
  if (config.kind === "sqlite") {
    mkdirSync(path.dirname(config.file), { recursive: true });
    const sqlite = new SQLite(config.file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = FULL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  } else {
    const pool = new Pool({ connectionString: config.url, max: 10 });
    // An idle client dropped by the server (restart, failover) is emitted as a pool error; unhandled,
    // it would crash the process. The pool replaces the client on next use.
    pool.on("error", (err) => console.error("PostgreSQL idle client error:", err.message));
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    await db.destroy();
    throw new Error(`database migration ${failed?.migrationName ?? ""} failed: ${String(error ?? "unknown error")}`);
  }
  return db;
}
