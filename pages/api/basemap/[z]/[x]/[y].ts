/**
 * `GET /api/basemap/<z>/<x>/<y>.pbf`: a vector tile of the regional base map (admin-1, rivers,
 * lakes, places, power plants; server/layers/basemapTiles.ts). A Pages API route rather than an App
 * Router route handler because the tile is stored gzip-compressed and is sent that way with
 * `Content-Encoding: gzip`, which only the Node response can carry (server/http/nodeResponse.ts;
 * Next also never compresses this binary type itself). A client that does not accept gzip gets the
 * decompressed tile. An empty tile in range is 204; a malformed or out-of-range address is a JSON 400.
 */
import { gunzipSync } from "node:zlib";
import type { NextApiRequest, NextApiResponse } from "next";
import { sendWebResponse, webRequestOf } from "@/server/http/nodeResponse";
import { withProblems } from "@/server/http/problem";
import { BASEMAP_CONTENT_TYPE, basemapTile } from "@/server/layers/basemapTiles";
import { layerStore } from "@/server/layers/bundledStore";

export const config = { api: { responseLimit: false } };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function basemap(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("allow", "GET, HEAD");
    res.status(405).json({ error: "method: GET a tile at /api/basemap/<z>/<x>/<y>.pbf" });
    return;
  }
  const request = webRequestOf(req);
  const response = await withProblems(() => {
    const tile = basemapTile(layerStore(), one(req.query.z), one(req.query.x), one(req.query.y));
    const etag = `"${tile.version}"`;
    // Like the geo assets: an hour in the browser, then revalidated by the archive's ETag.
    const cache = { "cache-control": "public, max-age=3600", etag, vary: "accept-encoding" };
    if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers: cache });
    if (!tile.gzip) return new Response(null, { status: 204, headers: cache });
    const gzip = /\bgzip\b/.test(request.headers.get("accept-encoding") ?? "");
    const body = gzip ? tile.gzip : gunzipSync(tile.gzip);
    return new Response(new Uint8Array(body.buffer, body.byteOffset, body.byteLength) as Uint8Array<ArrayBuffer>, {
      headers: { "content-type": BASEMAP_CONTENT_TYPE, ...(gzip ? { "content-encoding": "gzip" } : {}), "content-length": String(body.byteLength), ...cache },
    });
  });
  await sendWebResponse(res, response);
}
