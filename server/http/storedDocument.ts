/**
 * Downloads of stored documents (siting reports, strategy briefs) by id, format and token. Each
 * file is rendered from content in the database — never read from disk by a request path — and
 * served with no-store, nosniff and a sandbox CSP. Errors are JSON naming the field; PDFs are
 * rate-limited like other expensive operations.
 */
import { isToken } from "@/server/schemas/token";
import { rateLimitResponse } from "./limitResponse";
import { problem, problemFor } from "./problem";

export interface RenderedFile { body: Uint8Array; contentType: string; fileName: string }

export interface StoredDocumentRoute<F extends string> {
  /** "report" or "brief": used in messages. */
  what: string;
  formats: readonly F[];
  /** Header that may carry the token besides ?token= and Authorization: Bearer. */
  tokenHeader: string;
  tokenHint: string;
  /** Loads the stored content for the token and renders the format (NotFoundError, ForbiddenError). */
  render(id: string, token: string, format: F): Promise<RenderedFile>;
}

export async function serveStoredDocument<F extends string>(req: Request, id: string, format: string, route: StoredDocumentRoute<F>): Promise<Response> {
  const url = new URL(req.url);
  const bearer = req.headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const token = req.headers.get(route.tokenHeader) ?? bearer ?? url.searchParams.get("token");
  if (!isToken(id)) return problem(400, `id: must be a 22-character ${route.what} id`);
  if (!(route.formats as readonly string[]).includes(format)) return problem(400, `format: must be one of ${route.formats.join(", ")}`);
  if (!token) return problem(401, `token: ${route.tokenHint} (?token=, ${route.tokenHeader} header or Authorization: Bearer)`);
  if (!isToken(token)) return problem(400, "token: must be a 22-character token");
  if (format === "pdf") {
    const limited = rateLimitResponse(req, "http:report-pdf");
    if (limited) return limited;
  }
  try {
    const file = await route.render(id, token, format as F);
    const inline = format === "pdf" && url.searchParams.get("inline") === "1";
    return new Response(new Blob([file.body as Uint8Array<ArrayBuffer>]), {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `${inline ? "inline" : "attachment"}; filename="${file.fileName}"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; sandbox",
      },
    });
  } catch (err) {
    return problemFor(err);
  }
}
