/**
 * HTTP requests made the way a browser makes them (`Accept-Encoding: gzip, deflate, br` and a
 * browser's Accept and User-Agent), over node:http so nothing decodes the body behind the test's
 * back. The test then decodes it exactly as a browser would: by the Content-Encoding the server
 * declared, and by nothing else. A body whose bytes do not match its declared encoding and type is
 * what broke the suitability surface on the production server (issue 12).
 */
import http from "node:http";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";

export const BROWSER_HEADERS = {
  "accept-encoding": "gzip, deflate, br",
  accept: "*/*",
  "accept-language": "en-GB,en;q=0.9",
  "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
};

export interface BrowserResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes that crossed the wire. */
  wire: Buffer;
  /** The body after undoing the declared Content-Encoding, as a browser hands it to a page. */
  body: Buffer;
  text(): string;
  json<T = unknown>(): T;
}

function decode(wire: Buffer, encoding: string | undefined): Buffer {
  switch ((encoding ?? "identity").trim().toLowerCase()) {
    case "identity": return wire;
    case "gzip": return gunzipSync(wire);
    case "br": return brotliDecompressSync(wire);
    case "deflate": return inflateSync(wire);
    default: throw new Error(`unexpected Content-Encoding "${encoding}"`);
  }
}

/** A request with the browser's headers (plus `headers`); the body is decoded by Content-Encoding. */
export function browserFetch(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<BrowserResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? "GET", headers: { ...BROWSER_HEADERS, ...init.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        try {
          const wire = Buffer.concat(chunks);
          const declared = res.headers["content-length"];
          if (declared !== undefined && Number(declared) !== wire.length) throw new Error(`${url}: Content-Length ${declared} but ${wire.length} bytes arrived`);
          const body = decode(wire, res.headers["content-encoding"]);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, wire, body, text: () => body.toString("utf8"), json: <T>() => JSON.parse(body.toString("utf8")) as T });
        } catch (err) {
          reject(err);
        }
      });
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

/** A tRPC call over HTTP (JSON in, `result.data` out), failing with the server's message. */
export async function trpcCall<T>(base: string, proc: string, input?: unknown, method: "POST" | "GET" = "POST"): Promise<T> {
  const url = method === "GET" ? `${base}/api/trpc/${proc}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}` : `${base}/api/trpc/${proc}`;
  const res = await browserFetch(url, method === "POST" ? { method, headers: { "content-type": "application/json" }, body: JSON.stringify(input ?? {}) } : {});
  const body = res.json<{ result?: { data: T }; error?: { message: string } }>();
  if (res.status !== 200 || !body.result) throw new Error(`${proc}: ${res.status} ${body.error?.message ?? ""}`);
  return body.result.data;
}
