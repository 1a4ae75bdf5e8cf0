import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import { rateLimiter } from "@/server/http/guard";
import { operationCost } from "@/server/http/rateLimit";
import type { Context } from "./context";

/** Why a request was refused for rate; `retryAfterSeconds` becomes the Retry-After header. */
export class RateLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`rate limit: retry in ${retryAfterSeconds} s`);
  }
}

/**
 * tRPC instance. Validation failures list every offending field path (e.g. `points.3.lat: must be
 * ≤ 90°`) in `message` (see the middleware below) and, over HTTP, in `data.issues`.
 */
const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const issues = error.cause instanceof ZodError ? describeZodIssues(error.cause) : null;
    return { ...shape, data: { ...shape.data, issues } };
  },
});

/** Flattens zod issues into `{ path: "points.3.lat", message }` pairs. */
export function describeZodIssues(error: ZodError): { path: string; message: string }[] {
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
}

/**
 * Input validation errors read the same from HTTP and from server-side callers: one line per
 * offending field, e.g. `points.1.lat: must be ≤ 90°`.
 */
const readableValidationErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.code === "BAD_REQUEST" && result.error.cause instanceof ZodError) {
    const issues = describeZodIssues(result.error.cause);
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: issues.map((i) => `${i.path || "(input)"}: ${i.message}`).join("; "),
      cause: result.error.cause,
    });
  }
  return result;
});

/**
 * Expensive operations over HTTP spend from the client's rate-limit bucket (server/http/rateLimit.ts);
 * when it is empty the request is refused with TOO_MANY_REQUESTS and how long to wait.
 */
const rateLimit = t.middleware(async ({ ctx, path, getRawInput, next }) => {
  if (ctx.viaHttp) {
    const cost = operationCost(path, await getRawInput().catch(() => null));
    if (cost > 0) {
      const d = rateLimiter().take(ctx.clientId, cost);
      if (!d.ok) {
        throw new TRPCError({
          code: "TOO_MANY_REQUESTS",
          message: `rate limit: ${path} is an expensive operation and this client has used its allowance; retry in ${d.retryAfterSeconds} s`,
          cause: new RateLimited(d.retryAfterSeconds),
        });
      }
    }
  }
  return next();
});

export const router = t.router;
export const publicProcedure = t.procedure.use(rateLimit).use(readableValidationErrors);
export const createCallerFactory = t.createCallerFactory;
export { z };
