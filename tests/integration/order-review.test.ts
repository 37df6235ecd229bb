import { describe, expect, it } from "vitest";
import { getOrderReview } from "@/server/orders/get-order-review";
import { seedOrder, seedStore } from "../support/factories";

describe("getOrderReview: stage 1 review of a received order", () => {
  it("shows stock per branch, and warns when no single branch can fill a line", async () => {
    const s = await seedStore({ stock: { "SKU-A": [10, 0, 5], "SKU-B": [1, 1, 0], "SKU-C": [0, 0, 0] } });
    const order = await seedOrder(s, {
      items: [
        { sku: "SKU-A", quantity: 6 },
        { sku: "SKU-B", quantity: 2 },
        { sku: "SKU-C", quantity: 1 },
      ],
    });
    const review = await getOrderReview(s.ctx("STAFF"), order.id);
    const [a, b, c] = review.availability.lines;
    expect(a.byBranch.map((x) => [x.branchName, x.onHand, x.enough])).toEqual([
      ["Riyadh", 10, true],
      ["Dammam", 5, false],
      ["Jeddah", 0, false],
    ]);
    expect(a.fillableFromOneBranch).toBe(true);
    expect(b).toMatchObject({ fillableFromOneBranch: false, needsSeveralBranches: true, shortBy: 0 });
    expect(c).toMatchObject({ fillableFromOneBranch: false, shortBy: 1 });
    expect(review.availability.allAvailable).toBe(false);
  });

  it("counts the customer's earlier orders in this store only", async () => {
    const s = await seedStore();
    const other = await seedStore();
    const phone = "+966559998877";
    await seedOrder(s, { phone });
    await seedOrder(other, { phone });
    await seedOrder(s, { phone });
    const third = await seedOrder(s, { phone });
    const review = await getOrderReview(s.ctx(), third.id);
    expect(review.customer.previousOrders).toBe(2);
    expect(review.events.map((e) => e.type)).toEqual(["order.placed"]);
    expect(review.shipFrom?.name).toBe("Riyadh");
  });
});
