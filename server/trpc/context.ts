/** Per-request context. Kept minimal: domain services are module singletons loaded once. */
export interface Context {
  /** Client identity for rate limiting (IP or "internal" for server-side callers). */
  clientId: string;
}

export function createContext(opts?: { req?: Request }): Context {
  const forwarded = opts?.req?.headers.get("x-forwarded-for");
  return { clientId: forwarded?.split(",")[0]?.trim() || "local" };
}
