import { env } from "@/server/env";
import { clientIdFrom } from "@/server/http/rateLimit";

/** Per-request context. Kept minimal: domain services are module singletons loaded once. */
export interface Context {
  /** Client identity for rate limiting (peer address, or "internal" for server-side callers). */
  clientId: string;
  /** True for requests that came over HTTP (rate limits apply); false for server-side callers. */
  viaHttp?: boolean;
}

export function createContext(opts?: { req?: Request }): Context {
  if (!opts?.req) return { clientId: "internal", viaHttp: false };
  return { clientId: clientIdFrom(opts.req.headers, env().TRUST_PROXY_HOPS), viaHttp: true };
}
