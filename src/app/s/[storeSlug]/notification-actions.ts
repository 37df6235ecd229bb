"use server";

import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { listNotifications, markNotificationsRead } from "@/server/notifications/list-notifications";

const list = storeAction({ input: z.object({}), permission: "orders.read" }, (_input, ctx) => listNotifications(ctx));
const mark = storeAction({ input: z.object({ ids: z.array(z.uuid()).max(100).optional() }), permission: "orders.read" }, async (input, ctx) => {
  await markNotificationsRead(ctx, input.ids);
  return listNotifications(ctx);
});

export async function fetchNotifications(storeSlug: string) {
  return list(storeSlug, {});
}

export async function markRead(storeSlug: string, ids?: string[]) {
  return mark(storeSlug, { ids });
}
