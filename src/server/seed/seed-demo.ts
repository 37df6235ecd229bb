import { gtinCheckDigit } from "@/lib/barcode";
import type { Db } from "@/server/db/client";
import { entryReference } from "@/server/wallet/entry-reference";
import { orderEvent } from "@/server/orders/order-events";
import { markDemoInstallation } from "@/server/installation/installation-settings";
import { hashPassword } from "@/server/auth/password";
import { hashApiToken, tokenPrefix } from "@/server/api-tokens/token-hash";
import { lineTotal, sumMinor } from "@/server/money/money";
import { orderSearchText } from "@/server/orders/place-order";
import type { OrderStatus, PaymentMethod } from "@/generated/prisma/enums";
import type { OrderStatus as ApiOrderStatus } from "@/server/orders/order-status";
import { CITIES, NAMES, PRODUCTS, SHIPPING_METHODS, STREETS } from "./catalog";
import { createRandom, type Random } from "./random";
import { CARRIERS } from "@/server/shipping/carriers";
import { cityKey } from "@/server/shipping/cities";

export const DEMO_PASSWORD = "demo-password";
export const DEMO_USERS = {
  owner: "owner@demo.test",
  admin: "admin@demo.test",
  staff: "staff@demo.test",
  secondOwner: "owner@second.test",
  multi: "multi@demo.test",
} as const;
export const DEMO_TOKENS = { demo: "tj_demo_owner_token_0001", second: "tj_second_owner_token_0001" } as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type StoreSpec = { slug: string; name: string; orders: number; customers: number; products: number; seed: number };

