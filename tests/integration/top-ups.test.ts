// A top-up is a payment: through the provider's hosted checkout (Moyasar's API, played by the local
// simulator over real HTTP), credited only when the provider — asked by the server — says it is paid,
// exactly once however many confirmations arrive.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db/client";
import { paymentProvider, simulatorKeys } from "@/server/wallet/payment-provider";
import { confirmTopUp, handlePaymentWebhook, reconcileTopUps, startTopUp } from "@/server/wallet/top-ups";
import * as topUpsApi from "@/app/api/v1/wallet/top-ups/route";
import { seedStore, type SeededStore } from "../support/factories";
import { PAYMENT_ROUTES, startRouteServer } from "../support/route-server";

let server: Awaited<ReturnType<typeof startRouteServer>>;
let base: string;
const webhooks: number[] = [];

beforeAll(async () => {
  // The app's routes behind a real HTTP server: the adapter, the simulator and its webhooks all talk HTTP.
  server = await startRouteServer(PAYMENT_ROUTES, (path, status) => path.startsWith("/api/webhooks") && webhooks.push(status));
  base = server.base;
  vi.stubEnv("PUBLIC_URL", base);
  vi.stubEnv("MOYASAR_SECRET_KEY", "");
  vi.stubEnv("PAYMENT_SIM_WEBHOOK_DELAY_MS", "1500");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await server.close();
});

/** The merchant's browser on the provider's page: posts the card form, follows the answer's redirect target. */
async function payOnCheckout(checkoutUrl: string, card: string, extra: Record<string, string> = {}) {
  const response = await fetch(`${checkoutUrl}/pay`, {
    method: "POST",
    body: new URLSearchParams({ name: "Noura A", number: card, expiry: "12/39", cvc: "123", ...extra }),
    redirect: "manual",
  });
  expect(response.status).toBe(303);
  return response.headers.get("location")!;
}
const books = async (storeId: string) => {
  const wallet = await db.wallet.findUnique({ where: { storeId } });
  const entries = await db.walletEntry.findMany({ where: { storeId, kind: "TOP_UP" } });
  return { balance: wallet?.balance ?? 0, credits: entries.length, ledger: entries.reduce((s, e) => s + e.amount, 0) };
};
async function owner(): Promise<SeededStore> {
  return seedStore();
}

