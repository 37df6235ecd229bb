import { z } from "zod";
import type { StoreContext } from "@/server/auth/context";
import { db } from "@/server/db/client";
import { notFound } from "@/server/errors/app-error";
import { isUuid } from "@/server/ids";

/** A customer's language: Arabic, English, or (null) the store's. */
export const customerLanguageInput = z.strictObject({ locale: z.enum(["ar", "en"]).nullable() });

/** Sets the language a customer's messages and pages use from now on. One conditional write. */
export async function setCustomerLanguage(ctx: StoreContext, unverifiedCustomerId: string, input: z.output<typeof customerLanguageInput>) {
  if (!isUuid(unverifiedCustomerId)) throw notFound("Customer");
  const { count } = await db.customer.updateMany({ where: { storeId: ctx.storeId, id: unverifiedCustomerId }, data: { locale: input.locale } });
  if (!count) throw notFound("Customer");
}
