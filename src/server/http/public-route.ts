import { randomUUID } from "node:crypto";
import type { StoreContext } from "@/server/auth/context";
import type { Permission } from "@/server/auth/permissions";
import type { Locale } from "@/i18n/locales";
import { AppError, isAppError } from "@/server/errors/app-error";
import { toErrorResponse } from "@/server/errors/error-catalog";
import { inWords } from "@/server/errors/words";
import { routeStoreAccess } from "@/server/stores/route-access";
import type { StoreAccess } from "@/server/stores/resolve-membership";
import { readerLocale } from "@/i18n/reader-locale";
import { requestAddress } from "./client-address";
import { takePublicRequest } from "./public-rate-limit";

type RouteContext<P> = { params: Promise<P> };
type PublicRequest<P> = { request: Request; params: P; requestId: string };

type PublicRouteOptions<P> = {
  /** Count the request against the caller's address budget (routes the proxy does not already count). */
  rateLimited?: boolean;
  /** Headers on every answer, errors included (a public read's CORS headers). */
  headers?: Record<string, string>;
  /** Whose words the error message is in: the page's reader (a customer page's language); the API's English otherwise. */
  locale?: (params: P) => Promise<Locale | null>;
};

/**
 * Every route that answers without a session or an API token — the customers' and storefronts' public
 * routes and the webhooks from carriers, Twilio and Moyasar — goes through here: the handler answers or
 * throws an AppError, and the error becomes the one shape `{ error: { code, message, fields? } }` with the
 * status the catalog gives its code. Anything else is logged with a request id and answered as a 500.
 */
export function publicRoute<P = Record<string, never>>(options: PublicRouteOptions<P>, handler: (req: PublicRequest<P>) => Promise<Response> | Response) {
  return async (request: Request, route?: RouteContext<P>): Promise<Response> => {
    const requestId = randomUUID();
    const params = ((await route?.params) ?? {}) as P;
    try {
      if (options.rateLimited) {
        const decision = takePublicRequest(requestAddress(request.headers));
        if (!decision.allowed)
          throw new AppError("RATE_LIMITED", "Too many requests. Try again shortly.", { details: { retryAfterSeconds: decision.retryAfterSeconds } });
      }
      return await handler({ request, params, requestId });
    } catch (error) {
      const { status, body } = toErrorResponse(error, requestId);
      const locale = options.locale && ((await options.locale(params).catch(() => null)) ?? "en");
      const words = locale ? inWords(isAppError(error) ? error : null, body.error.code, body.error.message, locale) : null;
      const retryAfter: Record<string, string> = status === 429 ? { "Retry-After": String(body.error.retryAfterSeconds ?? 60) } : {};
      return Response.json(words ? { error: { ...body.error, ...words } } : body, {
        status,
        headers: { ...options.headers, "Cache-Control": "no-store", "X-Request-Id": requestId, ...retryAfter },
      });
    }
  };
}

type StoreRouteRequest<P> = { request: Request; params: P; access: StoreAccess & { ctx: StoreContext } };

/**
 * The dashboard's own route handlers (files, the live stream): the signed-in member of the store the URL
 * names, with the permission, or a plain 404 — signed out, not a member, not allowed and not found alike.
 */
export function storeRoute<P extends { storeSlug: string }>(permission: Permission | null, handler: (req: StoreRouteRequest<P>) => Promise<Response>) {
  return async (request: Request, route: RouteContext<P>): Promise<Response> => {
    const params = await route.params;
    const access = await routeStoreAccess(params.storeSlug, permission ?? undefined);
    if (!access) return notFoundResponse();
    try {
      return await handler({ request, params, access });
    } catch (error) {
      if (isAppError(error) && error.code === "NOT_FOUND") return notFoundResponse();
      const { status, body } = toErrorResponse(error, randomUUID());
      // A member's own screens (the packing station) show the message as it is: in the member's language.
      const words = inWords(isAppError(error) ? error : null, body.error.code, body.error.message, await readerLocale());
      return Response.json({ error: { ...body.error, ...words } }, { status, headers: { "Cache-Control": "no-store" } });
    }
  };
}

export const notFoundResponse = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
