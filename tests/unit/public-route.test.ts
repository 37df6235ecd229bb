import { describe, expect, it, vi } from "vitest";
import { AppError, issue } from "@/server/errors/app-error";
import { publicRoute } from "@/server/http/public-route";
import { CLIENT_ADDRESS_HEADER } from "@/server/http/client-address";

const call = (handler: ReturnType<typeof publicRoute<{ token: string }>>, headers: Record<string, string> = {}) =>
  handler(new Request("http://tajer.test/x", { method: "POST", headers }), { params: Promise.resolve({ token: "t" }) });

describe("publicRoute: one error shape for the routes anyone may call", () => {
  it("an AppError becomes its code's status and the API's words, with the route's headers and no caching", async () => {
    const route = publicRoute<{ token: string }>({ headers: { "Access-Control-Allow-Origin": "*" } }, () => {
      throw new AppError("VALIDATION_FAILED", "Invalid input.", { fields: { rating: issue("required") } });
    });
    const response = await call(route);
    expect(response.status).toBe(422);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({ error: { code: "VALIDATION_FAILED", message: "Invalid input.", fields: { rating: expect.any(String) } } });
  });

  it("answers in the reader's language when the route knows it, and with the params it was called with", async () => {
    const locale = vi.fn(async () => "ar" as const);
    const route = publicRoute<{ token: string }>({ locale }, () => {
      throw new AppError("VALIDATION_FAILED", "Invalid input.", { fields: { rating: issue("required") } });
    });
    const { error } = await (await call(route)).json();
    expect(locale).toHaveBeenCalledWith({ token: "t" });
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.message).toMatch(/[\u0600-\u06FF]/);
    expect(error.fields.rating).toMatch(/[\u0600-\u06FF]/);
  });

  it("anything else is a 500 that names a request id and nothing of the failure", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const route = publicRoute<{ token: string }>({}, () => {
      throw new Error("connection to 10.0.0.7 refused");
    });
    const response = await call(route);
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(text).not.toContain("10.0.0.7");
    expect(JSON.parse(text).error.requestId).toBe(response.headers.get("x-request-id"));
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });

  it("a rate-limited route counts each address on its own and answers 429 with Retry-After past the budget", async () => {
    const route = publicRoute<{ token: string }>({ rateLimited: true }, async () => new Response(null, { status: 204 }));
    const from = (address: string) => call(route, { [CLIENT_ADDRESS_HEADER]: address });
    const statuses: number[] = [];
    for (let i = 0; i < 310; i++) statuses.push((await from("203.0.113.9")).status);
    expect(statuses.slice(0, 300).every((s) => s === 204)).toBe(true);
    const refused = await from("203.0.113.9");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await from("198.51.100.4")).status).toBe(204);
  });
});
