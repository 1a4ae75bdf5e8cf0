/**
 * The one error model of the app. Domain code throws these; one tRPC middleware
 * (server/trpc/init.ts) and one helper for the file routes (server/http/problem.ts) map them to
 * HTTP. Anything else that escapes is a fault of ours and answers 500 — a RangeError from a bug is
 * never reported as the user's mistake.
 */

/** A problem with what the caller sent: `path` names the field ("scenario.criteria.0.source"), "" for the whole input. */
export class InputError extends Error {
  override readonly name = "InputError";
  constructor(readonly path: string, readonly detail: string) {
    super(path ? `${path}: ${detail}` : detail);
  }

  /** The same error with its path under `prefix` ("scenario" + "criteria.0" → "scenario.criteria.0"). */
  within(prefix: string): InputError {
    return new InputError(prefix && this.path ? `${prefix}.${this.path}` : prefix || this.path, this.detail);
  }
}

/** What was asked for does not exist (an unknown id). */
export class NotFoundError extends Error {
  override readonly name = "NotFoundError";
}

/** The token given does not open what was asked for. */
export class ForbiddenError extends Error {
  override readonly name = "ForbiddenError";
}

/** The request conflicts with the current state (e.g. a stale version); `details` travel to the client. */
export class ConflictError extends Error {
  override readonly name = "ConflictError";
  constructor(message: string, readonly details?: Record<string, unknown>) {
    super(message);
  }
}

/** Runs `fn`, re-rooting an InputError under `prefix` (for domain calls nested in a larger input). */
export async function inputsUnder<T>(prefix: string, fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof InputError) throw err.within(prefix);
    throw err;
  }
}

/** The synchronous form of {@link inputsUnder}. */
export function inputsUnderSync<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof InputError) throw err.within(prefix);
    throw err;
  }
}
