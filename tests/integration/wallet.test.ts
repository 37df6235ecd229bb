import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { creditWallet, debitWallet, ensureWallet } from "@/server/wallet/ledger";
import { getWallet, listWalletEntries, walletEntriesCsv, walletEntriesQuery } from "@/server/wallet/wallet";
import { fundWallet } from "../support/wallet";
import { seedStore } from "../support/factories";
import * as walletRoute from "@/app/api/v1/wallet/route";
import * as topUpsRoute from "@/app/api/v1/wallet/top-ups/route";

const ledgerSum = async (storeId: string) => (await db.walletEntry.aggregate({ where: { storeId }, _sum: { amount: true } }))._sum.amount ?? 0;

describe("the wallet", () => {
  it("100 concurrent debits on a balance that covers exactly 37: 37 succeed, 63 are refused, balance 0, ledger = balance", async () => {
    const s = await seedStore();
    await fundWallet(s.ctx(), { amount: 37 * 1850, reference: "bank-transfer-1" });
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, () => db.$transaction((tx) => debitWallet(tx, s.store.id, 1850, { kind: "LABEL", actorName: "test" }))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(37);
    const refused = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(refused).toHaveLength(63);
    expect(refused[0].reason).toMatchObject({ code: "INSUFFICIENT_BALANCE", details: { balance: expect.any(Number), required: 1850 } });
    expect((await getWallet(s.ctx())).balance).toBe(0);
    expect(await ledgerSum(s.store.id)).toBe(0);
    expect(await db.walletEntry.count({ where: { storeId: s.store.id, kind: "LABEL" } })).toBe(37);
  });

  it("reading a wallet that never moved writes nothing: it shows what the wallet will start with", async () => {
    const s = await seedStore();
    expect(await getWallet(s.ctx())).toMatchObject({ balance: 0, currency: s.store.currency, lowBalanceThreshold: 5000, low: true });
    expect(await db.wallet.count({ where: { storeId: s.store.id } })).toBe(0);
    await ensureWallet(db, s.store.id);
    expect(await getWallet(s.ctx())).toMatchObject({ balance: 0, currency: s.store.currency, lowBalanceThreshold: 5000, low: true });
  });

  it("the database itself refuses a negative balance", async () => {
    const s = await seedStore();
    await ensureWallet(db, s.store.id);
    await expect(db.wallet.update({ where: { storeId: s.store.id }, data: { balance: -1 } })).rejects.toThrow(/wallets_balance_not_negative/);
  });

  it("lists the ledger newest first with balance after each entry, and exports CSV safely", async () => {
    const s = await seedStore();
    await db.$transaction((tx) => creditWallet(tx, s.store.id, 10000, { kind: "TOP_UP", reference: '=HYPERLINK("x")' }));
    await db.$transaction((tx) => debitWallet(tx, s.store.id, 2500, { kind: "LABEL", reference: "label 1" }));
    await db.$transaction((tx) => creditWallet(tx, s.store.id, 2500, { kind: "REFUND", reference: "label 1 voided" }));
    const { data } = await listWalletEntries(s.ctx(), walletEntriesQuery.parse({}));
    expect(data.map((e) => [e.kind, e.amount, e.balanceAfter])).toEqual([
      ["refund", 2500, 10000],
      ["label", -2500, 7500],
      ["top_up", 10000, 10000],
    ]);
    expect((await listWalletEntries(s.ctx(), walletEntriesQuery.parse({ kind: "label" }))).data).toHaveLength(1);
    const csv = walletEntriesCsv(data);
    expect(csv.split("\r\n")[0]).toBe("date,kind,amount,balance_after,currency,order_number,order_id,shipment_id,reference");
    // In riyals, not halalas.
    expect(csv.split("\r\n")[2]).toContain(`"label","-25.00","75.00","SAR"`);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(await ledgerSum(s.store.id)).toBe((await getWallet(s.ctx())).balance);
  });

  it("API: GET /wallet for any role; POST /wallet/top-ups starts a payment for the owner's token only, naming a bad amount; stores never share a wallet", async () => {
    const s = await seedStore();
    const other = await seedStore();
    const call = async (handler: (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>, token: string, body?: unknown) => {
      const res = await handler(
        new Request("http://localhost/api", {
          method: body ? "POST" : "GET",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: body ? JSON.stringify(body) : undefined,
        }),
        { params: Promise.resolve({}) },
      );
      return { status: res.status, body: await res.json() };
    };
    expect((await call(topUpsRoute.POST, s.tokens.STAFF, { amount: 5000 })).status).toBe(403);
    expect((await call(topUpsRoute.POST, s.tokens.ADMIN, { amount: 5000 })).status).toBe(403);
    const bad = await call(topUpsRoute.POST, s.tokens.OWNER, { amount: -5, reference: "a free-text reference no longer credits anything" });
    expect([bad.status, bad.body.error.fields]).toEqual([422, { amount: "must be at least SAR\u00a010.00", reference: "is not a known field" }]);
    await fundWallet(s.ctx(), { amount: 50000, reference: "opening" });
    expect((await call(walletRoute.GET, s.tokens.STAFF)).body).toEqual({ data: { balance: 50000, currency: "SAR", lowBalanceThreshold: 5000, low: false } });
    expect((await call(walletRoute.GET, other.tokens.OWNER)).body.data.balance).toBe(0);
  });
});
