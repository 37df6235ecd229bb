import { describe, expect, it } from "vitest";
import { createRateLimiter } from "@/server/http/rate-limiter";

describe("createRateLimiter", () => {
  it("allows the limit, refuses the next with a retry time, and refills over time", () => {
    let t = 0;
    const take = createRateLimiter({ limit: 3, windowMs: 60_000, now: () => t });
    expect([take("a"), take("a"), take("a")].map((d) => d.allowed)).toEqual([true, true, true]);
    const refused = take("a");
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 20, remaining: 0 });
    expect(take("b").allowed).toBe(true);
    t += 20_000;
    expect(take("a").allowed).toBe(true);
    expect(take("a").allowed).toBe(false);
  });

  it("forgets the least recently used callers beyond its capacity", () => {
    let t = 0;
    const take = createRateLimiter({ limit: 1, windowMs: 60_000, now: () => t, maxKeys: 2 });
    take("a");
    take("b");
    take("c"); // "a" is dropped and starts afresh
    expect(take("a").allowed).toBe(true);
    expect(take("c").allowed).toBe(false);
    t += 1;
  });
});
