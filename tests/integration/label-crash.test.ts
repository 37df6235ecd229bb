// A real crash: another process debits the wallet for a label and is killed with SIGKILL before the
// carrier's answer is recorded. Reconciliation (run by the worker on start and every minute) settles the
// books either way: the label is completed when the carrier has it, refunded when it does not.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { saveCarrierAccount } from "@/server/shipping/carrier-settings";
import { carrierAdapters } from "@/server/shipping/carrier-simulator";
import { reconcileLabels } from "@/server/shipping/issue-label";
import { fundWallet } from "../support/wallet";
import { transitionOrder } from "@/server/orders/transition-order";
import { seedOrder, seedStore } from "../support/factories";

async function until<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting for the child process");
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function crashMidLabel(mode: "slow-carrier" | "answer-lost") {
  const s = await seedStore();
  await saveCarrierAccount(s.ctx(), { carrier: "aramex", enabled: true });
  await fundWallet(s.ctx(), { amount: 10_000, reference: "crash" });
  const order = await seedOrder(s);
  await transitionOrder(s.ctx(), order.id, { to: "in_progress", notifyCustomer: false });
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/server-side.mjs", "tests/support/label-crash-child.ts", mode, s.store.id, order.id, s.branches[0].id],
    {
      env: process.env,
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  const exited = once(child, "exit");
  // The debit and the pending shipment are committed; in "answer-lost" the carrier has also created it.
  const pending = await until(() => db.shipment.findFirst({ where: { storeId: s.store.id, orderId: order.id, status: "PENDING" } }));
  if (mode === "answer-lost") await until(() => db.carrierSimShipment.findFirst({ where: { carrier: "aramex", reference: pending.id } }));
  child.kill("SIGKILL");
  const [code, signal] = await exited;
  expect([code, signal]).toEqual([null, "SIGKILL"]);
  return { s, order, pending };
}

const books = async (storeId: string) => {
  const wallet = await db.wallet.findUniqueOrThrow({ where: { storeId } });
  const sum = (await db.walletEntry.aggregate({ where: { storeId }, _sum: { amount: true } }))._sum.amount ?? 0;
  const kinds = await db.walletEntry.groupBy({ by: ["kind"], where: { storeId }, _count: true });
  return { balance: wallet.balance, sum, ...Object.fromEntries(kinds.map((k) => [k.kind, k._count])) };
};

describe("kill -9 between the debit and the carrier's answer", () => {
  it("the carrier never got it: the books show a debit and a pending label until reconciliation refunds it", async () => {
    const { s, order, pending } = await crashMidLabel("slow-carrier");
    expect(await books(s.store.id)).toMatchObject({ balance: 10_000 - pending.cost, sum: 10_000 - pending.cost, LABEL: 1 });
    await reconcileLabels({ adapters: carrierAdapters() }, { olderThanMs: 0 });
    expect(await books(s.store.id)).toEqual({ balance: 10_000, sum: 10_000, TOP_UP: 1, LABEL: 1, REFUND: 1 });
    expect((await db.shipment.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: pending.id } } })).status).toBe("FAILED");
    expect((await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.id } } })).status).toBe("IN_PROGRESS");
  });

  it("the carrier created it but the answer was lost: reconciliation completes the label and ships the order, no refund", async () => {
    const { s, order, pending } = await crashMidLabel("answer-lost");
    await reconcileLabels({ adapters: carrierAdapters() }, { olderThanMs: 0 });
    const shipment = await db.shipment.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: pending.id } } });
    const atCarrier = await db.carrierSimShipment.findFirstOrThrow({ where: { carrier: "aramex", reference: pending.id } });
    expect([shipment.status, shipment.trackingNumber]).toEqual(["CREATED", atCarrier.trackingNumber]);
    expect(await books(s.store.id)).toEqual({ balance: 10_000 - shipment.cost, sum: 10_000 - shipment.cost, TOP_UP: 1, LABEL: 1 });
    expect((await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.id } } })).status).toBe("SHIPPED");
  });
});
