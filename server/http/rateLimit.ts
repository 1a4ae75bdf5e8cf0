/**
 * Per-client rate limiting for the expensive operations (ranking, surfaces, SMAA, reports, strategy):
 * a token bucket per client — `capacity` tokens, refilled at `perMinute` per minute — where each
 * request spends tokens in proportion to its cost. A refused request learns how long to wait.
 * In memory, per server process: enough for one node; a cluster would need a shared store.
 */
export interface RateDecision { ok: boolean; retryAfterSeconds: number; remaining: number }

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(readonly perMinute: number, readonly capacity: number, private readonly now: () => number = () => Date.now()) {}

  take(client: string, cost: number): RateDecision {
    if (this.perMinute <= 0) return { ok: true, retryAfterSeconds: 0, remaining: Infinity };
    const t = this.now();
    const rate = this.perMinute / 60_000;
    const b = this.buckets.get(client) ?? { tokens: this.capacity, at: t };
    b.tokens = Math.min(this.capacity, b.tokens + (t - b.at) * rate);
    b.at = t;
    this.buckets.set(client, b);
    if (this.buckets.size > 100_000) this.prune(t, rate);
    if (b.tokens >= cost) {
      b.tokens -= cost;
      return { ok: true, retryAfterSeconds: 0, remaining: b.tokens };
    }
    return { ok: false, retryAfterSeconds: Math.ceil((Math.min(cost, this.capacity) - b.tokens) / rate / 1000), remaining: b.tokens };
  }

  /** Forgets clients whose bucket has refilled (bounded memory under many addresses). */
  private prune(t: number, rate: number) {
    for (const [k, b] of this.buckets) if (b.tokens + (t - b.at) * rate >= this.capacity) this.buckets.delete(k);
  }
}

/** Token cost of each rate-limited operation (1 token ≈ ranking 800 sites; a slider drag re-ranking a short list costs 0.2). */
export function operationCost(path: string, input: unknown): number {
  const arr = (k: string) => {
    const v = (input as Record<string, unknown> | null)?.[k];
    return Array.isArray(v) ? v.length : 0;
  };
  switch (path) {
    case "scoring.rank": return 0.2 + arr("sites") / 1000;
    case "scoring.sensitivity": return 5;
    case "layers.sample": return Math.max(0.05, arr("points") / 2000);
    case "sites.import": return 1;
    case "surface.bestLocations": return 2;
    case "reports.create": return 10;
    case "strategy.profile": return 3;
    case "strategy.compare": return 3 * Math.max(1, arr("regions"));
    case "strategy.plan": return 6;
    case "strategy.createBrief": return 6;
    case "http:surface": return 3;
    case "http:report-pdf": return 5;
    default: return 0;
  }
}

/**
 * The client a request comes from: the address Next's server records in X-Forwarded-For (the last
 * entry is the peer it saw; entries before it are client-supplied and ignored) — or, behind
 * `trustedHops` reverse proxies, the entry those proxies appended.
 */
export function clientIdFrom(headers: Headers, trustedHops: number): string {
  const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return chain[chain.length - 1 - trustedHops] ?? chain[0] ?? "unknown";
}
