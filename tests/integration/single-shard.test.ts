// On the sharded database, the busy paths ask one shard: the store's. Citus is told to refuse any statement it
// would split across shards (citus.multi_task_query_log_level = error), and each path runs as a user or a
// storefront would run it. Runs on the cluster only (npm run test:cluster); one server has no shards to count.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { listOrders, countOrdersByStatus } from "@/server/orders/list-orders";
import { listOrdersQuery } from "@/server/orders/schemas";
import { getOrderReview } from "@/server/orders/get-order-review";
import { listNotifications } from "@/server/notifications/list-notifications";
import { resolveMembership } from "@/server/stores/resolve-membership";
import { listUserStores } from "@/server/stores/list-user-stores";
import { getCustomer } from "@/server/customers/get-customer";
import { packStation } from "@/server/packing/pack-queue";
import { transitionOrder } from "@/server/orders/transition-order";
import { saveCarrierAccount } from "@/server/shipping/carrier-settings";
import { api } from "../support/api";
import { orderInput, seedOrder, seedStore, type SeededStore } from "../support/factories";
import { fundWallet } from "../support/wallet";
import { aramexLabel } from "../support/doors";

const onCluster = process.env.TEST_CLUSTER === "1";

describe.runIf(onCluster)("the busy paths ask the store's shard only", () => {
  let s: SeededStore;
  let orderId: string;
  let customerId: string;
  const database = async () => (await db.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`)[0].name;

  beforeAll(async () => {
    s = await seedStore();
    await saveCarrierAccount(s.ctx(), { carrier: "aramex", enabled: true });
    await fundWallet(s.ctx(), { amount: 100_000, reference: "single-shard" });
    for (let i = 0; i < 3; i++) await seedOrder(s);
    const order = await seedOrder(s);
    orderId = order.id;
    customerId = order.customer.id;
    // From here, a statement Citus would split across shards fails instead of running. New connections only:
    // the pool is closed so that every connection from now on has the rule.
    await db.$executeRawUnsafe(`ALTER DATABASE "${await database()}" SET citus.multi_task_query_log_level = 'error'`);
    await db.$disconnect();
  });
  afterAll(async () => {
    await db.$executeRawUnsafe(`ALTER DATABASE "${await database()}" RESET citus.multi_task_query_log_level`);
    await db.$disconnect();
  });

  it("the rule is on: a statement across every store's orders is refused", async () => {
    await expect(db.$queryRaw`SELECT count(*) FROM orders`).rejects.toThrow(/multi-task query/);
  });

  it("what every dashboard page, server action and store route asks first: the membership, the user's stores", async () => {
    const userId = s.owner.id;
    expect((await resolveMembership(userId, s.store.slug))?.store.id).toBe(s.store.id);
    expect(await resolveMembership(userId, "no-such-store")).toBeNull();
    expect((await listUserStores(userId)).map((x) => x.slug)).toContain(s.store.slug);
  });

  it("the order list: first page, counts per status, late, tag and search filters, a deep page", async () => {
    const ctx = s.ctx();
    const first = await listOrders(ctx, listOrdersQuery.parse({}));
    expect(first.data.length).toBe(4);
    await countOrdersByStatus(ctx, listOrdersQuery.parse({}));
    await listOrders(ctx, listOrdersQuery.parse({ late: "1", tag: "vip", q: "0555" }));
    await listOrders(ctx, listOrdersQuery.parse({ limit: "2", cursor: first.nextCursor ?? undefined }));
    // Every dashboard page's header: the bell's latest notifications and the unread count, in one statement.
    expect((await listNotifications(ctx)).unread).toBeGreaterThanOrEqual(0);
  });

  it("the order page, the customer page and the packing station", async () => {
    const ctx = s.ctx();
    expect((await getOrderReview(ctx, orderId)).order.id).toBe(orderId);
    expect((await getCustomer(ctx, customerId)).id).toBe(customerId);
    await packStation(ctx, {});
  });

  it("through the API: intake, the list, an order, its timeline, a status change", async () => {
    const placed = await api.placeOrder(s.tokens.OWNER, orderInput());
    expect(placed.status).toBe(201);
    expect((await api.listOrders(s.tokens.STAFF, "?limit=20")).status).toBe(200);
    expect((await api.getOrder(s.tokens.STAFF, placed.body.data.id)).status).toBe(200);
    expect((await api.events(s.tokens.STAFF, placed.body.data.id)).status).toBe(200);
    const moved = await api.transition(s.tokens.STAFF, placed.body.data.id, { to: "in_progress", notifyCustomer: true });
    expect(moved.status).toBe(200);
  });

  it("a status change on the order page and a label bought from the wallet", async () => {
    await transitionOrder(s.ctx(), orderId, { to: "in_progress", notifyCustomer: false });
    const label = await aramexLabel(s, orderId);
    expect(label.status).toBe("created");
  });
});
