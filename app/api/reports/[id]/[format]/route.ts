import { getDb } from "@/server/db";
import { ProjectForbidden, ProjectNotFound } from "@/server/db/projects";
import { ReportNotFound } from "@/server/db/reports";
import { getReport, REPORT_FORMATS, renderReport, type ReportFormat } from "@/server/reports/service";

import { rateLimitResponse } from "@/server/http/limitResponse";

export const runtime = "nodejs";
// Every response depends on the token; nothing is static or cacheable by a shared cache.
export const dynamic = "force-dynamic";

const TOKEN = /^[A-Za-z0-9_-]{22}$/;

function problem(status: number, error: string) {
  return Response.json({ error }, { status, headers: { "cache-control": "no-store", "x-content-type-options": "nosniff" } });
}

/**
 * `GET /api/reports/<id>/<format>?token=…` (or the token in an `x-report-token` header, or
 * `Authorization: Bearer …`): a stored report as pdf, csv, geojson or json. The file is rendered from
 * the report content in the database; nothing is read from disk by request path. `?inline=1` shows a
 * PDF in the browser instead of downloading it. 400 names the bad field; a token that opens neither
 * the report nor its project gets 403.
 */
export async function GET(req: Request, ctx: { params: Promise<{ id: string; format: string }> }) {
  const { id, format } = await ctx.params;
  const url = new URL(req.url);
  const bearer = req.headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const token = req.headers.get("x-report-token") ?? bearer ?? url.searchParams.get("token");
  if (!TOKEN.test(id)) return problem(400, "id: must be a 22-character report id");
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) return problem(400, `format: must be one of ${REPORT_FORMATS.join(", ")}`);
  if (!token) return problem(401, "token: give the report's share token or the project's token (?token=, x-report-token header or Authorization: Bearer)");
  if (!TOKEN.test(token)) return problem(400, "token: must be a 22-character token");
  if (format === "pdf") {
    const limited = rateLimitResponse(req, "http:report-pdf");
    if (limited) return limited;
  }
  try {
    const { content } = await getReport(await getDb(), id, token);
    const file = await renderReport(content, format as ReportFormat);
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
    if (err instanceof ReportNotFound || err instanceof ProjectNotFound) return problem(404, err.message);
    if (err instanceof ProjectForbidden) return problem(403, err.message);
    throw err;
  }
}
