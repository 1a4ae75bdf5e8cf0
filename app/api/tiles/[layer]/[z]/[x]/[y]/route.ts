import { layerStore } from "@/server/layers/service";
import { renderTilePng, TileRequestError } from "@/server/layers/tiles";

export const runtime = "nodejs";

/** `/api/tiles/<layer id>/<z>/<x>/<y>.png?v=<data hash>`: a raster tile of a gridded layer. */
export async function GET(_req: Request, ctx: { params: Promise<{ layer: string; z: string; x: string; y: string }> }) {
  const { layer: id, z, x, y } = await ctx.params;
  const store = layerStore();
  const layer = store.layer(id);
  if (!layer) return Response.json({ error: `unknown layer "${id}"` }, { status: 404 });
  const yNum = Number(y.replace(/\.png$/, ""));
  try {
    const png = renderTilePng(store, layer, Number(z), Number(x), yNum);
    return new Response(new Uint8Array(png), {
      headers: { "content-type": "image/png", "cache-control": "public, max-age=86400, immutable" },
    });
  } catch (err) {
    if (err instanceof TileRequestError) return Response.json({ error: err.message }, { status: 400 });
    throw err;
  }
}
