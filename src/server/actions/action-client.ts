import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { StoreContext } from "@/server/auth/context";
import { can, type Permission } from "@/server/auth/permissions";
import { currentSession, currentUserId } from "@/server/auth/session";
import { AppError, isAppError, type ErrorCode, type FieldErrors } from "@/server/errors/app-error";
import { toErrorResponse } from "@/server/errors/error-catalog";
import { inWords } from "@/server/errors/words";
import { readerLocale } from "@/i18n/reader-locale";
import { parseInput } from "@/server/http/validation";
import { resolveMembership } from "@/server/stores/resolve-membership";

export type ActionError = { code: ErrorCode; message: string; fields?: FieldErrors; details?: Record<string, unknown> };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

/**
 * Any error as the one result shape actions answer with (unknown errors logged and hidden, as for the
 * API), in the words of the reader's language: the screens show `message` and `fields` as they are.
 */
async function failure(error: unknown): Promise<{ ok: false; error: ActionError }> {
  const { body } = toErrorResponse(error, randomUUID());
  const { code, message: english, fields: _english, requestId: _requestId, ...details } = body.error;
  const { message, fields } = inWords(isAppError(error) ? error : null, code, english, await readerLocale());
  return { ok: false, error: { code, message, ...(fields ? { fields } : {}), ...(Object.keys(details).length ? { details } : {}) } };
}

/** What a store-scoped action's pages are, to refresh after it: the store's whole layout, or one path under it. */
export type Revalidate = "store" | "none" | ((storeSlug: string) => string);

/**
 * The one way to write a store-scoped server action: it declares its input schema (the exported
 * function's input type comes from it — nothing is typed by hand), its permission and what to refresh.
 * Then: validate input → session → membership of the store in the URL (re-checked here, never trusted)
 * → permission → the use case → one error shape → refresh. A server action is a public POST endpoint;
 * only this check protects it. Pages are refreshed once the store is known to be the caller's, whether
 * the use case succeeded or refused (a refusal often means the page is stale).
 */
export function storeAction<S extends z.ZodType, T>(
  options: { input: S; permission: Permission; revalidate?: Revalidate },
  run: (input: z.output<S>, ctx: StoreContext) => Promise<T>,
) {
  return async (unverifiedStoreSlug: string, rawInput: z.input<S>): Promise<ActionResult<T>> => {
    let storeSlug: string | null = null;
    try {
      const input = parseInput(options.input, rawInput);
      const userId = await currentUserId();
      if (!userId) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      const access = typeof unverifiedStoreSlug === "string" ? await resolveMembership(userId, unverifiedStoreSlug) : null;
      if (!access) throw new AppError("NOT_FOUND", "Store not found", { say: { key: "storeNotFound" } });
      if (!can(access.role, options.permission)) throw new AppError("FORBIDDEN", "Your role does not allow this.");
      storeSlug = access.store.slug;
      const ctx: StoreContext = {
        storeId: access.store.id,
        role: access.role,
        onlyAssigned: access.onlyAssigned,
        actor: { type: "USER", id: userId, name: access.user.name },
      };
      return { ok: true, data: await run(input, ctx) };
    } catch (error) {
      return await failure(error);
    } finally {
      if (storeSlug && options.revalidate && options.revalidate !== "none") {
        if (options.revalidate === "store") revalidatePath(`/s/${storeSlug}`, "layout");
        else revalidatePath(options.revalidate(storeSlug));
      }
    }
  };
}

/**
 * The way into a server action about the signed-in user themself (their password), in no store:
 * validate input → session → the use case → the same error shape.
 */
export function userAction<S extends z.ZodType, T>(
  options: { input: S },
  run: (input: z.output<S>, session: { userId: string; sessionId: string }) => Promise<T>,
) {
  return async (rawInput: z.input<S>): Promise<ActionResult<T>> => {
    try {
      const input = parseInput(options.input, rawInput);
      const session = await currentSession();
      if (!session) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      return { ok: true, data: await run(input, session) };
    } catch (error) {
      return await failure(error);
    }
  };
}

/**
 * The way into a server action anyone may call (the sign-in form), that a form can post to before its
 * page's scripts have run: React passes (previous result, form data); a caller in code passes the input.
 * Validate input → the use case → the same error shape; `redirectTo` sends a browser without scripts on
 * with a real redirect after a success (a page with scripts goes on by itself).
 */
export function publicFormAction<S extends z.ZodType, T>(
  options: { input: S; redirectTo?: (data: T) => string | null },
  run: (input: z.output<S>) => Promise<T>,
) {
  return async (previousOrInput: unknown, form?: FormData): Promise<ActionResult<T>> => {
    // React's own hidden fields of a form bound to a server action ($ACTION_…) are not the form's input.
    const raw =
      form instanceof FormData
        ? Object.fromEntries([...form.entries()].filter(([k, v]) => typeof v === "string" && !k.startsWith("$ACTION")))
        : previousOrInput;
    let result: ActionResult<T>;
    try {
      result = { ok: true, data: await run(parseInput(options.input, raw)) };
    } catch (error) {
      return await failure(error);
    }
    const target = options.redirectTo?.(result.data);
    if (target) redirect(target);
    return result;
  };
}

/** As publicFormAction, for the signed-in user themself (opening a store): validate input → session → the use case. */
export function userFormAction<S extends z.ZodType, T>(
  options: { input: S; redirectTo?: (data: T) => string | null },
  run: (input: z.output<S>, session: { userId: string; sessionId: string }) => Promise<T>,
) {
  return publicFormAction(options, async (input: z.output<S>) => {
    const session = await currentSession();
    if (!session) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
    return run(input, session);
  });
}