/** Seeds the demo stores; does nothing when the database already has stores. Returns whether it seeded. */
export async function seedDemo(db: Db, now = new Date()): Promise<boolean> {
  if ((await db.store.count()) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = await Promise.all(
    (
      [
        [DEMO_USERS.owner, "Noura Al-Otaibi"],
        [DEMO_USERS.admin, "Faisal Al-Harbi"],
        [DEMO_USERS.staff, "Sara Al-Qahtani"],
        [DEMO_USERS.secondOwner, "Omar Khan"],
        [DEMO_USERS.multi, "Yousef Al-Shehri"],
      ] as const
    ).map(([email, name]) => db.user.create({ data: { email, name, passwordHash, emailVerifiedAt: new Date() } })),
  );
  const [owner, admin, staff, secondOwner, multi] = users;

  const demo = await seedStore(db, { slug: "demo", name: "Demo Store", orders: 400, customers: 150, products: 24, seed: 20261126 }, now);
  const second = await seedStore(db, { slug: "second", name: "Second Store", orders: 6, customers: 4, products: 5, seed: 7 }, now);

  await db.membership.createMany({
    data: [
      { storeId: demo, userId: owner.id, role: "OWNER" },
      { storeId: demo, userId: admin.id, role: "ADMIN" },
      { storeId: demo, userId: staff.id, role: "STAFF" },
      { storeId: demo, userId: multi.id, role: "STAFF" },
      { storeId: second, userId: secondOwner.id, role: "OWNER" },
      { storeId: second, userId: multi.id, role: "STAFF" },
    ],
  });
  await db.apiToken.createMany({
    data: [
      {
        storeId: demo,
        name: "Demo storefront",
        role: "OWNER",
        tokenHash: hashApiToken(DEMO_TOKENS.demo),
        prefix: tokenPrefix(DEMO_TOKENS.demo),
        createdById: owner.id,
      },
      {
        storeId: second,
        name: "Second storefront",
        role: "OWNER",
        tokenHash: hashApiToken(DEMO_TOKENS.second),
        prefix: tokenPrefix(DEMO_TOKENS.second),
        createdById: secondOwner.id,
      },
    ],
  });
  // The demo stores make this a demo installation: the carrier simulator's controls are offered.
  await markDemoInstallation(db);
  return true;
}

/** Statuses an order placed `ageDays` ago can plausibly have reached by now. */
function pickStatus(r: Random, ageDays: number): OrderStatus {
  if (ageDays < 0.5) return r.pick(["RECEIVED", "RECEIVED", "IN_PROGRESS"]);
  if (ageDays < 2) return r.pick(["RECEIVED", "IN_PROGRESS", "IN_PROGRESS", "SHIPPED", "CANCELED"]);
  if (ageDays < 5) return r.pick(["IN_PROGRESS", "SHIPPED", "SHIPPED", "OUT_FOR_DELIVERY", "DELIVERED", "CANCELED"]);
  const roll = r.next();
  if (roll < 0.72) return "DELIVERED";
  if (roll < 0.82) return "CANCELED";
  if (roll < 0.92) return "RETURNED";
  return "REFUNDED";
}

/** The path of statuses that ends in `status`. */
function pathTo(status: OrderStatus, r: Random): OrderStatus[] {
  const forward: OrderStatus[] = ["RECEIVED", "IN_PROGRESS", "SHIPPED", "OUT_FOR_DELIVERY", "DELIVERED"];
  if (forward.includes(status)) return forward.slice(0, forward.indexOf(status) + 1);
  if (status === "CANCELED") return r.chance(0.5) ? ["RECEIVED", "CANCELED"] : ["RECEIVED", "IN_PROGRESS", "CANCELED"];
  if (status === "RETURNED") return [...forward, "RETURNED"];
  return [...forward, "RETURNED", "REFUNDED"];
}

const MILESTONE: Partial<Record<OrderStatus, string>> = {
  IN_PROGRESS: "inProgressAt",
  SHIPPED: "shippedAt",
  OUT_FOR_DELIVERY: "outForDeliveryAt",
  DELIVERED: "deliveredAt",
  CANCELED: "canceledAt",
  RETURNED: "returnedAt",
  REFUNDED: "refundedAt",
};

async function seedStore(db: Db, spec: StoreSpec, now: Date): Promise<string> {
  const r = createRandom(spec.seed);
  const addresses = createRandom(spec.seed + 3);
  const store = await db.store.create({ data: { slug: spec.slug, name: spec.name, currency: "SAR", locale: "ar" } });
  const storeId = store.id;
  const branchSpecs =
    spec.slug === "demo"
      ? [
          { name: "Riyadh main warehouse", city: "الرياض", district: "السلي", address: "المستودع 4، طريق الخرج", phone: "+966112345678", isDefault: true },
          { name: "Jeddah branch", city: "جدة", district: "الصناعية", address: "شارع الميناء", phone: "+966122345678", isDefault: false },
          { name: "Dammam branch", city: "الدمام", district: "الفيصلية", address: "طريق الملك سعود", phone: "+966132345678", isDefault: false },
        ]
      : [{ name: "Main warehouse", city: "الرياض", district: "العليا", address: "شارع العليا العام", phone: "+966110000000", isDefault: true }];
  // Saturday to Thursday, 9 to 10; Fridays from 4 pm.
  const workingHours = {
    ...Object.fromEntries(["sat", "sun", "mon", "tue", "wed", "thu"].map((d) => [d, { open: "09:00", close: "22:00" }])),
    fri: { open: "16:00", close: "22:00" },
  };
  const branches = branchSpecs.map((b, i) => ({
    ...b,
    id: r.uuid(),
    storeId,
    workingHours,
    pickupContactName: i === 0 ? "Faisal Al-Harbi" : null,
    pickupContactPhone: i === 0 ? "+966500000020" : null,
  }));
  await db.branch.createMany({ data: branches });

  // Products with variants and per-branch stock; some are out of stock somewhere, a few everywhere.
  const variants: { id: string; sku: string; name: string; price: number; productId: string; productName: string }[] = [];
  const stock: { storeId: string; variantId: string; branchId: string; quantity: number; bin: string }[] = [];
  const barcodes: { storeId: string; code: string; variantId: string }[] = [];
  for (const [index, [name, price, grams, [l, w, h], options]] of PRODUCTS.slice(0, spec.products).entries()) {
    const productId = r.uuid();
    await db.product.create({ data: { storeId, id: productId, name } });
    const opts = options.length ? options : [""];
    const rows = opts.map((option, o) => ({
      storeId,
      id: r.uuid(),
      productId,
      sku: `${spec.slug === "demo" ? "DM" : "SC"}-${String(index + 1).padStart(3, "0")}${option ? `-${o + 1}` : ""}`,
      optionLabel: option,
      price: price + o * 1000,
      weightGrams: grams,
      lengthMm: l,
      widthMm: w,
      heightMm: h,
    }));
    await db.productVariant.createMany({ data: rows });
    for (const [o, v] of rows.entries()) {
      variants.push({ id: v.id, sku: v.sku, name: option(name, v.optionLabel), price: v.price, productId, productName: name });
      // An EAN-13 under Saudi Arabia's GS1 prefix (628) on every unit, and a bin per branch, made from the
      // variant's place in the catalog (not the random stream, so the rest of the seed stays as it was).
      barcodes.push({ storeId, variantId: v.id, code: seedEan(spec.slug === "demo" ? 1 : 2, index, o).padStart(14, "0") });
      for (const [bi, b] of branches.entries()) {
        const roll = r.next();
        const bin = `${String.fromCharCode(65 + bi)}-${String(1 + (index % 12)).padStart(2, "0")}-${1 + o}`;
        stock.push({ storeId, variantId: v.id, branchId: b.id, quantity: roll < 0.2 ? 0 : roll < 0.35 ? r.int(1, 3) : r.int(5, 60), bin });
      }
    }
  }
  await db.stockLevel.createMany({ data: stock });
  await db.variantBarcode.createMany({ data: barcodes });

  const customers = Array.from({ length: spec.customers }, (_, i) => {
    const place = r.pick(CITIES);
    const [firstNames, familyNames] = NAMES[r.chance(0.8) ? 0 : 1];
    return {
      storeId,
      id: r.uuid(),
      name: `${r.pick(firstNames)} ${r.pick(familyNames)}`,
      phone: `+9665${String(spec.seed % 7)}${String(1_000_000 + i * 7919).slice(-7)}`,
      email: r.chance(0.6) ? `customer${i + 1}@example.com` : null,
      city: place.city,
      address: `${r.pick(STREETS)}، حي ${r.pick(place.districts)}، مبنى ${r.int(1, 99)}`,
      district: r.pick(place.districts),
      createdAt: new Date(now.getTime() - 90 * DAY),
    };
  });
  await db.customer.createMany({ data: customers.map(({ district: _d, ...c }) => c) });

  const placedTimes = Array.from({ length: spec.orders }, () => now.getTime() - Math.floor(r.next() ** 1.3 * 60 * DAY) - 5 * 60_000).sort((a, b) => a - b);
  const orders = [];
  const items = [];
  const events = [];
  for (const [i, placedMs] of placedTimes.entries()) {
    const number = 1001 + i;
    const customer = r.pick(customers);
    const ageDays = (now.getTime() - placedMs) / DAY;
    const status = pickStatus(r, ageDays);
    const method: PaymentMethod = r.pick(["CASH_ON_DELIVERY", "CASH_ON_DELIVERY", "CARD", "MADA", "APPLE_PAY", "STC_PAY", "BANK_TRANSFER", "TABBY", "TAMARA"]);
    const shipping = r.pick(SHIPPING_METHODS);
    const orderId = r.uuid();
    const lines = Array.from({ length: r.int(1, 4) }, () => r.pick(variants)).filter((v, idx, all) => all.findIndex((x) => x.id === v.id) === idx);
    const lineRows = lines.map((v) => {
      const quantity = r.chance(0.8) ? 1 : r.int(2, 4);
      return {
        storeId,
        id: r.uuid(),
        orderId,
        variantId: v.id,
        sku: v.sku,
        name: v.name,
        quantity,
        unitPrice: v.price,
        lineTotal: lineTotal(v.price, quantity),
      };
    });
    items.push(...lineRows);
    const subtotal = sumMinor(lineRows.map((l) => l.lineTotal));
    const total = subtotal + shipping.fee;

    // Milestones follow one another at plausible intervals and never pass "now".
    const path = pathTo(status, r);
    const stamps: Record<string, Date> = {};
    let t = placedMs;
    const steps = path.slice(1);
    const room = now.getTime() - placedMs - 60_000;
    const weights = steps.map(() => 0.3 + r.next());
    const weightSum = weights.reduce((a, b) => a + b, 0) || 1;
    const span = Math.min(room, steps.length * 1.2 * DAY);
    steps.forEach((s, k) => {
      t += Math.floor((weights[k] / weightSum) * span);
      stamps[MILESTONE[s]!] = new Date(t);
    });
    const paid = method !== "CASH_ON_DELIVERY" || stamps.deliveredAt !== undefined;
    const paymentStatus = status === "REFUNDED" ? "REFUNDED" : method === "BANK_TRANSFER" && status === "RECEIVED" ? "PENDING" : paid ? "PAID" : "PENDING";
    const branch = r.chance(0.7) ? branches[0] : r.pick(branches);
    const place = CITIES.find((c) => c.city === customer.city)!;
    orders.push({
      storeId,
      id: orderId,
      number,
      status,
      source: r.chance(0.9) ? ("STOREFRONT" as const) : ("API" as const),
      customerId: customer.id,
      customerName: customer.name,
      customerPhone: customer.phone,
      customerEmail: customer.email,
      paymentMethod: method,
      paymentStatus: paymentStatus as "PAID" | "PENDING" | "REFUNDED",
      currency: "SAR",
      subtotal,
      shippingFee: shipping.fee,
      total,
      itemsCount: lineRows.reduce((n, l) => n + l.quantity, 0),
      shippingName: customer.name,
      shippingPhone: customer.phone,
      shippingCity: customer.city,
      shippingDistrict: r.pick(place.districts),
      shippingAddress: customer.address,
      shippingPostalCode: String(r.int(11000, 34999)),
      // The national address (its own random stream, so the rest of the seed stays as it was): most orders
      // give the short address, some only a building number, a few nothing (the label form warns of them).
      ...nationalAddress(addresses),
      shippingMethod: shipping.name,
      branchId: branch.id,
      searchText: orderSearchText(number, customer.name, customer.phone, customer.email),
      version: path.length,
      placedAt: new Date(placedMs),
      createdAt: new Date(placedMs),
      ...stamps,
    });
    events.push({
      storeId,
      id: r.uuid(),
      orderId,
      ...orderEvent("order.placed", { source: "storefront", total, currency: "SAR", itemsCount: lineRows.length }),
      actorType: "CUSTOMER" as const,
      actorName: customer.name,
      createdAt: new Date(placedMs),
    });
    for (let k = 1; k < path.length; k++) {
      events.push({
        storeId,
        id: r.uuid(),
        orderId,
        ...orderEvent("order.status_changed", { from: path[k - 1].toLowerCase() as ApiOrderStatus, to: path[k].toLowerCase() as ApiOrderStatus }),
        actorType: path[k] === "OUT_FOR_DELIVERY" || path[k] === "DELIVERED" ? ("CARRIER" as const) : ("USER" as const),
        actorName: path[k] === "OUT_FOR_DELIVERY" || path[k] === "DELIVERED" ? shipping.name : "Noura Al-Otaibi",
        createdAt: stamps[MILESTONE[path[k]]!],
      });
    }
  }
  for (let i = 0; i < orders.length; i += 200) await db.order.createMany({ data: orders.slice(i, i + 200) });
  for (let i = 0; i < items.length; i += 500) await db.orderItem.createMany({ data: items.slice(i, i + 500) });
  for (let i = 0; i < events.length; i += 500) await db.orderEvent.createMany({ data: events.slice(i, i + 500) });
  await db.storeOrderCounter.upsert({
    where: { storeId },
    create: { storeId, nextNumber: 1001 + spec.orders },
    update: { nextNumber: 1001 + spec.orders },
  });
  await seedShipping(db, storeId, spec.slug === "demo");
  if (spec.slug === "demo") {
    await seedReviews(db, storeId, r, orders, items, variants, now);
    await seedDeliveryHistory(db, storeId, spec.seed, orders, now);
    await seedCashTrail(db, storeId, spec.seed, now);
    await seedTaxInvoices(db, storeId, orders);
  }
  return storeId;
}

function nationalAddress(r: Random): { shippingShortAddress: string | null; shippingBuildingNumber: string | null; shippingAdditionalNumber: string | null } {
  const roll = r.next();
  const letters = () => Array.from({ length: 4 }, () => "ABDEGHJKLMNRSTWYZ"[r.int(0, 16)]).join("");
  const digits = () => String(r.int(1000, 9999));
  if (roll < 0.8) return { shippingShortAddress: `${letters()}${digits()}`, shippingBuildingNumber: digits(), shippingAdditionalNumber: digits() };
  return { shippingShortAddress: null, shippingBuildingNumber: roll < 0.9 ? digits() : null, shippingAdditionalNumber: null };
}

/**
 * The demo store is VAT-registered with a national address and invoices on delivery: its stamp key made
 * and onboarded (the tax authority's simulator), and the invoices of its latest delivered orders issued as
 * they were delivered — reported by the worker once the app runs.
 */
async function seedTaxInvoices(db: Db, storeId: string, orders: { id: string; status: string; deliveredAt?: Date }[]) {
  const { newStampKeys } = await import("@/server/tax/stamp");
  const { stampSecret } = await import("@/server/tax/tax-profile");
  const { taxAuthority } = await import("@/server/tax/tax-authority");
  const { issueInvoiceInTx } = await import("@/server/tax/issue-documents");
  const vatNumber = "310122393500003";
  const keys = newStampKeys(await stampSecret());
  const { certificateSignature } = await (await taxAuthority()).onboard({ vatNumber, publicKey: keys.publicKey });
  await db.taxProfile.create({
    data: {
      storeId,
      vatRegistered: true,
      legalNameAr: "مؤسسة متجر العرض للتجارة",
      legalNameEn: "Demo Store Trading Est.",
      vatNumber,
      crNumber: "1010123456",
      buildingNumber: "2322",
      street: "طريق الملك فهد",
      district: "العليا",
      city: "الرياض",
      postalCode: "12211",
      additionalNumber: "8123",
      shortAddress: "RRRD2929",
      issueOn: "ON_DELIVERY",
      ...keys,
      certificateSignature,
    },
  });
  const delivered = orders
    .filter((o) => o.status === "DELIVERED" && o.deliveredAt)
    .sort((a, b) => a.deliveredAt!.getTime() - b.deliveredAt!.getTime())
    .slice(-40);
  for (const o of delivered) await db.$transaction((tx) => issueInvoiceInTx(tx, storeId, o.id, { type: "SYSTEM", id: null, name: "Tajer" }, o.deliveredAt!));
}

const REVIEW_TEXTS: Record<number, string[]> = {
  5: [
    "ممتاز جدًا، الجودة فوق المتوقع",
    "وصل بسرعة والتغليف رائع",
    "سأطلب مرة أخرى بالتأكيد",
    "Excellent quality, exactly as described",
    "هدية رائعة، أعجبت أهلي",
  ],
  4: ["جيد جدًا، المقاس مناسب", "منتج جميل لكن التوصيل تأخر يومًا", "Very good, would recommend"],
  3: ["مقبول، اللون أغمق من الصورة", "Okay for the price"],
  2: ["الجودة أقل من المتوقع"],
  1: ["وصل المنتج متضررًا"],
};

/** Reviews customers left on some delivered orders: most published, a few waiting, some answered. */
async function seedReviews(
  db: Db,
  storeId: string,
  r: Random,
  orders: { id: string; status: string; customerName: string; deliveredAt?: Date }[],
  items: { orderId: string; variantId: string }[],
  variants: { id: string; productId: string; productName: string }[],
  now: Date,
) {
  await db.store.update({
    where: { id: storeId },
    data: { reviewSettings: { discount: { kind: "percent", percent: 10, validityDays: 30, minOrder: 10_000 } } },
  });
  const delivered = orders.filter((o) => o.status === "DELIVERED" && o.deliveredAt && now.getTime() - o.deliveredAt.getTime() > 4 * DAY && r.chance(0.35));
  const requests = [];
  const reviews = [];
  for (const o of delivered) {
    const requestId = r.uuid();
    const sentAt = new Date(o.deliveredAt!.getTime() + 3 * DAY);
    const submittedAt = new Date(sentAt.getTime() + r.int(1, 30) * HOUR);
    if (submittedAt > now) continue;
    requests.push({ storeId, id: requestId, orderId: o.id, status: "SENT" as const, scheduledFor: sentAt, sentAt, submittedAt, createdAt: o.deliveredAt! });
    const words = o.customerName.trim().split(/\s+/);
    const author = words.length > 1 ? `${words[0]} ${[...words.at(-1)!][0]}.` : words[0];
    const products = [
      ...new Map(
        items
          .filter((i) => i.orderId === o.id)
          .map((i) => variants.find((v) => v.id === i.variantId)!)
          .map((v) => [v.productId, v]),
      ).values(),
    ];
    for (const v of products) {
      const roll = r.next();
      const rating = roll < 0.5 ? 5 : roll < 0.75 ? 4 : roll < 0.87 ? 3 : roll < 0.95 ? 2 : 1;
      const status = rating >= 4 ? (r.chance(0.95) ? "PUBLISHED" : "HIDDEN") : r.chance(0.5) ? "PENDING" : "PUBLISHED";
      reviews.push({
        storeId,
        id: r.uuid(),
        requestId,
        orderId: o.id,
        kind: "PRODUCT" as const,
        productId: v.productId,
        subject: v.productName,
        rating,
        body: r.chance(0.8) ? r.pick(REVIEW_TEXTS[rating]) : null,
        status: status as "PUBLISHED" | "PENDING" | "HIDDEN",
        authorName: author,
        reply: rating <= 3 && status === "PUBLISHED" ? "نعتذر عن ذلك، تواصلنا معك لحل المشكلة" : null,
        publishedAt: status === "PUBLISHED" ? submittedAt : null,
        createdAt: submittedAt,
      });
    }
    const experience = r.int(3, 5);
    reviews.push({
      storeId,
      id: r.uuid(),
      requestId,
      orderId: o.id,
      kind: "EXPERIENCE" as const,
      productId: null,
      subject: "Demo Store",
      rating: experience,
      body: null,
      status: (experience >= 4 ? "PUBLISHED" : "PENDING") as "PUBLISHED" | "PENDING",
      authorName: author,
      reply: null,
      publishedAt: experience >= 4 ? submittedAt : null,
      createdAt: submittedAt,
    });
  }
  await db.reviewRequest.createMany({ data: requests });
  for (let i = 0; i < reviews.length; i += 500) await db.review.createMany({ data: reviews.slice(i, i + 500) });
}

// How the demo's carriers deliver, in days from label to door: each is quickest somewhere else, and
// customers rate them differently, so the scorecard ranks them differently city by city.
const DEMO_TRANSIT: Record<"aramex" | "smsa" | "aymakan", { days: Partial<Record<string, number>>; otherwise: number; rating: number }> = {
  aramex: { days: { riyadh: 1.8, jeddah: 2.2, dammam: 2 }, otherwise: 2.4, rating: 4.2 },
  smsa: { days: { jeddah: 1.1, makkah: 1.5, madinah: 1.9, riyadh: 2.6 }, otherwise: 3, rating: 3.9 },
  aymakan: { days: { riyadh: 0.9, khobar: 1.6, dammam: 1.4 }, otherwise: 3.4, rating: 4.6 },
};

/**
 * The demo store's labels for the orders that reached their customers, bought through Tajer with the
 * carriers it ships with (the checkout's choice when the store ships with it), paid from the wallet, and
 * the customers' ratings of the carrier on the orders they reviewed: the carrier scorecard's history.
 */
async function seedDeliveryHistory(
  db: Db,
  storeId: string,
  seed: number,
  orders: { id: string; placedAt: Date; deliveredAt?: Date; shippingCity: string; shippingMethod: string }[],
  now: Date,
) {
  const r = createRandom(seed + 1);
  const carriers = Object.keys(DEMO_TRANSIT) as (keyof typeof DEMO_TRANSIT)[];
  const shipments = [];
  const debits = [];
  for (const o of orders.filter((x) => x.deliveredAt).sort((a, b) => a.deliveredAt!.getTime() - b.deliveredAt!.getTime())) {
    const city = cityKey(o.shippingCity);
    const chosen = carriers.find((c) => CARRIERS[c].name.toLowerCase().startsWith(o.shippingMethod.toLowerCase()));
    const carrier = chosen ?? r.pick(carriers);
    const profile = DEMO_TRANSIT[carrier];
    const transitDays = (profile.days[city] ?? profile.otherwise) * (0.6 + r.next() * 0.8);
    const labelAt = new Date(Math.max(o.placedAt.getTime() + HOUR, o.deliveredAt!.getTime() - transitDays * DAY));
    const cost = CARRIERS[carrier].defaultRates.firstKg + (r.chance(0.3) ? CARRIERS[carrier].defaultRates.perAdditionalKg : 0);
    const id = r.uuid();
    const digits = (n: number) => Array.from({ length: n }, () => r.int(0, 9)).join("");
    const trackingNumber = carrier === "aramex" ? digits(11) : carrier === "smsa" ? digits(12) : `AY${digits(9)}`;
    shipments.push({
      storeId,
      id,
      orderId: o.id,
      kind: "CARRIER" as const,
      carrier,
      destinationCity: city,
      courierName: CARRIERS[carrier].name,
      trackingNumber,
      status: "DELIVERED" as const,
      handover: "dropoff",
      cost,
      deliveredAt: o.deliveredAt!,
      createdAt: labelAt,
      updatedAt: o.deliveredAt!,
    });
    debits.push({ orderId: o.id, shipmentId: id, amount: cost, at: labelAt, carrier });
  }
  await db.shipment.createMany({ data: shipments });
  // The labels' money: a top-up that paid for them, then each label's debit, before today's opening balance.
  debits.sort((a, b) => a.at.getTime() - b.at.getTime());
  const spent = debits.reduce((n, d) => n + d.amount, 0);
  let balance = spent;
  const first = debits[0]?.at ?? now;
  await db.walletEntry.createMany({
    data: [
      {
        storeId,
        kind: "TOP_UP" as const,
        amount: spent,
        balanceAfter: spent,
        reference: entryReference.openingBalance(),
        actorName: "Tajer",
        createdAt: new Date(first.getTime() - HOUR),
      },
      ...debits.map((d) => {
        balance -= d.amount;
        return {
          storeId,
          kind: "LABEL" as const,
          amount: -d.amount,
          balanceAfter: balance,
          orderId: d.orderId,
          shipmentId: d.shipmentId,
          reference: entryReference.labelCarrier(d.carrier),
          actorName: "Noura Al-Otaibi",
          createdAt: d.at,
        };
      }),
    ],
  });
  // The customers who reviewed an order rated its carrier too.
  const reviewed = await db.review.findMany({
    where: { storeId, kind: "EXPERIENCE" },
    select: { requestId: true, orderId: true, authorName: true, createdAt: true },
  });
  const byOrder = new Map(shipments.map((sh) => [sh.orderId, sh]));
  const ratings = [];
  for (const q of reviewed) {
    const sh = byOrder.get(q.orderId);
    if (!sh) continue;
    const base = DEMO_TRANSIT[sh.carrier].rating;
    const rating = Math.max(1, Math.min(5, Math.round(base + (r.next() - 0.5) * 2.2)));
    ratings.push({
      storeId,
      id: r.uuid(),
      requestId: q.requestId,
      orderId: q.orderId,
      kind: "CARRIER" as const,
      carrier: sh.carrier,
      subject: CARRIERS[sh.carrier].name,
      rating,
      status: rating >= 4 ? ("PUBLISHED" as const) : ("PENDING" as const),
      publishedAt: rating >= 4 ? q.createdAt : null,
      authorName: q.authorName,
      createdAt: q.createdAt,
    });
  }
  // The database gives each rating its city, from the order's label.
  await db.review.createMany({ data: ratings });
}

const STATEMENT_PREFIX: Record<string, string> = { aramex: "ARX-REM", smsa: "SMSA-ST", aymakan: "AYM-SET" };

/**
 * The demo store's cash on delivery with its carriers: each delivered COD parcel's cash expected and
 * collected at the door, and paid out weekly in statements nine days after the week ends — now and then a
 * line paid short or a tracking number that is not the store's — so the recent weeks are still owed.
 */
async function seedCashTrail(db: Db, storeId: string, seed: number, now: Date) {
  const r = createRandom(seed + 2);
  await db.$executeRaw`
    UPDATE shipments s SET "codAmount" = o.total FROM orders o
    WHERE s."storeId" = ${storeId}::uuid AND o."storeId" = s."storeId" AND o.id = s."orderId" AND o."paymentMethod" = 'CASH_ON_DELIVERY' AND s.kind = 'CARRIER'`;
  // Ids as valid (version 4) UUIDs, the same on every machine: from the shipment's.
  await db.$executeRaw`
    INSERT INTO cod_collections ("storeId", id, "orderId", "shipmentId", carrier, "trackingNumber", amount, currency, "deliveredAt", "collectedAt", "collectedAmount", outstanding)
    SELECT "storeId", overlay(overlay(md5(id::text || ':cod') PLACING '4' FROM 13) PLACING '8' FROM 17)::uuid, "orderId", id, carrier, "trackingNumber", "codAmount", currency, "deliveredAt", "deliveredAt", "codAmount", "codAmount"
    FROM shipments WHERE "storeId" = ${storeId}::uuid AND "codAmount" > 0 AND status = 'DELIVERED' AND "deliveredAt" IS NOT NULL`;
  const collections = await db.codCollection.findMany({ where: { storeId }, orderBy: [{ deliveredAt: "asc" }, { id: "asc" }] });
  const weeks = new Map<string, typeof collections>();
  for (const c of collections) {
    const day = new Date(Date.UTC(c.deliveredAt.getUTCFullYear(), c.deliveredAt.getUTCMonth(), c.deliveredAt.getUTCDate()));
    const paidAt = new Date(day.getTime() + (7 - day.getUTCDay() + 9) * DAY + 10 * HOUR);
    if (paidAt.getTime() > now.getTime()) continue;
    const key = `${c.carrier} ${paidAt.toISOString()}`;
    weeks.set(key, [...(weeks.get(key) ?? []), c]);
  }
  for (const [key, group] of weeks) {
    const [carrier, at] = key.split(" ");
    const paidAt = new Date(at);
    const statementId = r.uuid();
    const lines = group.map((c, i) => ({ c, amount: i === 0 && r.chance(0.2) ? c.amount - 1000 : c.amount }));
    const unknown = r.chance(0.12) ? 4500 : 0;
    const total = lines.reduce((n, l) => n + l.amount, 0) + unknown;
    const matched = lines.filter((l) => l.amount === l.c.amount).length;
    await db.codStatement.create({
      data: {
        storeId,
        id: statementId,
        carrier,
        reference: `${STATEMENT_PREFIX[carrier] ?? carrier.toUpperCase()}-${at.slice(0, 10).replace(/-/g, "")}`,
        statedTotal: total,
        currency: "SAR",
        lineCount: lines.length + (unknown ? 1 : 0),
        matchedCount: matched,
        mismatchCount: lines.length + (unknown ? 1 : 0) - matched,
        paidOn: new Date(`${at.slice(0, 10)}T00:00:00Z`),
        source: "carrier",
        createdByName: "Noura Al-Otaibi",
        createdAt: paidAt,
      },
    });
    await db.codEntry.createMany({
      data: [
        ...lines.map((l, i) => ({
          storeId,
          carrier,
          kind: "REMITTANCE" as const,
          amount: l.amount,
          statementId,
          lineNo: i + 1,
          trackingNumber: l.c.trackingNumber,
          outcome: l.amount === l.c.amount ? ("MATCHED" as const) : ("SHORT" as const),
          collectionId: l.c.id,
          orderId: l.c.orderId,
          actorName: "Noura Al-Otaibi",
          createdAt: paidAt,
        })),
        ...(unknown
          ? [
              {
                storeId,
                carrier,
                kind: "REMITTANCE" as const,
                amount: unknown,
                statementId,
                lineNo: lines.length + 1,
                trackingNumber: `${carrier === "aymakan" ? "AY" : ""}${r.int(100_000_000, 999_999_999)}`,
                outcome: "UNKNOWN" as const,
                actorName: "Noura Al-Otaibi",
                createdAt: paidAt,
              },
            ]
          : []),
      ],
    });
    await db.$executeRaw`
      UPDATE cod_collections c SET remitted = v.amount, remittances = 1, outstanding = c.amount - v.amount
      FROM unnest(${lines.map((l) => l.c.id)}::uuid[], ${lines.map((l) => l.amount)}::int[]) AS v(id, amount)
      WHERE c."storeId" = ${storeId}::uuid AND c.id = v.id`;
  }
}

/** Carriers the store ships with, a funded wallet, box sizes and a courier of its own. */
async function seedShipping(db: Db, storeId: string, isDemo: boolean) {
  // Aramex and SMSA on the platform's contract (labels paid from the wallet); AyMakan on the store's own
  // account (AyMakan bills the store; the wallet pays only the platform's fee).
  for (const carrier of ["aramex", "smsa", "aymakan"] as const) {
    const accountNumber = carrier === "aymakan" ? `AYMAKAN-${isDemo ? "48213" : "10007"}` : null;
    await db.carrierAccount.create({ data: { storeId, carrier, enabled: true, accountNumber, ...CARRIERS[carrier].defaultRates } });
  }
  const balance = isDemo ? 50_000 : 2_000;
  await db.wallet.create({ data: { storeId, balance, currency: "SAR" } });
  await db.walletEntry.create({
    data: { storeId, kind: "TOP_UP", amount: balance, balanceAfter: balance, reference: entryReference.openingBalance(), actorName: "Tajer" },
  });
  await db.boxPreset.createMany({
    data: [
      { storeId, name: "Small envelope", lengthMm: 250, widthMm: 180, heightMm: 20 },
      { storeId, name: "Box S", lengthMm: 200, widthMm: 150, heightMm: 100 },
      { storeId, name: "Box M", lengthMm: 300, widthMm: 250, heightMm: 150 },
      { storeId, name: "Box L", lengthMm: 450, widthMm: 350, heightMm: 250 },
    ],
  });
  await db.manualCourier.create({ data: { storeId, name: isDemo ? "Mandoob Riyadh" : "Local courier", phone: "+966500000010" } });
}

function option(name: string, label: string) {
  return label ? `${name} — ${label}` : name;
}

/** A demo EAN-13: 628 (Saudi Arabia), the store, the product and the option, and its check digit. */
export function seedEan(store: number, product: number, option: number): string {
  const body = `628${store}${String(product).padStart(5, "0")}${String(option).padStart(3, "0")}`;
  return body + gtinCheckDigit(body);
}
