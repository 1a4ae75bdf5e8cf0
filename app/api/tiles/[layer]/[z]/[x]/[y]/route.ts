import { layerStore } from "@/server/layers/bundledStore";
import { renderTilePng } from "@/server/layers/tiles";
import { problem, withProblems } from "@/server/http/problem";
import { layerGrid } from "@/server/siting/modelLayers";

export const runtime = "nodejs";

/** `/api/tiles/<layer id>/<z>/<x>/<y>.png?v=<data hash>`: a raster tile of a gridded or model layer. */
export async function GET(_req: Request, ctx: { params: Promise<{ layer: string; z: string; x: string; y: string }> }) {
  const { layer: id, z, x, y } = await ctx.params;
  const store = layerStore();
  const layer = store.layer(id);
  if (!layer) return problem(404, `layer: unknown layer "${id}"`);
  const yNum = Number(y.replace(/\.png$/, ""));
  return withProblems(() => {
    const png = renderTilePng(store, layer, Number(z), Number(x), yNum, (l) => layerGrid(store, l.id));
    return new Response(new Uint8Array(png), {
      headers: { "content-type": "image/png", "cache-control": "public, max-age=86400, immutable" },
    });
  });
}
