import { describe, expect, it, vi } from "vitest";
import { AppError, issue } from "@/server/errors/app-error";
import { httpStatusOf, toErrorResponse } from "@/server/errors/error-catalog";

describe("error mapping", () => {
  it("maps each code to its status and keeps fields", () => {
    const { status, body } = toErrorResponse(new AppError("VALIDATION_FAILED", "bad", { fields: { a: issue("required") } }), "r1");
    expect(status).toBe(422);
    expect(body).toEqual({ error: { code: "VALIDATION_FAILED", message: "bad", fields: { a: "is required" } } });
    expect(httpStatusOf.NOT_FOUND).toBe(404);
    expect(httpStatusOf.RATE_LIMITED).toBe(429);
  });

  it("hides unexpected errors behind a generic message with a request id", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const { status, body } = toErrorResponse(new Error("connection string postgres://secret"), "req-9");
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toContain("secret");
    expect(body.error.requestId).toBe("req-9");
    spy.mockRestore();
  });
});
