/**
 * The error model (server/errors.ts) for the file routes (tiles, geo assets, surface, downloads): a
 * JSON `{ error }` body with the status each kind means. Errors of other kinds are rethrown (a 500).
 */
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "@/server/errors";

export function problem(status: number, error: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error, ...extra }, { status, headers: { "cache-control": "no-store", "x-content-type-options": "nosniff" } });
}

/** The response for a domain error; throws anything else. */
export function problemFor(err: unknown): Response {
  if (err instanceof InputError) return problem(400, err.message, { issues: [{ path: err.path, message: err.detail }] });
  if (err instanceof NotFoundError) return problem(404, err.message);
  if (err instanceof ForbiddenError) return problem(403, err.message);
  if (err instanceof ConflictError) return problem(409, err.message);
  throw err;
}

/** Runs a route's work, answering domain errors with their status. */
export async function withProblems(fn: () => Promise<Response> | Response): Promise<Response> {
  try {
    return await fn();
  } catch (err) {
    return problemFor(err);
  }
}
