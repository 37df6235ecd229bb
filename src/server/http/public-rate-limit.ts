import { createRateLimiter, type RateLimitDecision } from "./rate-limiter";
import { settings } from "@/server/settings";

// One budget per client address for everything anyone may call without signing in (PUBLIC_RATE_LIMIT_PER_MINUTE),
// shared by the proxy in front of the public pages and the routes that take uploads themselves.
const state = globalThis as unknown as { tajerPublicLimit?: (key: string) => RateLimitDecision };

export function takePublicRequest(address: string): RateLimitDecision {
  state.tajerPublicLimit ??= createRateLimiter({ limit: settings().PUBLIC_RATE_LIMIT_PER_MINUTE, windowMs: 60_000 });
  return state.tajerPublicLimit(address);
}

export function rateLimitedResponse(decision: RateLimitDecision): Response {
  return new Response(JSON.stringify({ error: { code: "RATE_LIMITED", message: "Too many requests. Try again shortly." } }), {
    status: 429,
    headers: { "content-type": "application/json", "retry-after": String(decision.retryAfterSeconds) },
  });
}
