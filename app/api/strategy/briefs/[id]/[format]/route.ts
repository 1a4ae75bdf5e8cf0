import { getDb } from "@/server/db";
import { serveStoredDocument } from "@/server/http/storedDocument";
import { layerStore } from "@/server/layers/bundledStore";
import { BRIEF_FORMATS, getBrief, renderBrief } from "@/server/strategy/brief/storedBriefs";

export const runtime = "nodejs";
// Every response depends on the token; nothing is static or cacheable by a shared cache.
export const dynamic = "force-dynamic";

/**
 * `GET /api/strategy/briefs/<id>/<format>?token=…` (or the token in an `x-brief-token` header, or
 * `Authorization: Bearer …`): a stored strategy brief as pdf or json (its content: inputs, results,
 * provenance). `?inline=1` shows the PDF in the browser.
 */
export async function GET(req: Request, ctx: { params: Promise<{ id: string; format: string }> }) {
  const { id, format } = await ctx.params;
  return serveStoredDocument(req, id, format, {
    what: "brief",
    formats: BRIEF_FORMATS,
    tokenHeader: "x-brief-token",
    tokenHint: "give the brief's read token",
    render: async (briefId, token, f) => renderBrief(layerStore(), (await getBrief(await getDb(), briefId, token)).content, f),
  });
}
