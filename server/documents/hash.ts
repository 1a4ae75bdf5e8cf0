/**
 * Hashes for the reproducibility footer: SHA-256 of canonical JSON (object keys sorted, no
 * whitespace), so the same scenario or site list always hashes the same whatever the key order it was
 * stored or typed with.
 */
import { createHash } from "node:crypto";

/** JSON with object keys sorted at every level (arrays keep their order; undefined members are dropped as JSON.stringify does). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

/** SHA-256 (hex) of the canonical JSON of `value`. */
export function contentHash(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}
