/**
 * Reading a stored brief's content. Briefs are stored as JSON and must keep opening after an upgrade.
 * Version 1 called the candidate areas "zones" (`zones`, `zoneOptions`, `zoneThreshold`,
 * `bestZoneScore`, plan candidates `kind: "zones"`); version 2 calls them candidate areas, so that
 * "zone" means an Electricity Maps grid zone only, and adds the power-market section (null for a v1
 * brief: it was made without the curated table).
 */
import { BRIEF_SCHEMA_VERSION, type StrategyBriefContent } from "./content";

const V1_KEYS: Record<string, string> = {
  zones: "candidateAreas", zoneOptions: "candidateAreaOptions", zoneThreshold: "candidateAreaThreshold", bestZoneScore: "bestAreaScore",
};

/** Renames version-1 keys everywhere in the content (its request included). */
function renameV1(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(renameV1);
  if (!x || typeof x !== "object") return x;
  return Object.fromEntries(Object.entries(x).map(([k, v]) => [V1_KEYS[k] ?? k, k === "kind" && v === "zones" ? "candidate_areas" : renameV1(v)]));
}

/** The stored content as the current version, or an error naming an unknown version. */
export function readStoredBrief(raw: unknown): StrategyBriefContent {
  const c = raw as { schemaVersion?: unknown } | null;
  if (c && typeof c === "object" && c.schemaVersion === BRIEF_SCHEMA_VERSION) return c as StrategyBriefContent;
  if (c && typeof c === "object" && c.schemaVersion === 1) return { ...(renameV1(c) as StrategyBriefContent), powerMarket: null, schemaVersion: BRIEF_SCHEMA_VERSION };
  throw new Error(`stored strategy brief has an unknown content version (${String(c?.schemaVersion)})`);
}
