import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";

describe("the proxy in front of the public pages", () => {
  it("hands the page token to i18n, drops a forged one, and rate-limits an address", async () => {
    vi.stubEnv("PUBLIC_RATE_LIMIT_PER_MINUTE", "5");
    vi.resetModules();
    const { proxy } = await import("@/proxy");
    const token = "a".repeat(64);
    const first = proxy(
      new NextRequest(`http://localhost/o/${token}`, { headers: { "x-tajer-client-address": "10.0.0.1", "x-tajer-public-page": "o:forged" } }),
    );
    expect(first.headers.get("x-middleware-request-x-tajer-public-page")).toBe(`o:${token}`);
    // A token that names its store (43 base64url characters), on the review page.
    const named = "AaIyvxvHcdyBxUolWMrRFg87Ia1-AkIIuZvwHdZ-alM";
    const review = proxy(new NextRequest(`http://localhost/r/${named}`, { headers: { "x-tajer-client-address": "10.0.0.2" } }));
    expect(review.headers.get("x-middleware-request-x-tajer-public-page")).toBe(`r:${named}`);
    const plain = proxy(
      new NextRequest("http://localhost/api/public/stores/demo/reviews", {
        headers: { "x-tajer-client-address": "10.0.0.1", "x-tajer-public-page": "o:forged" },
      }),
    );
    expect(plain.headers.get("x-middleware-request-x-tajer-public-page")).toBeNull();
    // The address is the one the app's server put in its header; X-Forwarded-For changes nothing.
    const from = (address: string, forwarded: string) =>
      new NextRequest("http://localhost/widget/reviews.js", { headers: { "x-tajer-client-address": address, "x-forwarded-for": forwarded } });
    const statuses = Array.from({ length: 5 }, (_, i) => proxy(from("10.0.0.1", `203.0.113.${i}`)).status);
    expect(statuses.at(-1)).toBe(429);
    expect(proxy(from("10.0.0.1", "203.0.113.200")).status).toBe(429);
    // Another address has its own budget.
    expect(proxy(from("10.0.0.2", "203.0.113.1")).status).toBe(200);
    vi.unstubAllEnvs();
  });
});

import { browserLocale } from "@/i18n/locales";
describe("the browser's language, for a customer's link that matches no order", () => {
  it("takes the first of Arabic and English the browser prefers", () => {
    expect(browserLocale("ar-SA,ar;q=0.9,en;q=0.8")).toBe("ar");
    expect(browserLocale("fr-FR,fr;q=0.9,en;q=0.8,ar;q=0.7")).toBe("en");
    expect(browserLocale("en;q=0.2, ar;q=0.5")).toBe("ar");
    expect(browserLocale("de")).toBeNull();
    expect(browserLocale(null)).toBeNull();
  });
});
