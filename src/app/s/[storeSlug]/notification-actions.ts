"use server";

import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { listNotifications, markNotificationsRead } from "@/server/notifications/list-notifications";

export const fetchNotifications = storeAction({ input: z.object({}), permission: "orders.read" }, (_input, ctx) => listNotifications(ctx));

/** Marks some (or all) of the person's notifications read, and answers with the list as it is now. */
export const markRead = storeAction({ input: z.object({ ids: z.array(z.uuid()).max(100).optional() }), permission: "orders.read" }, async (input, ctx) => {
  await markNotificationsRead(ctx, input.ids);
  return listNotifications(ctx);
});
