import type { LayerStore } from "@/server/layers/store";
import { Scenario } from "@/server/schemas/scenario";
import { surfaceBinaryFor } from "@/server/siting/surfaceQueries";
import { SURFACE_CONTENT_TYPE } from "@/server/schemas/surfaceFormat";
import { BodyTooLarge, readBodyLimited } from "./bodyLimit";
import { rateLimitResponse } from "./limitResponse";
import { problemFor } from "./problem";

/** Largest request body accepted (a scenario with 30 criteria and a 200-point market is ~40 kB). */
const MAX_BODY_BYTES = 256 * 1024;

function badRequest(error: string, issues?: { path: string; message: string }[]) {
  return Response.json({ error, ...(issues ? { issues } : {}) }, { status: 400 });
}

/**
 * `POST /api/surface` with a scenario as JSON: the suitability surface of every land cell as the
 * binary of server/schemas/surfaceFormat.ts (per-criterion quantised utilities and constraint
 * masks; the weights are applied in the browser). A bad scenario gets 400 with
 * `{ error: "criteria.0.source: …", issues: [{ path, message }] }`.
 *
 * The body is the cached gzip (`Content-Encoding: gzip`, 0.2 MB instead of 1.7 MB) when the client
 * accepts gzip. This response must reach the socket through `sendWebResponse` (pages/api/surface.ts,
 * server/http/nodeResponse.ts): an App Router route handler cannot serve it, because Next drops `Content-Encoding`
 * and `Content-Length` from every route-handler Response (next/dist/server/send-response.js,
 * FORBIDDEN_HEADERS) and its own compression skips this binary content type, so the browser would
 * receive gzip bytes labelled as the raw binary.
 */
export async function surfaceResponse(store: LayerStore, req: Request): Promise<Response> {
  const limited = rateLimitResponse(req, "http:surface");
  if (limited) return limited;
  let text: string;
  try {
    text = new TextDecoder().decode(await readBodyLimited(req, MAX_BODY_BYTES));
  } catch (err) {
    if (err instanceof BodyTooLarge) return Response.json({ error: `body: at most ${MAX_BODY_BYTES / 1024} kB` }, { status: 413 });
    throw err;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return badRequest("body: not valid JSON (send the scenario as JSON)");
  }
  const parsed = Scenario.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
    return badRequest(issues.map((i) => `${i.path || "(scenario)"}: ${i.message}`).join("; "), issues);
  }
  try {
    const s = await surfaceBinaryFor(store, parsed.data);
    const gzip = s.gzip !== null && /\bgzip\b/.test(req.headers.get("accept-encoding") ?? "");
    const body = gzip ? s.gzip! : s.bytes;
    return new Response(new Uint8Array(body.buffer, body.byteOffset, body.byteLength) as Uint8Array<ArrayBuffer>, {
      headers: {
        "content-type": SURFACE_CONTENT_TYPE,
        ...(gzip ? { "content-encoding": "gzip" } : {}),
        "content-length": String(body.byteLength),
        "cache-control": "private, no-store",
        "x-surface-key": s.key,
        "x-surface-cache": s.cached ? "hit" : "miss",
        "x-surface-bytes": String(s.bytes.byteLength),
        "server-timing": `surface;dur=${s.ms}`,
        vary: "accept-encoding",
      },
    });
  } catch (err) {
    return problemFor(err);
  }
}
