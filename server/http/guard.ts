/** The process-wide rate limiter, configured once from the environment. */
import { env } from "@/server/env";
import { RateLimiter } from "./rateLimit";

let limiter: RateLimiter | null = null;

export function rateLimiter(): RateLimiter {
  if (!limiter) {
    const e = env();
    limiter = new RateLimiter(e.RATE_LIMIT_PER_MINUTE, e.RATE_LIMIT_BURST);
  }
  return limiter;
}
