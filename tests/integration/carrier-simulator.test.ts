// The simulator plays the carrier over real HTTP: it moves its parcel and POSTs the signed update to the
// app's webhook endpoint (here a local server in front of the real route handler).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { saveCarrierAccount } from "@/server/shipping/carrier-settings";
import { advanceSimulatedShipment, carrierAdapters, simulatorControl } from "@/server/shipping/carrier-simulator";
import { advanceShipmentInSimulator } from "@/server/shipping/simulate-shipment";
import { issueLabel, issueLabelInput } from "@/server/shipping/issue-label";
import { fundWallet } from "../support/wallet";
import { transitionOrder } from "@/server/orders/transition-order";
import { markDemoInstallation } from "@/server/installation/installation-settings";
import { POST as carrierWebhook } from "@/app/api/webhooks/carriers/[carrier]/route";
import { seedOrder, seedStore } from "../support/factories";

let server: Server;
let base: string;
const received: { carrier: string; status: number }[] = [];

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const carrier = req.url!.split("/").pop()!;
    const response = await carrierWebhook(
      new Request(`http://app${req.url}`, { method: "POST", headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) }),
      { params: Promise.resolve({ carrier }) },
    );
    received.push({ carrier, status: response.status });
    res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.PUBLIC_URL = base;
  // The simulator's controls are offered on a demo installation only.
  await markDemoInstallation();
});
afterAll(async () => {
  delete process.env.PUBLIC_URL;
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  simulatorControl.latencyMs = 0;
  received.length = 0;
});

async function labelled(carrier: "aymakan" | "smsa" = "aymakan") {
  const s = await seedStore();
  await saveCarrierAccount(s.ctx(), { carrier, enabled: true });
  await fundWallet(s.ctx(), { amount: 10_000, reference: "t" });
  const order = await seedOrder(s);
  await transitionOrder(s.ctx(), order.id, { to: "in_progress", notifyCustomer: false });
  const label = await issueLabel(
    s.ctx(),
    order.id,
    issueLabelInput.parse({
      branchId: s.branches[0].id,
      carrier,
      packages: [{ weightGrams: 700, lengthCm: 20, widthCm: 15, heightCm: 10 }],
      handover: "dropoff",
    }),
    {},
    { adapters: carrierAdapters() },
  );
  return { s, order, label };
}

const orderStatus = async (storeId: string, id: string) => (await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId, id } } })).status;

describe("carrier simulator", () => {
  it("step by step to Delivered: each signed update reaches the app and the order follows", async () => {
    const { s, order, label } = await labelled();
    const steps: string[] = [];
    for (let i = 0; i < 4; i++) steps.push((await advanceShipmentInSimulator(s.ctx(), label.id)).status);
    expect(steps).toEqual(["picked_up", "in_transit", "out_for_delivery", "delivered"]);
    // Four steps, and the cash the driver took at the door: a webhook of its own.
    expect(received).toEqual(Array(5).fill({ carrier: "aymakan", status: 200 }));
    expect(await orderStatus(s.store.id, order.id)).toBe("DELIVERED");
    const cash = await db.codCollection.findFirstOrThrow({ where: { storeId: s.store.id, orderId: order.id } });
    expect(cash.collectedAt).not.toBeNull();
    expect(cash.collectedAmount).toBe(cash.amount);
    // The journey is over: the carrier refuses another step, nothing moves.
    await expect(advanceShipmentInSimulator(s.ctx(), label.id)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a failed delivery returns the parcel and the order", async () => {
    const { s, order, label } = await labelled("smsa");
    await advanceShipmentInSimulator(s.ctx(), label.id);
    await advanceShipmentInSimulator(s.ctx(), label.id, "returned_to_sender");
    expect(await orderStatus(s.store.id, order.id)).toBe("RETURNED");
  });

  it("another store's shipment is not found, and the app down is reported, not hidden", async () => {
    const { label } = await labelled();
    const other = await seedStore();
    await expect(advanceShipmentInSimulator(other.ctx(), label.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const result = await advanceSimulatedShipment(label.trackingNumber!, undefined, "http://127.0.0.1:9/api/webhooks/carriers");
    expect(result).toMatchObject({ status: "picked_up", webhook: { httpStatus: null, error: expect.any(String) } });
  });
});
