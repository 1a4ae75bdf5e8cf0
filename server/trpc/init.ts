import { initTRPC } from "@trpc/server";
import { ZodError, z } from "zod";
import type { Context } from "./context";

/**
 * tRPC instance. Validation failures are reshaped so the client sees every offending field path
 * (e.g. `points.3.lat: Too big: expected number to be <=90`) in `message` and in `data.issues`.
 */
const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const issues = cause instanceof ZodError ? describeZodIssues(cause) : null;
    return {
      ...shape,
      message: issues ? issues.map((i) => `${i.path || "(input)"}: ${i.message}`).join("; ") : shape.message,
      data: { ...shape.data, issues },
    };
  },
});

/** Flattens zod issues into `{ path: "points.3.lat", message }` pairs. */
export function describeZodIssues(error: ZodError): { path: string; message: string }[] {
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
}

export const router = t.router;
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;
export { z };
