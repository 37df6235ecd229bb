import "server-only";
import { z } from "zod";
import { db } from "@/server/db/client";
import { AppError, issue } from "@/server/errors/app-error";
import { rule } from "@/server/http/validation";
import { isUniqueViolation } from "@/server/db/unique-violation";

export const STORE_CURRENCIES = ["SAR", "AED", "KWD", "QAR", "BHD", "OMR"] as const;
export const STORE_TIME_ZONES = ["Asia/Riyadh", "Asia/Dubai", "Asia/Kuwait", "Asia/Qatar", "Asia/Bahrain", "Asia/Muscat"] as const;
/** Words a store's address may not be: they name parts of Tajer, or would mislead a customer. */
export const RESERVED_SLUGS = new Set([
  "admin",
  "api",
  "app",
  "auth",
  "billing",
  "dashboard",
  "demo",
  "help",
  "login",
  "logout",
  "new",
  "o",
  "official",
  "r",
  "s",
  "settings",
  "signin",
  "signout",
  "signup",
  "static",
  "support",
  "tajer",
  "team",
  "widget",
  "www",
  "payments",
  "payments-sim",
  "stores",
  "verify-email",
  "reset-password",
  "forgot-password",
  "security",
  "status",
]);
export const MAX_STORES_PER_USER = 10;

export const createStoreInput = z
  .object({
    name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){2,39}$/, rule("slugFormat"))
      .refine((s) => !RESERVED_SLUGS.has(s), rule("slugReserved")),
    locale: z.enum(["ar", "en"]),
    currency: z.enum(STORE_CURRENCIES),
    timeZone: z.enum(STORE_TIME_ZONES),
  })
  .strict();

/**
 * A signed-in user with a confirmed address opens a store: they are its owner, with an empty wallet in
 * its currency. A taken address is named; of two stores asking for one address at once, the unique index
 * keeps one. The number of stores a user owns is counted under a lock on the user.
 */
export async function createStore(userId: string, input: z.output<typeof createStoreInput>): Promise<{ slug: string }> {
  try {
    return await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`stores-of:${userId}`}, 0))`;
      const user = await tx.user.findUnique({ where: { id: userId }, select: { emailVerifiedAt: true } });
      if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      if (!user.emailVerifiedAt) throw new AppError("FORBIDDEN", "Confirm your email address first.", { say: { key: "emailNotVerified" } });
      const owned = await tx.membership.count({ where: { userId, role: "OWNER" } });
      if (owned >= MAX_STORES_PER_USER)
        throw new AppError("CONFLICT", `You can create at most ${MAX_STORES_PER_USER} stores.`, {
          say: { key: "storeLimit", params: { n: MAX_STORES_PER_USER } },
        });
      const store = await tx.store.create({
        data: { name: input.name, slug: input.slug, locale: input.locale, currency: input.currency, timeZone: input.timeZone },
        select: { id: true, slug: true },
      });
      await tx.membership.create({ data: { storeId: store.id, userId, role: "OWNER" } });
      await tx.wallet.create({ data: { storeId: store.id, balance: 0, currency: input.currency } });
      return { slug: store.slug };
    });
  } catch (error) {
    if (isUniqueViolation(error, "slug"))
      throw new AppError("VALIDATION_FAILED", "This address is taken by another store.", { fields: { slug: issue("slugTaken") } });
    throw error;
  }
}
