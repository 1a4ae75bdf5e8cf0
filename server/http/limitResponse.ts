/** Rate limiting for plain route handlers (the tRPC procedures use a middleware instead). */
import { env } from "@/server/env";
import { rateLimiter } from "./guard";
import { clientIdFrom, operationCost } from "./rateLimit";

/** A 429 response with Retry-After when the client's allowance for `operation` is spent, else null. */
export function rateLimitResponse(req: Request, operation: "http:surface" | "http:report-pdf"): Response | null {
  const d = rateLimiter().take(clientIdFrom(req.headers, env().TRUST_PROXY_HOPS), operationCost(operation, null));
  if (d.ok) return null;
  return Response.json(
    { error: `rate limit: this client has used its allowance for expensive operations; retry in ${d.retryAfterSeconds} s` },
    { status: 429, headers: { "retry-after": String(d.retryAfterSeconds) } },
  );
}
