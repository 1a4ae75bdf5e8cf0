import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { BodyTooLarge, readBodyLimited } from "@/server/http/bodyLimit";
import { createContext } from "@/server/trpc/context";
import { RateLimited } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";

export const runtime = "nodejs";

async function handler(req: Request) {
  let request = req;
  if (req.method === "POST") {
    // Read the body under the size limit before tRPC parses it.
    try {
      const body = await readBodyLimited(req);
      request = new Request(req.url, { method: req.method, headers: req.headers, body: new Blob([body]) });
    } catch (err) {
      if (err instanceof BodyTooLarge) return Response.json({ error: { message: err.message, code: "PAYLOAD_TOO_LARGE" } }, { status: 413 });
      throw err;
    }
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => createContext({ req: request }),
    allowMethodOverride: true,
    responseMeta({ errors }) {
      const limited = errors.map((e) => e.cause).find((c): c is RateLimited => c instanceof RateLimited);
      return limited ? { headers: new Headers({ "retry-after": String(limited.retryAfterSeconds) }) } : {};
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
