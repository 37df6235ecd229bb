import { randomUUID } from "node:crypto";
import { settings } from "@/server/settings";
import type { z } from "zod";
import { authenticateApiToken } from "@/server/api-tokens/authenticate-api-token";
import type { StoreContext } from "@/server/auth/context";
import { can, type Permission } from "@/server/auth/permissions";
import { AppError, issue } from "@/server/errors/app-error";
import { toErrorResponse } from "@/server/errors/error-catalog";
import { parseInput } from "./validation";
import { createRateLimiter } from "./rate-limiter";

const takeToken = createRateLimiter({ limit: settings().API_RATE_LIMIT_PER_MINUTE, windowMs: 60_000 });

type RouteContext = { params: Promise<Record<string, string>> };

type ApiRequest = {
  request: Request;
  ctx: StoreContext;
  params: Record<string, string>;
  /** The JSON body, parsed with the given schema (422 naming each bad field). */
  body<S extends z.ZodType>(schema: S): Promise<z.output<S>>;
  /** Query parameters, parsed with the given schema. */
  query<S extends z.ZodType>(schema: S): z.output<S>;
};

export function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/**
 * Every /api/v1 handler goes through here: API token → permission → handler → one error shape.
 * The token decides the store; a store's data is only ever reached through ctx.storeId.
 */
export function apiRoute(permission: Permission, handler: (req: ApiRequest) => Promise<Response>) {
  return async (request: Request, route: RouteContext): Promise<Response> => {
    const requestId = randomUUID();
    try {
      const ctx = await authenticateApiToken(request.headers.get("authorization"));
      const decision = takeToken(ctx.actor.id ?? "");
      if (!decision.allowed) {
        throw new AppError("RATE_LIMITED", `Too many requests for this API token. Retry in ${decision.retryAfterSeconds} s.`, {
          details: { retryAfterSeconds: decision.retryAfterSeconds },
        });
      }
      if (!can(ctx.role, permission)) throw new AppError("FORBIDDEN", "This API token's role does not allow this.");
      const params = (await route.params) ?? {};
      return await handler({
        request,
        ctx,
        params,
        async body(schema) {
          let raw: unknown;
          try {
            raw = await request.json();
          } catch {
            throw new AppError("MALFORMED_REQUEST", "The request body must be JSON.", { fields: { body: issue("json") } });
          }
          return parseInput(schema, raw);
        },
        query(schema) {
          return parseInput(schema, Object.fromEntries(new URL(request.url).searchParams));
        },
      });
    } catch (error) {
      const { status, body } = toErrorResponse(error, requestId);
      const retryAfter: Record<string, string> = status === 429 ? { "Retry-After": String(body.error.retryAfterSeconds ?? 60) } : {};
      return json(body, status, { "X-Request-Id": requestId, ...retryAfter });
    }
  };
}
