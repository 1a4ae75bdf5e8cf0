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
