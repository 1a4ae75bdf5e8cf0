/**
 * Ids and tokens of stored projects, reports and briefs: 128 random bits in base64url
 * (`newToken` in server/db/projects.ts), always 22 characters. One definition for the routers, the
 * download routes, the document pages and the workspace URL.
 */
import { z } from "zod";

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function isToken(x: unknown): x is string {
  return typeof x === "string" && TOKEN_PATTERN.test(x);
}

/** A zod string that must be such a token; `what` names it in the error ("project token", "brief id"). */
export function tokenSchema(what: string) {
  return z.string().regex(TOKEN_PATTERN, `must be a 22-character ${what}`);
}
