import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import ar from "../../messages/ar.json";
import { NOTIFICATION_TYPES, notification, parseNotification } from "@/server/notifications/notification-types";

describe("the notifications' catalogue", () => {
  it("reads back each notification as its type's shape, keeping fields it does not know", () => {
    const written = notification("order.assigned", { number: 1042, by: "Sara" });
    expect(parseNotification(written.type, { ...written.data, later: true })).toEqual({
      type: "order.assigned",
      data: { number: 1042, by: "Sara", later: true },
    });
  });
  it("a type it does not know, or data that does not fit, is 'unknown', never a crash", () => {
    expect(parseNotification("order.teleported", {})).toEqual({ type: "unknown", data: { type: "order.teleported" } });
    expect(parseNotification("order.created", { number: "1042" })).toEqual({ type: "unknown", data: { type: "order.created" } });
    expect(parseNotification("comment.mention", null)).toEqual({ type: "unknown", data: { type: "comment.mention" } });
  });
  it("every type has its sentence in both languages, with the names and the number isolated", () => {
    const keys = {
      "order.created": "created",
      "order.assigned": "assigned",
      "comment.mention": "mention",
      "export.ready": "exportReady",
      "order.late": "late",
      "confirmation.unanswered": "confirmationUnanswered",
      "message.received": "messageReceived",
      "message.received (confirmed)": "messageConfirmed",
      "message.received (declined)": "messageDeclined",
    } as const;
    expect([...new Set(Object.keys(keys).map((k) => k.split(" ")[0]))].sort()).toEqual([...NOTIFICATION_TYPES].sort());
    for (const catalog of [en, ar])
      for (const key of Object.values(keys)) {
        const sentence = catalog.notifications[key];
        for (const placeholder of sentence.match(/\{\w+\}/g) ?? []) expect(sentence).toContain(`\u2068${placeholder}\u2069`);
      }
  });
});
