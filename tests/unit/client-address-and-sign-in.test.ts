import { describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress, requestAddress, trustedProxyHops } from "@/server/http/client-address";
import { decideSignIn, pairDelayMs, MAX_FAILURES_PER_ACCOUNT, MAX_PAIR_DELAY_MS } from "@/server/auth/sign-in-throttle";
import { safeRedirect } from "@/server/auth/auth-options";

describe("the client's address", () => {
  it("is the socket's when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("1.2.3.4", "::ffff:10.0.0.9", 0)).toBe("10.0.0.9");
    expect(clientAddress(undefined, "2001:db8::1", 0)).toBe("2001:db8::1");
    expect(clientAddress(["9.9.9.9, 8.8.8.8"], "10.0.0.9", 0)).toBe("10.0.0.9");
  });

  it("is the entry the farthest trusted proxy appended, never one the client wrote before it", () => {
    // client → proxy A → proxy B → app. A appends the client's address; B appends A's. A forged leading entry stays left.
    expect(clientAddress("6.6.6.6, 198.51.100.4, 10.0.0.2", "10.0.0.3", 2)).toBe("198.51.100.4");
    expect(clientAddress("6.6.6.6, 198.51.100.4", "10.0.0.2", 1)).toBe("198.51.100.4");
    // Fewer entries than proxies: the nearest address there is.
    expect(clientAddress(undefined, "10.0.0.2", 3)).toBe("10.0.0.2");
    expect(clientAddress(" [2001:db8::7] ", "10.0.0.2", 1)).toBe("2001:db8::7");
  });

  it("reads TRUSTED_PROXY_HOPS strictly, and the app reads only the header its own server sets", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "2" })).toBe(2);
    expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: "yes" })).toThrow(/whole number/);
    expect(requestAddress(new Headers({ "x-forwarded-for": "1.2.3.4" }))).toBe("unknown");
    expect(requestAddress(new Headers({ "x-tajer-client-address": "::ffff:10.1.1.1" }))).toBe("10.1.1.1");
    expect(normalizeAddress("")).toBeNull();
  });
});

describe("the sign-in throttle", () => {
  const now = new Date("2026-11-30T12:00:00Z");
  const ago = (s: number) => new Date(now.getTime() - s * 1000);
  const counters = (over: Partial<Parameters<typeof decideSignIn>[0]> = {}) => ({
    pair: { failures: 0, lastFailureAt: null },
    account: 0,
    address: 0,
    knownDevice: false,
    ...over,
  });

  it("lets the first failures go free, then doubles the pair's wait up to a cap", () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(pairDelayMs)).toEqual([0, 0, 0, 1000, 2000, 4000, 8000]);
    expect(pairDelayMs(40)).toBe(MAX_PAIR_DELAY_MS);
    expect(decideSignIn(counters({ pair: { failures: 5, lastFailureAt: ago(1) } }), now)).toEqual({
      allowed: false,
      reason: "slow_down",
      retryAfterSeconds: 3,
    });
    expect(decideSignIn(counters({ pair: { failures: 5, lastFailureAt: ago(5) } }), now)).toEqual({ allowed: true });
  });

  it("protects an account past its limit from unknown browsers only; the pair's wait applies to everyone", () => {
    expect(decideSignIn(counters({ account: MAX_FAILURES_PER_ACCOUNT }), now)).toMatchObject({ allowed: false, reason: "account_protected" });
    expect(decideSignIn(counters({ account: MAX_FAILURES_PER_ACCOUNT, knownDevice: true }), now)).toEqual({ allowed: true });
    expect(decideSignIn(counters({ knownDevice: true, pair: { failures: 4, lastFailureAt: ago(0) } }), now)).toMatchObject({ reason: "slow_down" });
  });
});

describe("where a sign-in sends the browser", () => {
  const base = "http://127.0.0.1:3000";
  it("a path or a URL of this site; anything else to the start, never a 500", () => {
    expect(safeRedirect("/s/demo/orders", base)).toBe(`${base}/s/demo/orders`);
    expect(safeRedirect(`${base}/s/demo`, base)).toBe(`${base}/s/demo`);
    for (const evil of [
      "javascript:alert(1)",
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "http://[",
      "http://127.0.0.1:3000@evil.example/",
      "data:text/html,x",
      "",
      "\u0000",
    ]) {
      expect(safeRedirect(evil, base), evil).toBe(`${base}/`);
    }
  });
});
