import { saveCarrierAccount } from "@/server/shipping/carrier-settings";
import { issueLabelInput } from "@/server/shipping/issue-label";
import { transitionOrder } from "@/server/orders/transition-order";
import type { CarrierId } from "@/server/shipping/carriers";
import { seedOrder, seedStore, type SeededStore } from "./factories";
import { fundWallet } from "./wallet";

/** One parcel: 1500 g chargeable at Aramex (2250 halalas on the platform's card). */
export const box = { weightGrams: 800, lengthCm: 30, widthCm: 20, heightCm: 10 };

/** A store with the given carriers enabled on the platform's account and money in its wallet. */
export async function shippableStore({ balance = 100_000, carriers = ["aramex"] }: { balance?: number; carriers?: CarrierId[] } = {}) {
  const s = await seedStore();
  for (const carrier of carriers) await saveCarrierAccount(s.ctx(), { carrier, enabled: true });
  if (balance) await fundWallet(s.ctx(), { amount: balance, reference: "opening" });
  return s;
}

/** A paid order being prepared: one a label may be bought for. */
export async function packedOrder(s: SeededStore) {
  const order = await seedOrder(s, { payment: { method: "card", status: "paid" } });
  await transitionOrder(s.ctx(), order.id, { to: "in_progress", notifyCustomer: false });
  return order;
}

/** An Aramex drop-off label for one box from the store's first branch. */
export const labelInput = (s: SeededStore, extra: Record<string, unknown> = {}) =>
  issueLabelInput.parse({ branchId: s.branches[0].id, carrier: "aramex", packages: [box], handover: "dropoff", ...extra });
