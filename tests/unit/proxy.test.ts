import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";

describe("the proxy in front of the public pages", () => {
  it("hands the page token to i18n, drops a forged one, and rate-limits an address", async () => {
    vi.stubEnv("PUBLIC_RATE_LIMIT_PER_MINUTE", "5");
    vi.resetModules();
    const { proxy } = await import("@/proxy");
    const token = "a".repeat(64);
    const first = proxy(new NextRequest(`http://localhost/o/${token}`, { headers: { "x-forwarded-for": "10.0.0.1", "x-tajer-public-page": "o:forged" } }));
    expect(first.headers.get("x-middleware-request-x-tajer-public-page")).toBe(`o:${token}`);
    const plain = proxy(new NextRequest("http://localhost/api/public/stores/demo/reviews", { headers: { "x-forwarded-for": "10.0.0.1", "x-tajer-public-page": "o:forged" } }));
    expect(plain.headers.get("x-middleware-request-x-tajer-public-page")).toBeNull();
    const statuses = Array.from({ length: 5 }, () => proxy(new NextRequest("http://localhost/widget/reviews.js", { headers: { "x-forwarded-for": "10.0.0.1" } })).status);
    expect(statuses.at(-1)).toBe(429);
    // Another address has its own budget.
    expect(proxy(new NextRequest("http://localhost/widget/reviews.js", { headers: { "x-forwarded-for": "10.0.0.2" } })).status).toBe(200);
    vi.unstubAllEnvs();
  });
});
