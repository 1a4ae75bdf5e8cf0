/**
 * Limits through the HTTP handler itself (the tRPC route's exported functions, called with Request
 * objects): oversized bodies are refused with 413, expensive operations are rate-limited per client
 * with a Retry-After, and server-side callers are never limited.
 */
import { describe, expect, it } from "vitest";
import { RateLimiter, clientIdFrom, operationCost } from "@/server/http/rateLimit";

process.env.RATE_LIMIT_PER_MINUTE = "30";
process.env.RATE_LIMIT_BURST = "5";

const route = () => import("@/app/api/trpc/[trpc]/route");
const post = (path: string, body: string, ip = "203.0.113.7") =>
  new Request(`http://127.0.0.1/api/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": ip }, body });

describe("request body limit", () => {
  it("refuses a body over 12 MB with 413 and says why", async () => {
    const { POST } = await route();
    const res = await POST(post("sites.import", "x".repeat(12 * 1024 * 1024 + 10)));
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toMatch(/larger than 12 MB/);
  });
});

describe("rate limiting", () => {
  it("lets a burst through, then answers 429 with Retry-After; another client is unaffected", async () => {
    const { POST } = await route();
    const body = JSON.stringify({ format: "csv", content: "name,lat,lon\nA,1,2\n" });
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 8; i++) {
      last = await POST(post("sites.import", body, "198.51.100.9"));
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await last!.json()).error.message).toMatch(/rate limit: sites\.import .* retry in \d+ s/);
    expect((await POST(post("sites.import", body, "198.51.100.10"))).status).toBe(200);
  });

  it("does not count cheap procedures", async () => {
    const { GET } = await route();
    for (let i = 0; i < 20; i++) {
      const res = await GET(new Request("http://127.0.0.1/api/trpc/meta.version", { headers: { "x-forwarded-for": "192.0.2.50" } }));
      expect(res.status).toBe(200);
    }
  });

  it("refills over time (token bucket)", () => {
    let t = 0;
    const rl = new RateLimiter(60, 2, () => t);
    expect(rl.take("a", 2).ok).toBe(true);
    const refused = rl.take("a", 1);
    expect(refused.ok).toBe(false);
    expect(refused.retryAfterSeconds).toBe(1);
    t += 1000;
    expect(rl.take("a", 1).ok).toBe(true);
  });

  it("uses the address Next recorded, not one a client put first in X-Forwarded-For", () => {
    expect(clientIdFrom(new Headers({ "x-forwarded-for": "6.6.6.6, 10.0.0.1" }), 0)).toBe("10.0.0.1");
    expect(clientIdFrom(new Headers({ "x-forwarded-for": "6.6.6.6, 8.8.8.8, 10.0.0.1" }), 1)).toBe("8.8.8.8");
    expect(operationCost("scoring.rank", { sites: new Array(1000) })).toBeCloseTo(1.2);
    expect(operationCost("meta.version", null)).toBe(0);
  });
});
