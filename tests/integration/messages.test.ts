import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { listInbox, listSent, monthSpend } from "@/server/notifications/messages";
import { receiveInbound } from "@/server/notifications/inbound-messages";
import { transitionOrder } from "@/server/orders/transition-order";
import { seedOrder, seedStore, uniquePhone } from "../support/factories";

describe("the Messages page", () => {
  it("lists what customers wrote and what was sent, newest first by keyset; staff limited to their orders see theirs only; another store's never", async () => {
    const s = await seedStore();
    const other = await seedStore();
    const staff = await db.user.create({ data: { email: `staff-${crypto.randomUUID()}@test.test`, name: "Staff", passwordHash: "x" } });
    await db.membership.create({ data: { storeId: s.store.id, userId: staff.id, role: "STAFF", onlyAssignedOrders: true } });
    const phones = [uniquePhone(), uniquePhone()];
    const [mine, theirs] = [await seedOrder(s, { phone: phones[0] }), await seedOrder(s, { phone: phones[1] })];
    await db.order.update({ where: { storeId_id: { storeId: s.store.id, id: mine.id } }, data: { assigneeId: staff.id } });
    for (const o of [mine, theirs]) await transitionOrder(s.ctx(), o.id, { to: "canceled" });
    await seedOrder(other);
    await transitionOrder(other.ctx(), (await db.order.findFirstOrThrow({ where: { storeId: other.store.id } })).id, { to: "canceled" });
    await receiveInbound({ From: phones[0], Body: "شكرًا", MessageSid: `SM${crypto.randomUUID().replace(/-/g, "")}` });
    await receiveInbound({ From: `whatsapp:${phones[1]}`, Body: "why?", MessageSid: `SM${crypto.randomUUID().replace(/-/g, "")}` });

    const inbox = await listInbox(s.ctx());
    expect(inbox.data.map((m) => [m.from, m.channel, m.order?.id])).toEqual([
      [phones[1], "whatsapp", theirs.id],
      [phones[0], "sms", mine.id],
    ]);
    const sent = await listSent(s.ctx());
    expect(sent.data.map((m) => m.order?.id).sort()).toEqual([mine.id, theirs.id].sort());
    const limited: StoreContext = { storeId: s.store.id, role: "STAFF", onlyAssigned: true, actor: { type: "USER", id: staff.id, name: "Staff" } };
    expect((await listInbox(limited)).data.map((m) => m.order?.id)).toEqual([mine.id]);
    expect((await listSent(limited)).data.map((m) => m.order?.id)).toEqual([mine.id]);
    expect((await listSent(other.ctx())).data).toHaveLength(1);
    expect((await listInbox(other.ctx())).data).toHaveLength(0);
  });

  it("pages by keyset without a gap or a repeat, and refuses a cursor it did not make", async () => {
    const s = await seedStore();
    const order = await seedOrder(s);
    const at = Date.now();
    await db.smsMessage.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        storeId: s.store.id,
        orderId: order.id,
        event: "x",
        to: order.customer.phone,
        body: `m${i}`,
        createdAt: new Date(at - (i % 7) * 1000),
      })),
    });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listSent(s.ctx(), cursor);
      seen.push(...page.data.map((m) => m.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    await expect(listSent(s.ctx(), "bm90LWEtY3Vyc29y")).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("this month's spend per channel: what the provider charged, on the store's clock; messages never sent do not count", async () => {
    const s = await seedStore();
    await db.store.update({ where: { id: s.store.id }, data: { timeZone: "Asia/Riyadh" } });
    const now = new Date("2026-12-15T12:00:00Z");
    const base = { storeId: s.store.id, event: "x", to: "+966500000001", body: "b" };
    await db.smsMessage.createMany({
      data: [
        { ...base, status: "DELIVERED", priceMicros: 79_100, priceUnit: "USD", createdAt: new Date("2026-12-02T10:00:00Z") },
        { ...base, status: "DELIVERED", priceMicros: 158_200, priceUnit: "USD", segments: 2, createdAt: new Date("2026-12-10T10:00:00Z") },
        { ...base, channel: "WHATSAPP", status: "READ", priceMicros: 15_700, priceUnit: "USD", createdAt: new Date("2026-12-05T10:00:00Z") },
        { ...base, channel: "WHATSAPP", status: "QUEUED", createdAt: new Date("2026-12-06T10:00:00Z") },
        // 23:30 on 30 November in Riyadh: last month.
        { ...base, status: "DELIVERED", priceMicros: 79_100, priceUnit: "USD", createdAt: new Date("2026-11-30T20:30:00Z") },
        // 00:30 on 1 December in Riyadh (21:30 UTC on 30 November): this month.
        { ...base, status: "SENT", priceMicros: 79_100, priceUnit: "USD", createdAt: new Date("2026-11-30T21:30:00Z") },
        { ...base, status: "NOT_CONFIGURED", createdAt: new Date("2026-12-03T10:00:00Z") },
      ],
    });
    expect(await monthSpend(s.ctx(), now)).toEqual([
      { channel: "sms", unit: "USD", messages: 3, micros: 316_400 },
      { channel: "whatsapp", unit: "USD", messages: 1, micros: 15_700 },
      { channel: "whatsapp", unit: null, messages: 1, micros: 0 },
    ]);
  });
});
