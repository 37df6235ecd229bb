import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { listOrders } from "@/server/orders/list-orders";
import { listOrdersQuery } from "@/server/orders/schemas";
import { deleteTag, listTags, updateTag } from "@/server/tags/manage-tags";
import { addTagsToOrders, removeTagFromOrders } from "@/server/tags/tag-orders";
import { transitionOrder } from "@/server/orders/transition-order";
import { api } from "../support/api";
import { seedOrder, seedStore } from "../support/factories";
import * as tagsRoute from "@/app/api/v1/orders/[orderId]/tags/route";
import * as tagRoute from "@/app/api/v1/orders/[orderId]/tags/[tag]/route";

const call = async (
  handler: (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>,
  req: Request,
  params: Record<string, string>,
) => {
  const res = await handler(req, { params: Promise.resolve(params) });
  return { status: res.status, body: await res.json() };
};

describe("tags", () => {
  it("are created on the fly, case-insensitively, recorded on the timeline, and filter the list with status and search", async () => {
    const s = await seedStore();
    const [a, b, c] = await Promise.all([seedOrder(s, { name: "Reem" }), seedOrder(s, { name: "Reem" }), seedOrder(s, { name: "Other" })]);
    expect(await addTagsToOrders(s.ctx("STAFF"), [a.id, b.id], ["VIP", " gift  wrap "])).toEqual(["gift wrap", "vip"]);
    await addTagsToOrders(s.ctx(), [c.id], ["vip"]);
    await transitionOrder(s.ctx(), b.id, { to: "in_progress", notifyCustomer: false });
    expect((await listTags(s.ctx())).map((t) => [t.name, t.orders])).toEqual([
      ["gift wrap", 2],
      ["vip", 3],
    ]);

    const ids = async (q: Record<string, unknown>) => (await listOrders(s.ctx(), listOrdersQuery.parse(q))).data.map((o) => o.id).sort();
    expect(await ids({ tag: "vip" })).toEqual([a.id, b.id, c.id].sort());
    expect(await ids({ tag: "vip", status: "in_progress" })).toEqual([b.id]);
    expect(await ids({ tag: "vip", q: "reem" })).toEqual([a.id, b.id].sort());
    expect((await listOrders(s.ctx(), listOrdersQuery.parse({ tag: "vip" }))).data.find((o) => o.id === a.id)?.tags).toEqual(["gift wrap", "vip"]);

    await removeTagFromOrders(s.ctx(), [a.id], "vip");
    const events = await db.orderEvent.findMany({ where: { storeId: s.store.id, orderId: a.id, type: "order.tags_changed" }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.data)).toEqual([
      { added: ["gift wrap", "vip"], removed: [] },
      { added: [], removed: ["vip"] },
    ]);
  });

  it("rename, recolour and delete (with the count of orders that carried it)", async () => {
    const s = await seedStore();
    const order = await seedOrder(s);
    await addTagsToOrders(s.ctx(), [order.id], ["urgent", "fragile"]);
    const [fragile, urgent] = await listTags(s.ctx());
    await updateTag(s.ctx(), { tagId: urgent.id, name: "rush", color: "red" });
    await expect(updateTag(s.ctx(), { tagId: urgent.id, name: "fragile" })).rejects.toMatchObject({
      code: "CONFLICT",
      fields: { name: "is already used by another tag" },
    });
    expect(await deleteTag(s.ctx(), fragile.id)).toBe(1);
    expect((await listTags(s.ctx())).map((t) => [t.name, t.color])).toEqual([["rush", "red"]]);
  });

  it("API: POST /orders/{id}/tags and DELETE /orders/{id}/tags/{tag}; outsiders get 404 and write nothing", async () => {
    const s = await seedStore();
    const outsider = await seedStore();
    const order = await seedOrder(s);
    const req = (method: string, token: string, body?: unknown) =>
      new Request("http://localhost/api", {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: body ? JSON.stringify(body) : undefined,
      });
    const added = await call(tagsRoute.POST, req("POST", s.tokens.STAFF, { tags: ["vip"] }), { orderId: order.id });
    expect([added.status, added.body.data.tags]).toEqual([200, ["vip"]]);
    const bad = await call(tagsRoute.POST, req("POST", s.tokens.STAFF, { tags: [""] }), { orderId: order.id });
    expect([bad.status, bad.body.error.fields]).toEqual([422, { "tags.0": "must not be empty" }]);

    const foreign = await call(tagsRoute.POST, req("POST", outsider.tokens.OWNER, { tags: ["spy"] }), { orderId: order.id });
    expect(foreign.status).toBe(404);
    expect(await db.tag.count({ where: { storeId: outsider.store.id } })).toBe(0);
    expect((await call(tagRoute.DELETE, req("DELETE", outsider.tokens.OWNER), { orderId: order.id, tag: "vip" })).status).toBe(404);

    const removed = await call(tagRoute.DELETE, req("DELETE", s.tokens.STAFF), { orderId: order.id, tag: "vip" });
    expect([removed.status, removed.body.data.tags]).toEqual([200, []]);
    expect((await api.getOrder(s.tokens.STAFF, order.id)).body.data.tags).toEqual([]);
  });
});