describe("wallet top-ups through the payment provider", () => {
  it("an approved card: pending until the provider confirms, then credited exactly once (webhook and return alike)", async () => {
    const s = await owner();
    const topUp = await startTopUp(s.ctx(), { amount: 50_000 }, await paymentProvider());
    expect(topUp).toMatchObject({ status: "pending", amount: 50_000, currency: "SAR" });
    expect(topUp.checkoutUrl).toMatch(new RegExp(`^${base}/payments-sim/i/[0-9a-f-]{36}$`));
    expect(await books(s.store.id)).toMatchObject({ balance: 0, credits: 0 });

    const back = await payOnCheckout(topUp.checkoutUrl!, "4111 1111 1111 1111");
    expect(back).toBe(`${base}/s/${s.store.slug}/wallet?topUp=${topUp.id}`);
    await vi.waitFor(async () => expect((await books(s.store.id)).credits).toBe(1), { timeout: 5_000, interval: 50 });
    expect(await confirmTopUp(s.ctx(), topUp.id, await paymentProvider())).toMatchObject({ status: "paid", checkoutUrl: null });
    expect(await books(s.store.id)).toEqual({ balance: 50_000, credits: 1, ledger: 50_000 });
  });

  it("a declined card leaves it pending with the reason and credits nothing; another card then pays it", async () => {
    const s = await owner();
    const topUp = await startTopUp(s.ctx(), { amount: 20_000 }, await paymentProvider());
    expect(await payOnCheckout(topUp.checkoutUrl!, "4000000000000002")).toBe(`${topUp.checkoutUrl}?error=declined`);
    const after = await confirmTopUp(s.ctx(), topUp.id, await paymentProvider());
    expect(after).toMatchObject({ status: "pending", lastError: expect.stringContaining("declined") });
    expect(await books(s.store.id)).toMatchObject({ balance: 0, credits: 0 });
    await payOnCheckout(topUp.checkoutUrl!, "4111111111111111");
    expect(await confirmTopUp(s.ctx(), topUp.id, await paymentProvider())).toMatchObject({ status: "paid" });
    expect(await books(s.store.id)).toMatchObject({ balance: 20_000, credits: 1 });
  });

  it("the 3-D Secure step: a wrong code fails the attempt, the right one pays", async () => {
    const s = await owner();
    const topUp = await startTopUp(s.ctx(), { amount: 15_000 }, await paymentProvider());
    const step = await payOnCheckout(topUp.checkoutUrl!, "4000000000003220");
    expect(step).toMatch(new RegExp(`^${base}/payments-sim/3ds/`));
    const payment = new URL(step).searchParams.get("payment")!;
    const confirm = (code: string) =>
      fetch(`${step.split("?")[0]}/confirm`, { method: "POST", body: new URLSearchParams({ payment, code }), redirect: "manual" });
    expect((await confirm("0000")).headers.get("location")).toBe(`${topUp.checkoutUrl}?error=three_d_secure`);
    expect(await books(s.store.id)).toMatchObject({ credits: 0 });
    const second = await payOnCheckout(topUp.checkoutUrl!, "4000000000003220");
    const again = await fetch(`${second.split("?")[0]}/confirm`, {
      method: "POST",
      body: new URLSearchParams({ payment: new URL(second).searchParams.get("payment")!, code: "1234" }),
      redirect: "manual",
    });
    expect(again.headers.get("location")).toContain(`topUp=${topUp.id}`);
    expect(await confirmTopUp(s.ctx(), topUp.id, await paymentProvider())).toMatchObject({ status: "paid" });
    expect(await books(s.store.id)).toMatchObject({ balance: 15_000, credits: 1 });
  });

  it("a late webhook: the return already confirmed it by asking the provider; the webhook then credits nothing more", async () => {
    const s = await owner();
    const topUp = await startTopUp(s.ctx(), { amount: 30_000 }, await paymentProvider());
    const before = webhooks.length;
    await payOnCheckout(topUp.checkoutUrl!, "4000000000000077");
    expect(await confirmTopUp(s.ctx(), topUp.id, await paymentProvider())).toMatchObject({ status: "paid" });
    expect(webhooks.length).toBe(before);
    await vi.waitFor(() => expect(webhooks.length).toBe(before + 1), { timeout: 5_000, interval: 100 });
    expect(webhooks.at(-1)).toBe(200);
    expect(await books(s.store.id)).toEqual({ balance: 30_000, credits: 1, ledger: 30_000 });
  });

  it("a webhook sent twice credits once", async () => {
    const s = await owner();
    const topUp = await startTopUp(s.ctx(), { amount: 12_345 }, await paymentProvider());
    const before = webhooks.length;
    await payOnCheckout(topUp.checkoutUrl!, "4000000000000051");
    await vi.waitFor(() => expect(webhooks.length).toBe(before + 2), { timeout: 5_000, interval: 50 });
    expect(await books(s.store.id)).toEqual({ balance: 12_345, credits: 1, ledger: 12_345 });
  });

  it("forged webhooks credit nothing: a wrong secret is refused, and even the right secret cannot make an unpaid invoice paid", async () => {
    const s = await owner();
    const topUp = await startTopUp(s.ctx(), { amount: 40_000 }, await paymentProvider());
    const invoiceId = topUp.checkoutUrl!.split("/").pop()!;
    const forged = (secret: string) => ({
      id: crypto.randomUUID(),
      type: "payment_paid",
      secret_token: secret,
      data: { id: "pay_1", status: "paid", amount: 40_000, currency: "SAR", invoice_id: invoiceId, metadata: { storeId: s.store.id, topUpId: topUp.id } },
    });
    const post = (body: unknown) =>
      fetch(`${base}/api/webhooks/payments/moyasar`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect((await post(forged("guess"))).status).toBe(401);
    // A leaked secret: the body says paid, but the invoice, asked of the provider, is not.
    const leaked = await post(forged((await simulatorKeys()).webhookSecret));
    expect(leaked.status).toBe(200);
    expect(await books(s.store.id)).toMatchObject({ balance: 0, credits: 0 });
    expect((await db.walletTopUp.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: topUp.id } } })).status).toBe("PENDING");
  });

  it("confirmations racing each other (returns, webhooks, the worker's round) credit once", async () => {
    const s = await owner();
    const provider = await paymentProvider();
    const topUp = await startTopUp(s.ctx(), { amount: 25_000 }, provider);
    const invoiceId = topUp.checkoutUrl!.split("/").pop()!;
    await db.paymentSimInvoice.update({ where: { id: invoiceId }, data: { status: "paid" } }); // paid, with no notice sent yet
    const { webhookSecret } = await simulatorKeys();
    await Promise.all([
      ...Array.from({ length: 6 }, () => confirmTopUp(s.ctx(), topUp.id, provider)),
      ...Array.from({ length: 6 }, () =>
        handlePaymentWebhook({ id: crypto.randomUUID(), type: "payment_paid", secret_token: webhookSecret, data: { invoice_id: invoiceId } }, provider),
      ),
      reconcileTopUps(provider, { olderThanMs: 0 }),
    ]);
    expect(await books(s.store.id)).toEqual({ balance: 25_000, credits: 1, ledger: 25_000 });
  });

  it("an invoice paid for another amount is never credited", async () => {
    const s = await owner();
    const topUp = await startTopUp(s.ctx(), { amount: 10_000 }, await paymentProvider());
    const invoiceId = topUp.checkoutUrl!.split("/").pop()!;
    await db.paymentSimInvoice.update({ where: { id: invoiceId }, data: { status: "paid", amount: 100 } });
    expect(await confirmTopUp(s.ctx(), topUp.id, await paymentProvider())).toMatchObject({
      status: "pending",
      lastError: expect.stringContaining("does not match"),
    });
    expect(await books(s.store.id)).toMatchObject({ credits: 0 });
  });

  it("a provider that cannot be reached: the top-up is refused at once, and nothing is left behind", async () => {
    const s = await owner();
    vi.stubEnv("PUBLIC_URL", "http://127.0.0.1:9");
    try {
      await expect(startTopUp(s.ctx(), { amount: 10_000 }, await paymentProvider())).rejects.toMatchObject({ code: "PAYMENT_PROVIDER_ERROR" });
    } finally {
      vi.stubEnv("PUBLIC_URL", base);
    }
    expect(await db.walletTopUp.count({ where: { storeId: s.store.id } })).toBe(0);
    expect(await books(s.store.id)).toMatchObject({ credits: 0 });
  });

  it("only the owner (and admins the owner allows); amounts are checked and named", async () => {
    const s = await owner();
    await expect(startTopUp(s.ctx("STAFF"), { amount: 10_000 }, await paymentProvider())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(startTopUp(s.ctx("ADMIN"), { amount: 10_000 }, await paymentProvider())).rejects.toMatchObject({ code: "FORBIDDEN" });
    const call = (body: unknown) =>
      topUpsApi.POST(
        new Request(`${base}/api/v1/wallet/top-ups`, {
          method: "POST",
          headers: { authorization: `Bearer ${s.tokens.OWNER}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({}) },
      );
    const small = await call({ amount: 999 });
    expect(small.status).toBe(422);
    expect((await small.json()).error.fields).toEqual({ amount: "must be at least SAR\u00a010.00" });
    const ok = await call({ amount: 1000 });
    expect(ok.status).toBe(201);
    expect((await ok.json()).data).toMatchObject({ status: "pending", amount: 1000, checkoutUrl: expect.stringContaining("/payments-sim/i/") });
    expect(await books(s.store.id)).toMatchObject({ credits: 0 });
  });
});
