import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "@/server/errors";
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
 * ≤ 90°`) in `message` (see the middleware below) and, over HTTP, in `data.issues`; a domain input
 * error gives its one `{ path, message }` there, a conflict its details in `data.conflict`.
 */
const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const issues = cause instanceof ZodError ? describeZodIssues(cause)
      : cause instanceof InputError ? [{ path: cause.path, message: cause.detail }] : null;
    const conflict = cause instanceof ConflictError ? (cause.details ?? null) : null;
    return { ...shape, data: { ...shape.data, issues, ...(conflict ? { conflict } : {}) } };
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

/**
 * The app's error model (server/errors.ts) mapped to tRPC codes in one place: an input error is
 * BAD_REQUEST with its field-named message, the others NOT_FOUND, FORBIDDEN and CONFLICT. Any other
 * error stays INTERNAL_SERVER_ERROR.
 */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  const code = cause instanceof InputError ? "BAD_REQUEST"
    : cause instanceof NotFoundError ? "NOT_FOUND"
      : cause instanceof ForbiddenError ? "FORBIDDEN"
        : cause instanceof ConflictError ? "CONFLICT" : null;
  if (code) throw new TRPCError({ code, message: cause!.message, cause });
  return result;
});

export const router = t.router;
export const publicProcedure = t.procedure.use(rateLimit).use(readableValidationErrors).use(domainErrors);
export const createCallerFactory = t.createCallerFactory;
export { z };
