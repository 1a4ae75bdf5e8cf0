/**
 * Database tables (Kysely types). The same schema and queries serve the embedded SQLite database
 * and PostgreSQL: JSON is stored as text, times as ISO-8601 text, so no dialect-specific type leaks
 * into the domain code.
 */
export interface ProjectsTable {
  id: string;
  name: string;
  /** Incremented on every write; a write carrying an older version is rejected (two tabs, one project). */
  version: number;
  /** SHA-256 (hex) of the write token; the token itself is only ever shown to its creator. */
  write_token_hash: string;
  /** SHA-256 (hex) of the read-only share token. */
  share_token_hash: string;
  created_at: string;
  updated_at: string;
}

export interface SitesTable {
  project_id: string;
  id: string;
  position: number;
  name: string;
  lat: number;
  lon: number;
  /** JSON object: layer or metric id → user value that replaces the layer value for this site. */
  overrides_json: string;
  /** How the site was added: map, coordinates, gazetteer, import, best-locations. */
  origin: string;
}

export interface ScenariosTable {
  project_id: string;
  id: string;
  position: number;
  name: string;
  /** JSON of the Scenario schema (server/schemas/scenario.ts). */
  spec_json: string;
}

/**
 * A report made from a project and one of its scenarios: the assembled content (server/reports/types.ts)
 * as JSON, frozen when the report was created, so it keeps showing what was true then.
 */
export interface ReportsTable {
  id: string;
  project_id: string;
  scenario_id: string;
  title: string;
  /** SHA-256 (hex) of the report's own read-only share token (opens this report only). */
  share_token_hash: string;
  created_at: string;
  app_version: string;
  /** The data build's inputs hash the report was made with. */
  data_hash: string;
  /** SHA-256 of the scenario's canonical JSON. */
  scenario_hash: string;
  site_count: number;
  /** JSON of ReportContent. */
  content_json: string;
}

export interface Database {
  projects: ProjectsTable;
  sites: SitesTable;
  scenarios: ScenariosTable;
  reports: ReportsTable;
}
