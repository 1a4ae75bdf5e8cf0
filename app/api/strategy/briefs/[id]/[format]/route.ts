import { getDb } from "@/server/db";
import { BriefForbidden, BriefNotFound } from "@/server/db/briefs";
import { BRIEF_FORMATS, getBrief, renderBrief, type BriefFormat } from "@/server/strategy/briefService";

export const runtime = "nodejs";
// Every response depends on the token; nothing is static or cacheable by a shared cache.
export const dynamic = "force-dynamic";

const TOKEN = /^[A-Za-z0-9_-]{22}$/;

function problem(status: number, error: string) {
  return Response.json({ error }, { status, headers: { "cache-control": "no-store", "x-content-type-options": "nosniff" } });
}

/**
 * `GET /api/strategy/briefs/<id>/<format>?token=…` (or the token in an `x-brief-token` header, or
 * `Authorization: Bearer …`): a stored strategy brief as pdf or json (its content: inputs, results,
 * provenance). Rendered from the stored content; nothing is read from disk by request path.
 * `?inline=1` shows the PDF in the browser. 400 names the bad field; a wrong token gets 403.
 */
export async function GET(req: Request, ctx: { params: Promise<{ id: string; format: string }> }) {
  const { id, format } = await ctx.params;
  const url = new URL(req.url);
  const bearer = req.headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const token = req.headers.get("x-brief-token") ?? bearer ?? url.searchParams.get("token");
  if (!TOKEN.test(id)) return problem(400, "id: must be a 22-character brief id");
  if (!(BRIEF_FORMATS as readonly string[]).includes(format)) return problem(400, `format: must be one of ${BRIEF_FORMATS.join(", ")}`);
  if (!token) return problem(401, "token: give the brief's read token (?token=, x-brief-token header or Authorization: Bearer)");
  if (!TOKEN.test(token)) return problem(400, "token: must be a 22-character token");
  try {
    const { content } = await getBrief(await getDb(), id, token);
    const file = await renderBrief(content, format as BriefFormat);
    const inline = format === "pdf" && url.searchParams.get("inline") === "1";
    return new Response(file.body as Uint8Array<ArrayBuffer>, {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `${inline ? "inline" : "attachment"}; filename="${file.fileName}"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; sandbox",
      },
    });
  } catch (err) {
    if (err instanceof BriefNotFound) return problem(404, err.message);
    if (err instanceof BriefForbidden) return problem(403, err.message);
    throw err;
  }
}
