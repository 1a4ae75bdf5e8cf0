/**
 * `POST /api/surface`: the suitability surface binary (server/http/surfaceRoute.ts). A Pages API
 * route rather than an App Router route handler because the response carries its own gzip
 * content coding, which only the Node response can carry (see server/http/nodeResponse.ts).
 */
import type { NextApiRequest, NextApiResponse } from "next";
import { sendWebResponse, webRequestOf } from "@/server/http/nodeResponse";
import { surfaceResponse } from "@/server/http/surfaceRoute";
import { layerStore } from "@/server/layers/bundledStore";

// The route reads the body itself, under its own limit, and may answer with 1.7 MB uncompressed.
export const config = { api: { bodyParser: false, responseLimit: false } };

export default async function surface(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  if (req.method !== "POST") {
    res.setHeader("allow", "POST");
    res.status(405).json({ error: "method: POST a scenario as JSON to /api/surface" });
    return;
  }
  await sendWebResponse(res, await surfaceResponse(layerStore(), webRequestOf(req)));
}
