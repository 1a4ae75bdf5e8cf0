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

/**
 * A regional strategy brief (server/strategy/brief/content.ts): its content as JSON, frozen when it was made.
 * Not tied to a project: the strategy page has none. Opened with its own read token only.
 */
export interface StrategyBriefsTable {
  id: string;
  title: string;
  region_name: string;
  /** SHA-256 (hex) of the brief's read token (128 random bits, shown once to its creator). */
  read_token_hash: string;
  created_at: string;
  app_version: string;
  /** The data build's inputs hash the brief was made with. */
  data_hash: string;
  /** SHA-256 of the brief request's canonical JSON. */
  inputs_hash: string;
  /** JSON of StrategyBriefContent. */
  content_json: string;
}

export interface Database {
  projects: ProjectsTable;
  sites: SitesTable;
  scenarios: ScenariosTable;
  reports: ReportsTable;
  strategy_briefs: StrategyBriefsTable;
}
