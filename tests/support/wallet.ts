// Test data: money already in a store's wallet, credited straight to the ledger (as the demo seed's
// opening balance is). Top-ups themselves go through the payment provider: tests/integration/top-ups.test.ts.
import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { creditWallet } from "@/server/wallet/ledger";

export async function fundWallet(ctx: StoreContext, input: { amount: number; reference: string }): Promise<void> {
  await db.$transaction((tx) =>
    creditWallet(tx, ctx.storeId, input.amount, { kind: "TOP_UP", reference: `Test funds: ${input.reference}`, actorName: ctx.actor.name }),
  );
}
