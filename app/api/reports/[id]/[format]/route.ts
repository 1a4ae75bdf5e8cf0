import { getDb } from "@/server/db";
import { serveStoredDocument } from "@/server/http/storedDocument";
import { layerStore } from "@/server/layers/bundledStore";
import { getReport, REPORT_FORMATS, renderReport } from "@/server/reports/storedReports";

export const runtime = "nodejs";
// Every response depends on the token; nothing is static or cacheable by a shared cache.
export const dynamic = "force-dynamic";

/**
 * `GET /api/reports/<id>/<format>?token=…` (or the token in an `x-report-token` header, or
 * `Authorization: Bearer …`): a stored report as pdf, csv, geojson or json. `?inline=1` shows a PDF
 * in the browser instead of downloading it. A token that opens neither the report nor its project gets 403.
 */
export async function GET(req: Request, ctx: { params: Promise<{ id: string; format: string }> }) {
  const { id, format } = await ctx.params;
  return serveStoredDocument(req, id, format, {
    what: "report",
    formats: REPORT_FORMATS,
    tokenHeader: "x-report-token",
    tokenHint: "give the report's share token or the project's token",
    render: async (reportId, token, f) => renderReport(layerStore(), (await getReport(await getDb(), reportId, token)).content, f),
  });
}
