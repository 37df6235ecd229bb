import { z } from "zod";
import type { StoreContext } from "@/server/auth/context";
import { db } from "@/server/db/client";
import { notFound } from "@/server/errors/app-error";
import { isUuid } from "@/server/ids";
import { MESSAGING_CHANNELS } from "@/server/notifications/whatsapp";

/**
 * A customer's own choices where they differ from the store's (null: the store's): the language their messages
 * and pages use, and how their messages reach them (SMS, WhatsApp, or WhatsApp with SMS behind it).
 */
export const customerPreferencesInput = z.strictObject({
  locale: z.enum(["ar", "en"]).nullable().optional(),
  messagingChannel: z.enum(MESSAGING_CHANNELS).nullable().optional(),
});

/** Sets what is given, from now on. One conditional write. */
export async function setCustomerPreferences(ctx: StoreContext, unverifiedCustomerId: string, input: z.output<typeof customerPreferencesInput>) {
  if (!isUuid(unverifiedCustomerId)) throw notFound("Customer");
  const { count } = await db.customer.updateMany({
    where: { storeId: ctx.storeId, id: unverifiedCustomerId },
    data: {
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
      ...(input.messagingChannel !== undefined ? { messagingChannel: input.messagingChannel } : {}),
    },
  });
  if (!count) throw notFound("Customer");
}
