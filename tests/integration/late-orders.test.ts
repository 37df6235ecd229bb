// Late orders: each milestone's rule (hours, days, per carrier), computed in SQL from the order's own
// timestamps and shipment; the list's filter and badge, the API's field, and the sweep that tells people once.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { listOrders } from "@/server/orders/list-orders";
import { listOrdersQuery } from "@/server/orders/schemas";
import { DEFAULT_LATE_RULES, saveLateRules } from "@/server/orders/late-rules";
import { notifyLateOrders, sendLateDigests } from "@/server/orders/late-sweep";
import { transitionOrder } from "@/server/orders/transition-order";
import { assignOrder } from "@/server/orders/assign-order";
import { issueLabel } from "@/server/shipping/issue-label";
import { carrierAdapters } from "@/server/shipping/carrier-simulator";
import { seedOrder } from "../support/factories";
import { labelInput, packedOrder, shippableStore } from "../support/labels";

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);

describe("late orders", () => {
  it("each milestone is late after its rule: not started, not shipped, label not picked up, not delivered (per carrier), unconfirmed", async () => {
    const s = await shippableStore();
    const set = (id: string, data: Record<string, unknown>) => db.order.update({ where: { storeId_id: { storeId: s.store.id, id } }, data });
    const onTime = await seedOrder(s, { payment: { method: "card", status: "paid" } });
    await set(onTime.id, { placedAt: hoursAgo(11) });
    const notStarted = await seedOrder(s, { payment: { method: "card", status: "paid" } });
    await set(notStarted.id, { placedAt: hoursAgo(13) });
    const notShipped = await packedOrder(s);
    await set(notShipped.id, { inProgressAt: hoursAgo(25) });
    const labelled = await packedOrder(s);
    const label = await issueLabel(s.ctx(), labelled.id, labelInput(s), {}, { adapters: carrierAdapters() });
    await db.shipment.update({ where: { storeId_id: { storeId: s.store.id, id: label.id } }, data: { createdAt: hoursAgo(25) } });
    const unconfirmed = await seedOrder(s);
    await set(unconfirmed.id, { confirmation: "AWAITING", confirmationDueAt: hoursAgo(1) });

    const lateOf = async () => {
      const page = await listOrders(s.ctx(), listOrdersQuery.parse({ limit: "100" }));
      return Object.fromEntries(page.data.map((o) => [o.id, o.late]));
    };
    let late = await lateOf();
    expect(late[onTime.id]).toBeNull();
    expect(late[notStarted.id]).toBe("not_started");
    expect(late[notShipped.id]).toBe("not_shipped");
    expect(late[labelled.id]).toBe("not_picked_up");
    expect(late[unconfirmed.id]).toBe("unconfirmed");

    // Picked up 6 days after shipping: past the store's 5 days, within Aramex's own 10.
    await db.shipment.update({ where: { storeId_id: { storeId: s.store.id, id: label.id } }, data: { status: "IN_TRANSIT" } });
    await set(labelled.id, { shippedAt: hoursAgo(6 * 24) });
    expect((await lateOf())[labelled.id]).toBe("not_delivered");
    await saveLateRules(s.ctx(), { ...DEFAULT_LATE_RULES, receivedHours: 24, carrierDays: { aramex: 10 } });
    late = await lateOf();
    expect(late[labelled.id]).toBeNull();
    expect(late[notStarted.id]).toBeNull();

    // The list's filter: only what is late now.
    const filtered = await listOrders(s.ctx(), listOrdersQuery.parse({ late: "1" }));
    expect(filtered.data.map((o) => o.id).sort()).toEqual([notShipped.id, unconfirmed.id].sort());
  });

  it("hours count the branch's working hours on the store's clock; a branch whose hours were never set counts the calendar", async () => {
    // The function at fixed instants (Riyadh is UTC+3), for a branch open Sunday to Thursday, 9 to 5.
    const week = Object.fromEntries(["sun", "mon", "tue", "wed", "thu"].map((d) => [d, { open: "09:00", close: "17:00" }]));
    const before = async (at: string, hours: number, hoursOfWeek: unknown) =>
      (
        await db.$queryRaw<{ t: Date }[]>`
          SELECT tajer_working_hours_before(${new Date(at)}::timestamptz, ${hours}::int, ${JSON.stringify(hoursOfWeek)}::jsonb, 'Asia/Riyadh') AS t`
      )[0].t.toISOString();
    // Monday 10:00: an hour of Monday, then two of Sunday's afternoon.
    expect(await before("2026-11-30T07:00:00Z", 3, week)).toBe("2026-11-29T12:00:00.000Z");
    // Saturday noon, after a closed Friday: Thursday's whole day.
    expect(await before("2026-11-28T09:00:00Z", 8, week)).toBe("2026-11-26T06:00:00.000Z");
    // Monday 21:00, after closing: the hour before closing.
    expect(await before("2026-11-30T18:00:00Z", 1, week)).toBe("2026-11-30T13:00:00.000Z");
    // Exactly a day's hours from Tuesday's opening reach back to Monday's.
    expect(await before("2026-12-01T06:00:00Z", 8, week)).toBe("2026-11-30T06:00:00.000Z");
    // No hours set: calendar hours.
    expect(await before("2026-11-30T07:00:00Z", 3, {})).toBe("2026-11-30T04:00:00.000Z");

    // Orders 13 hours old: late by the calendar (12 h), not when their branch opens an hour a day.
    const s = await shippableStore();
    const anHourADay = Object.fromEntries(["sat", "sun", "mon", "tue", "wed", "thu", "fri"].map((d) => [d, { open: "09:00", close: "10:00" }]));
    const [main, other] = s.branches;
    await db.branch.update({ where: { storeId_id: { storeId: s.store.id, id: main.id } }, data: { workingHours: anHourADay } });
    const place = async (branchId: string | null) => {
      const order = await seedOrder(s, { payment: { method: "card", status: "paid" } });
      await db.order.update({ where: { storeId_id: { storeId: s.store.id, id: order.id } }, data: { placedAt: hoursAgo(13), branchId } });
      return order;
    };
    const atMain = await place(main.id);
    const atOther = await place(other.id);
    const noBranchYet = await place(null);
    const late = Object.fromEntries((await listOrders(s.ctx(), listOrdersQuery.parse({ limit: "100" }))).data.map((o) => [o.id, o.late]));
    expect(late[atMain.id]).toBeNull();
    expect(late[atOther.id]).toBe("not_started");
    // An order not yet given a branch is counted on the store's default branch (the main one here).
    expect(main.isDefault).toBe(true);
    expect(late[noBranchYet.id]).toBeNull();
    const filtered = await listOrders(s.ctx(), listOrdersQuery.parse({ late: "1" }));
    expect(filtered.data.map((o) => o.id)).toEqual([atOther.id]);
  });

  it("the sweep tells the assignee once (or the owners and admins when nobody has it), and again at the next milestone", async () => {
    const s = await shippableStore();
    const staff = await db.user.create({ data: { email: `late-${crypto.randomUUID()}@test.test`, name: "Sara", passwordHash: "x" } });
    await db.membership.create({ data: { storeId: s.store.id, userId: staff.id, role: "STAFF" } });
    const mine = await seedOrder(s, { payment: { method: "card", status: "paid" } });
    await assignOrder(s.ctx(), mine.id, staff.id);
    const nobodys = await seedOrder(s, { payment: { method: "card", status: "paid" } });
    for (const o of [mine, nobodys]) await db.order.update({ where: { storeId_id: { storeId: s.store.id, id: o.id } }, data: { placedAt: hoursAgo(13) } });

    await Promise.all([notifyLateOrders(), notifyLateOrders()]);
    const told = async (orderId: string) =>
      (await db.notification.findMany({ where: { storeId: s.store.id, orderId, type: "order.late" }, select: { userId: true } })).map((n) => n.userId);
    expect(await told(mine.id)).toEqual([staff.id]);
    expect(await told(nobodys.id)).toEqual([s.owner.id]);
    await notifyLateOrders();
    expect(await told(mine.id)).toHaveLength(1);

    // Started, and then in progress too long: told again, for that milestone.
    await transitionOrder(s.ctx(), mine.id, { to: "in_progress", notifyCustomer: false });
    await notifyLateOrders();
    expect(await told(mine.id)).toHaveLength(1);
    await db.order.update({ where: { storeId_id: { storeId: s.store.id, id: mine.id } }, data: { inProgressAt: hoursAgo(30) } });
    await notifyLateOrders();
    const notes = await db.notification.findMany({ where: { storeId: s.store.id, orderId: mine.id, type: "order.late" }, orderBy: { createdAt: "asc" } });
    expect(notes.map((n) => (n.data as { reason: string }).reason)).toEqual(["not_started", "not_shipped"]);
  });

  it("each morning on the store's clock the owners get one digest of what is late; none before eight, none twice", async () => {
    const s = await shippableStore();
    await db.store.update({ where: { id: s.store.id }, data: { timeZone: "Asia/Riyadh", locale: "en" } });
    const order = await seedOrder(s, { payment: { method: "card", status: "paid" } });
    await db.order.update({ where: { storeId_id: { storeId: s.store.id, id: order.id } }, data: { placedAt: new Date("2026-12-01T00:00:00Z") } });
    const mails = () => db.emailMessage.findMany({ where: { to: s.owner.email }, select: { subject: true, text: true } });
    // 07:30 in Riyadh (04:30 UTC): not yet.
    await sendLateDigests(new Date("2026-12-02T04:30:00Z"));
    expect(await mails()).toEqual([]);
    // 08:05, twice at once: one email.
    await Promise.all([sendLateDigests(new Date("2026-12-02T05:05:00Z")), sendLateDigests(new Date("2026-12-02T05:05:00Z"))]);
    const sent = await mails();
    expect(sent).toHaveLength(1);
    expect(sent[0].subject).toMatch(/order(s are| is) late this morning/);
    expect(sent[0].text).toContain(`#${order.number} — received and not started in time`);
    expect(sent[0].text).toContain(`/s/${s.store.slug}/orders?late=1`);
    await sendLateDigests(new Date("2026-12-02T11:00:00Z"));
    expect(await mails()).toHaveLength(1);
    // The next morning, again.
    await sendLateDigests(new Date("2026-12-03T05:05:00Z"));
    expect(await mails()).toHaveLength(2);
  });
});
