import { describe, expect, it, vi } from "vitest";
import { seedStore } from "../support/factories";

describe("API rate limit", () => {
  it("answers 429 with Retry-After once a token spends its budget; other tokens are unaffected", async () => {
    vi.stubEnv("API_RATE_LIMIT_PER_MINUTE", "3");
    vi.resetModules();
    const { api } = await import("../support/api");
    const s = await seedStore();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await api.listOrders(s.tokens.STAFF)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await api.listOrders(s.tokens.STAFF);
    expect(limited.body.error.code).toBe("RATE_LIMITED");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await api.listOrders(s.tokens.OWNER)).status).toBe(200);
    vi.unstubAllEnvs();
  });
});
