/**
 * Schema migrations, in order, shared by SQLite and PostgreSQL (Kysely's migrator records which
 * have run). Never edit a migration that has shipped; add a new one.
 */
import { sql, type Kysely, type Migration } from "kysely";

export const migrations: Record<string, Migration> = {
  "001_projects_sites_scenarios": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("projects")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("write_token_hash", "text", (c) => c.notNull())
        .addColumn("share_token_hash", "text", (c) => c.notNull().unique())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("sites")
        .addColumn("project_id", "text", (c) => c.notNull().references("projects.id").onDelete("cascade"))
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("position", "integer", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("lat", sql`double precision`, (c) => c.notNull())
        .addColumn("lon", sql`double precision`, (c) => c.notNull())
        .addColumn("overrides_json", "text", (c) => c.notNull())
        .addColumn("origin", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("sites_pk", ["project_id", "id"])
        .execute();
      await db.schema
        .createTable("scenarios")
        .addColumn("project_id", "text", (c) => c.notNull().references("projects.id").onDelete("cascade"))
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("position", "integer", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("spec_json", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("scenarios_pk", ["project_id", "id"])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("scenarios").execute();
      await db.schema.dropTable("sites").execute();
      await db.schema.dropTable("projects").execute();
    },
  },
  "002_reports": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("reports")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("project_id", "text", (c) => c.notNull().references("projects.id").onDelete("cascade"))
        .addColumn("scenario_id", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("share_token_hash", "text", (c) => c.notNull().unique())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("app_version", "text", (c) => c.notNull())
        .addColumn("data_hash", "text", (c) => c.notNull())
        .addColumn("scenario_hash", "text", (c) => c.notNull())
        .addColumn("site_count", "integer", (c) => c.notNull())
        .addColumn("content_json", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("reports_project_idx").on("reports").columns(["project_id", "created_at"]).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("reports").execute();
    },
  },
  "003_strategy_briefs": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("strategy_briefs")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("region_name", "text", (c) => c.notNull())
        .addColumn("read_token_hash", "text", (c) => c.notNull().unique())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("app_version", "text", (c) => c.notNull())
        .addColumn("data_hash", "text", (c) => c.notNull())
        .addColumn("inputs_hash", "text", (c) => c.notNull())
        .addColumn("content_json", "text", (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("strategy_briefs").execute();
    },
  },
};
