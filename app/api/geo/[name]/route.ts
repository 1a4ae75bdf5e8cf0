import { problem } from "@/server/http/problem";
import { layerAsset } from "@/server/layers/assets";
import { layerStore } from "@/server/layers/bundledStore";

export const runtime = "nodejs";

/** Polygon geometry and point sets for the map, by manifest name; immutable per content hash. */
export async function GET(req: Request, ctx: { params: Promise<{ name: string }> }) {
  const { name } = await ctx.params;
  const asset = layerAsset(layerStore(), name);
  if (!asset) return problem(404, `name: unknown geo asset "${name}"`);
  const etag = `"${asset.sha256.slice(0, 32)}"`;
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304 });
  return new Response(new Uint8Array(asset.body), {
    headers: { "content-type": "application/json; charset=utf-8", etag, "cache-control": "public, max-age=3600" },
  });
}
