/**
 * A Web `Request`/`Response` route run on Node's own request and response objects, for the one
 * route whose response carries its own content coding (the suitability surface, served as a cached
 * gzip). Next's App Router cannot send such a response: it drops `Content-Encoding` and
 * `Content-Length` from every route-handler Response (next/dist/server/send-response.js,
 * FORBIDDEN_HEADERS, because a Response may hold a body that fetch already decoded), so the client
 * gets gzip bytes labelled as the raw content. A Pages API route (pages/api/) hands us the Node
 * response, and {@link sendWebResponse} writes every header as given. Next's compression then sees
 * `Content-Encoding` set and leaves the body alone; a response without one (a JSON error) is
 * compressed by Next as usual.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";

/** The Node request as a Web Request (headers, method, URL and a streamed body). */
export function webRequestOf(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers };
  if (hasBody) {
    init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
    init.duplex = "half";
  }
  return new Request(url, init);
}

/**
 * Writes a Web Response to the Node response with all its headers, `Content-Encoding` and
 * `Content-Length` included (the latter computed when absent). `Vary` is merged with what Next set.
 */
export async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  const body = new Uint8Array(await response.arrayBuffer());
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name === "vary") {
      const before = res.getHeader("vary");
      res.setHeader("vary", before ? `${String(before)}, ${value}` : value);
    } else {
      res.setHeader(name, value);
    }
  });
  if (!response.headers.has("content-length")) res.setHeader("content-length", String(body.byteLength));
  res.end(body);
}
