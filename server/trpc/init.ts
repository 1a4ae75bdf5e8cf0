import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import type { Context } from "./context";

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

export const router = t.router;
export const publicProcedure = t.procedure.use(readableValidationErrors);
export const createCallerFactory = t.createCallerFactory;
export { z };
