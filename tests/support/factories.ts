// Test data with unique names per call, so tests can run in parallel in one database.
import { randomUUID } from "node:crypto";
import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import type { Role } from "@/server/auth/permissions";
import { generateApiToken, hashApiToken, tokenPrefix } from "@/server/api-tokens/token-hash";
import { placeOrder } from "@/server/orders/place-order";
import { placeOrderInput, type PlaceOrderInput } from "@/server/orders/schemas";

// argon2id of "test-password", made once: hashing in every factory call would slow the suite.
export const TEST_PASSWORD = "test-password";
let passwordHash: string | null = null;
async function testPasswordHash() {
  const { hashPassword } = await import("@/server/auth/password");
  return (passwordHash ??= await hashPassword(TEST_PASSWORD));
}

const unique = () => randomUUID().slice(0, 8);

export type SeededStore = Awaited<ReturnType<typeof seedStore>>;

/**
 * A store with an owner, three branches (Riyadh default, Jeddah, Dammam), three products with stock,
 * and an API token per role.
 */
export async function seedStore(options: { stock?: Record<string, [number, number, number]> } = {}) {
  const tag = unique();
  const store = await db.store.create({ data: { slug: `store-${tag}`, name: `Store ${tag}`, currency: "SAR" } });
  const owner = await db.user.create({
    data: { email: `owner-${tag}@test.test`, name: `Owner ${tag}`, passwordHash: await testPasswordHash(), emailVerifiedAt: new Date() },
  });
  await db.membership.create({ data: { storeId: store.id, userId: owner.id, role: "OWNER" } });
  const branches = await Promise.all(
    [
      { name: "Riyadh", city: "الرياض", isDefault: true },
      { name: "Jeddah", city: "جدة", isDefault: false },
      { name: "Dammam", city: "الدمام", isDefault: false },
    ].map((b) => db.branch.create({ data: { storeId: store.id, address: "Street 1", ...b } })),
  );
  const stock = options.stock ?? { "SKU-A": [10, 0, 5], "SKU-B": [0, 3, 0], "SKU-C": [1, 1, 1] };
  const prices: Record<string, number> = { "SKU-A": 10000, "SKU-B": 2550, "SKU-C": 99 };
  const variants: Record<string, string> = {};
  for (const [sku, perBranch] of Object.entries(stock)) {
    const product = await db.product.create({ data: { storeId: store.id, name: `Product ${sku}` } });
    const variant = await db.productVariant.create({
      data: { storeId: store.id, productId: product.id, sku, price: prices[sku] ?? 1000, weightGrams: 500, lengthMm: 100, widthMm: 100, heightMm: 100 },
    });
    variants[sku] = variant.id;
    await db.stockLevel.createMany({
      data: branches.map((b, i) => ({ storeId: store.id, variantId: variant.id, branchId: b.id, quantity: perBranch[i] })),
    });
  }
  const tokens = {} as Record<Role, string>;
  for (const role of ["OWNER", "ADMIN", "STAFF"] as const) {
    const token = generateApiToken(store.id);
    await db.apiToken.create({ data: { storeId: store.id, name: `${role} token`, role, tokenHash: hashApiToken(token), prefix: tokenPrefix(token) } });
    tokens[role] = token;
  }
  const ctx = (role: Role = "OWNER"): StoreContext => ({ storeId: store.id, role, actor: { type: "USER", id: owner.id, name: owner.name } });
  return { store, owner, branches, variants, tokens, ctx };
}

let phoneCounter = 0;
/** A distinct valid Saudi mobile number per call. */
export function uniquePhone(): string {
  phoneCounter += 1;
  const n = (Number.parseInt(randomUUID().replace(/-/g, "").slice(0, 6), 16) + phoneCounter) % 10_000_000;
  return `+9665${String(Math.floor(Math.random() * 10))}${String(n).padStart(7, "0")}`;
}

export function orderInput(overrides: Partial<PlaceOrderInput> & { phone?: string; name?: string } = {}): Record<string, unknown> {
  const { phone, name, ...rest } = overrides;
  return {
    customer: { name: name ?? "عميل الاختبار", phone: phone ?? uniquePhone() },
    items: [{ sku: "SKU-A", quantity: 2 }],
    payment: { method: "cash_on_delivery" },
    shipping: { city: "الرياض", address: "شارع التحلية 10", method: "Aramex", fee: 2500 },
    ...rest,
  };
}

export async function seedOrder(store: SeededStore, overrides: Parameters<typeof orderInput>[0] = {}) {
  const input = placeOrderInput.parse(orderInput(overrides));
  return (await placeOrder(store.ctx(), input, { source: "API" })).order;
}
