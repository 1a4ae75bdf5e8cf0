import type { Kysely } from "kysely";
import { getDb } from "@/server/db";
import type { Database } from "@/server/db/schema";
import { env } from "@/server/env";
import { clientIdFrom } from "@/server/http/rateLimit";
import { layerStore } from "@/server/layers/bundledStore";
import type { LayerStore } from "@/server/layers/store";

/**
 * Per-request context: who is asking, and the two things every domain call depends on — the layer
 * store of the data build and the database. Routers hand them to the domain functions as arguments,
 * so tests and scripts can give a procedure any store or database.
 */
export interface Context {
  /** Client identity for rate limiting (peer address, or "internal" for server-side callers). */
  clientId: string;
  /** True for requests that came over HTTP (rate limits apply); false for server-side callers. */
  viaHttp: boolean;
  /** The data build the request reads. */
  layers: LayerStore;
  /** The database, opened (and migrated) on first use. */
  db: () => Promise<Kysely<Database>>;
}

/** The context of an HTTP request. */
export function createContext(opts: { req: Request }): Context {
  return { clientId: clientIdFrom(opts.req.headers, env().TRUST_PROXY_HOPS), viaHttp: true, layers: layerStore(), db: getDb };
}

/** The context of a server-side caller (tests, benches, scripts): no rate limit; store and database may be replaced. */
export function internalContext(clientId = "internal", services: Partial<Pick<Context, "layers" | "db">> = {}): Context {
  return { clientId, viaHttp: false, layers: services.layers ?? layerStore(), db: services.db ?? getDb };
}
