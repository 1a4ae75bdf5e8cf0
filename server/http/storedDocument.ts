/**
 * Downloads of stored documents (siting reports, strategy briefs) by id, format and token. Each
 * file is rendered from content in the database — never read from disk by a request path — and
 * served with no-store, nosniff and a sandbox CSP. Errors are JSON naming the field; PDFs are
 * rate-limited like other expensive operations.
 */
import { rateLimitResponse } from "./limitResponse";

const TOKEN = /^[A-Za-z0-9_-]{22}$/;

export function problem(status: number, error: string): Response {
  return Response.json({ error }, { status, headers: { "cache-control": "no-store", "x-content-type-options": "nosniff" } });
}

export interface RenderedFile { body: Uint8Array; contentType: string; fileName: string }

export interface StoredDocumentRoute<F extends string> {
  /** "report" or "brief": used in messages. */
  what: string;
  formats: readonly F[];
  /** Header that may carry the token besides ?token= and Authorization: Bearer. */
  tokenHeader: string;
  tokenHint: string;
  /** Loads the stored content for the token and renders the format. */
  render(id: string, token: string, format: F): Promise<RenderedFile>;
  isNotFound(err: unknown): boolean;
  isForbidden(err: unknown): boolean;
}

export async function serveStoredDocument<F extends string>(req: Request, id: string, format: string, route: StoredDocumentRoute<F>): Promise<Response> {
  const url = new URL(req.url);
  const bearer = req.headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const token = req.headers.get(route.tokenHeader) ?? bearer ?? url.searchParams.get("token");
  if (!TOKEN.test(id)) return problem(400, `id: must be a 22-character ${route.what} id`);
  if (!(route.formats as readonly string[]).includes(format)) return problem(400, `format: must be one of ${route.formats.join(", ")}`);
  if (!token) return problem(401, `token: ${route.tokenHint} (?token=, ${route.tokenHeader} header or Authorization: Bearer)`);
  if (!TOKEN.test(token)) return problem(400, "token: must be a 22-character token");
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
    if (route.isNotFound(err)) return problem(404, (err as Error).message);
    if (route.isForbidden(err)) return problem(403, (err as Error).message);
    throw err;
  }
}
