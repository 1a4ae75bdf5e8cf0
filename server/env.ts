/**
 * Environment, validated once at start (create-t3-app `src/env.js` pattern): a bad value stops the
 * server with the variable named, instead of failing later in a request.
 */
import path from "node:path";
import { z } from "zod";

const Env = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** Folder holding manifest.json and the generated layer files. */
  LAYERS_DIR: z.string().min(1).default(path.join(process.cwd(), "data/layers")),
  /** Folder for the embedded SQLite database and caches (git-ignored). */
  DATA_DIR: z.string().min(1).default(path.join(process.cwd(), ".data")),
  /** Folder for recomputable caches (model grids, surfaces); default DATA_DIR/cache. */
  CACHE_DIR: z.string().min(1).optional(),
  /** Cost units a client may spend per minute on expensive operations (0 = no limit); see server/http/rateLimit.ts. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().min(0).default(120),
  /** Largest burst, in cost units. */
  RATE_LIMIT_BURST: z.coerce.number().min(1).default(60),
  /** Reverse proxies in front of the server whose X-Forwarded-For entries are trusted. */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** postgres://… to use PostgreSQL instead of the embedded SQLite database. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL").optional(),
});

export type Env = z.infer<typeof Env> & { CACHE_DIR: string };

let cached: Env | null = null;

export function env(): Env {
  if (cached) return cached;
  const parsed = Env.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  cached = { ...parsed.data, CACHE_DIR: parsed.data.CACHE_DIR ?? path.join(parsed.data.DATA_DIR, "cache") };
  return cached;
}
