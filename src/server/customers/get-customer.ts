import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { notFound } from "@/server/errors/app-error";
import { toOrderSummaryDto, type OrderSummaryDto } from "@/server/orders/order-dto";
import { customerStats } from "./customer-stats";
import { selectOrderSummaries, visibleOrdersSql } from "@/server/orders/order-queries";
import { Prisma } from "@/generated/prisma/client";
import { toCustomerSummaryDto, type CustomerSummaryDto } from "./list-customers";
import { isUuid } from "@/server/ids";
import type { MessagingChannel } from "@/generated/prisma/enums";
import { messagingChannelOf } from "@/server/notifications/whatsapp";

export type CustomerDto = CustomerSummaryDto & {
  address: string | null;
  /** The language the customer reads: "ar", "en", or null for the store's. */
  locale: "ar" | "en" | null;
  /** How the customer's messages go: their own channel (null: the store's), and the store's. */
  messaging: { own: MessagingChannel | null; store: MessagingChannel };
  orders: OrderSummaryDto[];
  refusals: { id: string; total: number; source: string; createdAt: string }[];
};

export async function getCustomer(ctx: StoreContext, unverifiedCustomerId: string): Promise<CustomerDto> {
  if (!isUuid(unverifiedCustomerId)) throw notFound("Customer");
  const c = await db.customer.findUnique({
    where: { storeId_id: { storeId: ctx.storeId, id: unverifiedCustomerId } },
    include: { store: { select: { messagingChannel: true } } },
  });
  if (!c) throw notFound("Customer");
  const [orders, refusals, stats] = await Promise.all([
    selectOrderSummaries(db, ctx.storeId, [visibleOrdersSql(ctx), Prisma.sql`o."customerId" = ${c.id}::uuid`], 100),
    db.intakeRefusal.findMany({ where: { storeId: ctx.storeId, customerId: c.id }, orderBy: { createdAt: "desc" }, take: 50 }),
    customerStats(ctx.storeId, [c.id]),
  ]);
  return {
    ...toCustomerSummaryDto(c, stats.get(c.id)!),
    address: c.address,
    locale: c.locale === "ar" || c.locale === "en" ? c.locale : null,
    messaging: { own: c.messagingChannel, store: messagingChannelOf(c.store.messagingChannel) },
    orders: orders.map(toOrderSummaryDto),
    refusals: refusals.map((r) => ({ id: r.id, total: r.total, source: r.source, createdAt: r.createdAt.toISOString() })),
  };
}
