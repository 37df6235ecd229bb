import { mkdtempSync } from "node:fs";
import { issue } from "@/server/errors/app-error";
import { renderIssue } from "@/server/errors/words";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { transitionOrder } from "@/server/orders/transition-order";
import { saveReviewSettings } from "@/server/reviews/manage-review-settings";
import { readReviewSettings } from "@/server/reviews/review-settings";
import { sendReviewRequestNow } from "@/server/reviews/review-requests";
import { redeemDiscount } from "@/server/reviews/discounts";
import { POST as submitRoute } from "@/app/api/public/reviews/[token]/route";
import { GET as publicReviews } from "@/app/api/public/stores/[slug]/reviews/route";
import { GET as publicPhotoRoute } from "@/app/api/public/review-photos/[photoId]/route";
import { setReviewStatus } from "@/server/reviews/manage-reviews";
import { MAX_REVIEW_BODY_BYTES } from "@/server/reviews/photo-limits";
import { seedOrder, seedStore, type SeededStore } from "../support/factories";

beforeAll(() => {
  process.env.REVIEW_PHOTOS_DIR = mkdtempSync(path.join(tmpdir(), "tajer-photos-"));
});

async function requested(s: SeededStore, settings: Record<string, unknown> = {}) {
  await saveReviewSettings(s.ctx(), readReviewSettings({ quietHours: null, ...settings }));
  const order = await seedOrder(s, { name: "Sara Al-Qahtani" });
  for (const to of ["in_progress", "shipped", "delivered"] as const) {
    await transitionOrder(s.ctx(), order.id, { to, notifyCustomer: false, ...(to === "shipped" ? { shipment: { courierName: "Mandoob" } } : {}) });
  }
  await sendReviewRequestNow(s.ctx(), order.id);
  const request = await db.reviewRequest.findUniqueOrThrow({ where: { storeId_orderId: { storeId: s.store.id, orderId: order.id } } });
  const items = await db.orderItem.findMany({ where: { storeId: s.store.id, orderId: order.id }, include: { variant: true } });
  return { order, token: request.token, productIds: [...new Set(items.map((i) => i.variant!.productId))] };
}

async function submit(token: string, payload: unknown, files: { name: string; bytes: Buffer; type?: string; filename?: string }[] = []) {
  const form = new FormData();
  form.set("payload", JSON.stringify(payload));
  for (const f of files) form.append(f.name, new Blob([new Uint8Array(f.bytes)], { type: f.type ?? "image/jpeg" }), f.filename ?? "photo.jpg");
  const res = await submitRoute(new Request(`http://localhost/api/public/reviews/${token}`, { method: "POST", body: form }), {
    params: Promise.resolve({ token }),
  });
  return { status: res.status, body: await res.json() };
}

// A real JPEG with a GPS position in its EXIF.
const photoWithGps = () =>
  sharp({ create: { width: 2400, height: 1200, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .withExif({ IFD0: { Make: "Phone" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "24/1 42/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "46/1 40/1 0/1" } })
    .jpeg()
    .toBuffer();

describe("the review page", () => {
  it("saves ratings and photos whole; photos are re-encoded without EXIF (no GPS), at most 1600 px; 4–5 stars publish at once", async () => {
    const s = await seedStore();
    const { token, productIds, order } = await requested(s, { rate: { products: true, experience: true, carrier: false } });
    const jpeg = await photoWithGps();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const res = await submit(
      token,
      { products: productIds.map((productId) => ({ productId, rating: 5, text: "<b>Great</b> 👍" })), experience: { rating: 3, text: "slow reply" } },
      [{ name: `photos.${productIds[0]}`, bytes: jpeg }],
    );
    expect(res.status).toBe(200);
    const reviews = await db.review.findMany({ where: { storeId: s.store.id, orderId: order.id }, include: { photos: true }, orderBy: { kind: "asc" } });
    expect(reviews.map((r) => [r.kind, r.rating, r.status, r.authorName])).toEqual([
      ...productIds.map(() => ["PRODUCT", 5, "PUBLISHED", "Sara A."]),
      ["EXPERIENCE", 3, "PENDING", "Sara A."],
    ]);
    expect(reviews[0].body).toBe("<b>Great</b> 👍");
    const photo = reviews[0].photos[0];
    expect([photo.width, photo.height, photo.contentType]).toEqual([1600, 800, "image/jpeg"]);
    const served = await publicPhotoRoute(new Request("http://localhost"), { params: Promise.resolve({ photoId: photo.id }) });
    expect(served.headers.get("content-type")).toBe("image/jpeg");
    expect(served.headers.get("cache-control")).toContain("public");
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect(meta.exif).toBeUndefined();
    // Hidden: its photos are no longer public.
    await setReviewStatus(s.ctx(), reviews[0].id, "hidden");
    expect((await publicPhotoRoute(new Request("http://localhost"), { params: Promise.resolve({ photoId: photo.id }) })).status).toBe(404);
    expect((await db.orderEvent.findFirstOrThrow({ where: { storeId: s.store.id, orderId: order.id, type: "review.submitted" } })).actorType).toBe("CUSTOMER");
  });

  it("checks photos by content: a text file named .jpg → 422, 6 MB → 413, a 4th photo → 422; nothing saved", async () => {
    const s = await seedStore();
    const { token, productIds, order } = await requested(s, { rate: { products: true, experience: false, carrier: false } });
    const rated = productIds.map((productId) => ({ productId, rating: 4 }));
    const fake = await submit(token, { products: rated }, [
      { name: `photos.${productIds[0]}`, bytes: Buffer.from("just some text, honestly"), filename: "cat.jpg" },
    ]);
    expect(fake.status).toBe(422);
    expect(fake.body.error.fields[`photos.${productIds[0]}.0`]).toBe(renderIssue(issue("imageType"), "ar"));
    const huge = await submit(token, { products: rated }, [{ name: `photos.${productIds[0]}`, bytes: Buffer.alloc(6 * 1024 * 1024, 0xff) }]);
    expect(huge.status).toBe(413);
    const small = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    const four = await submit(
      token,
      { products: rated },
      Array.from({ length: 4 }, () => ({ name: `photos.${productIds[0]}`, bytes: small, type: "image/png" })),
    );
    expect(four.status).toBe(422);
    expect(await db.review.count({ where: { storeId: s.store.id, orderId: order.id } })).toBe(0);
    expect(await db.reviewPhoto.count({ where: { storeId: s.store.id } })).toBe(0);
  });

  it("a body past the whole review's limit is a 413 even when it streams in without a length", async () => {
    const s = await seedStore();
    const { token } = await requested(s, {});
    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        if (sent > MAX_REVIEW_BODY_BYTES + 4 * chunk.length) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await submitRoute(
      new Request(`http://localhost/api/public/reviews/${token}`, {
        method: "POST",
        body: stream,
        duplex: "half",
        headers: { "content-type": "multipart/form-data; boundary=x" },
      } as RequestInit),
      { params: Promise.resolve({ token }) },
    );
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", limitBytes: MAX_REVIEW_BODY_BYTES });
    // It stopped reading soon after the limit instead of taking the whole stream.
    expect(sent).toBeLessThanOrEqual(MAX_REVIEW_BODY_BYTES + 2 * chunk.length);
  });

  it("the 3-photo limit holds when several submissions race: the limit is checked again under the lock", async () => {
    const s = await seedStore();
    const { token, productIds } = await requested(s, { rate: { products: true, experience: false, carrier: false } });
    const jpeg = await sharp({ create: { width: 40, height: 40, channels: 3, background: "#888" } })
      .jpeg()
      .toBuffer();
    const payload = { products: productIds.map((productId) => ({ productId, rating: 4 })) };
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        submit(
          token,
          payload,
          [1, 2].map(() => ({ name: `photos.${productIds[0]}`, bytes: jpeg })),
        ),
      ),
    );
    // Each sees room for two photos before the lock; at most one may add them.
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 200))
      expect(r).toMatchObject({
        status: 422,
        body: { error: { code: "VALIDATION_FAILED", fields: { [`photos.${productIds[0]}`]: renderIssue(issue("maxPhotos", { n: 3 }), "ar") } } },
      });
    expect(await db.reviewPhoto.count({ where: { storeId: s.store.id } })).toBe(2);
  });

  it("every asked rating is required and named; a product of another order is refused; one submission, editable for 7 days", async () => {
    const s = await seedStore();
    const a = await requested(s);
    const b = await requested(s);
    const missing = await submit(a.token, { products: [] });
    expect(missing.status).toBe(422);
    expect(Object.keys(missing.body.error.fields)).toEqual(expect.arrayContaining(["products.0.rating", "experience.rating"]));
    const bad = await submit(a.token, { products: [{ productId: crypto.randomUUID(), rating: 9 }] });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields["products.0.rating"]).toBe(renderIssue(issue("atMost", { n: 5 }), "ar"));
    // Order A's token cannot write a review of order B's products.
    const foreign = await db.product.create({ data: { storeId: s.store.id, name: "Not in A" } });
    const crossed = await submit(a.token, {
      products: [...a.productIds.map((productId) => ({ productId, rating: 5 })), { productId: foreign.id, rating: 1 }],
      experience: { rating: 5 },
    });
    expect(crossed.status).toBe(422);
    expect(await db.review.count({ where: { storeId: s.store.id, orderId: { in: [a.order.id, b.order.id] } } })).toBe(0);

    const first = await submit(a.token, { products: a.productIds.map((productId) => ({ productId, rating: 2 })), experience: { rating: 5 } });
    expect(first.status).toBe(200);
    const edited = await submit(a.token, {
      products: a.productIds.map((productId) => ({ productId, rating: 4, text: "better after all" })),
      experience: { rating: 5 },
    });
    expect(edited.status).toBe(200);
    const rows = await db.review.findMany({ where: { storeId: s.store.id, orderId: a.order.id, kind: "PRODUCT" } });
    expect(rows.map((r) => [r.rating, r.body, r.status])).toEqual(a.productIds.map(() => [4, "better after all", "PUBLISHED"]));
    await db.reviewRequest.updateMany({ where: { storeId: s.store.id, orderId: a.order.id }, data: { submittedAt: new Date(Date.now() - 8 * 86_400_000) } });
    expect((await submit(a.token, { products: a.productIds.map((productId) => ({ productId, rating: 1 })), experience: { rating: 1 } })).status).toBe(409);
    expect((await submit("0".repeat(64), { products: [] })).status).toBe(404);
  });
});

describe("thank-you codes", () => {
  it("one per request; redeemed once even when two checkouts race; clear errors for unknown, used, expired, below minimum", async () => {
    const s = await seedStore();
    const { order, token } = await requested(s, { discount: { kind: "fixed", amount: 2000, validityDays: 30, minOrder: 10_000 } });
    const code = await db.discountCode.findFirstOrThrow({ where: { storeId: s.store.id } });
    const phone = (await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.id } } })).customerPhone;
    expect(token).toBeTruthy();
    await expect(redeemDiscount(s.ctx(), { code: code.code, orderTotal: 9_000, customerPhone: phone })).rejects.toMatchObject({
      code: "DISCOUNT_BELOW_MINIMUM",
    });
    await expect(redeemDiscount(s.ctx(), { code: code.code, orderTotal: 20_000, customerPhone: "+966500000999" })).rejects.toMatchObject({
      code: "DISCOUNT_UNKNOWN",
    });
    await expect(redeemDiscount(s.ctx(), { code: "THX-NOPE2345", orderTotal: 20_000, customerPhone: phone })).rejects.toMatchObject({
      code: "DISCOUNT_UNKNOWN",
    });
    const other = await seedStore();
    await expect(redeemDiscount(other.ctx(), { code: code.code, orderTotal: 20_000, customerPhone: phone })).rejects.toMatchObject({
      code: "DISCOUNT_UNKNOWN",
    });

    const race = await Promise.allSettled(
      Array.from({ length: 8 }, () => redeemDiscount(s.ctx(), { code: code.code.toLowerCase().replace("-", " "), orderTotal: 20_000, customerPhone: phone })),
    );
    const won = race.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    expect((won[0] as PromiseFulfilledResult<{ amount: number }>).value.amount).toBe(2000);
    expect(race.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(Array(7).fill("DISCOUNT_USED"));

    await db.discountCode.update({
      where: { storeId_id: { storeId: s.store.id, id: code.id } },
      data: { usedAt: null, expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(redeemDiscount(s.ctx(), { code: code.code, orderTotal: 20_000, customerPhone: phone })).rejects.toMatchObject({ code: "DISCOUNT_EXPIRED" });
  });
});

describe("the public reviews API (widget)", () => {
  it("returns only this store's published reviews, first name and initial, no phone; CORS and cache headers", async () => {
    const s = await seedStore();
    const other = await seedStore();
    const mine = await requested(s, { autoPublishMinRating: 5 });
    await submit(mine.token, {
      products: mine.productIds.map((productId) => ({ productId, rating: 5, text: "lovely" })),
      experience: { rating: 2, text: "late" },
    });
    const theirs = await requested(other);
    await submit(theirs.token, { products: theirs.productIds.map((productId) => ({ productId, rating: 5, text: "other store" })), experience: { rating: 5 } });

    const res = await publicReviews(new Request(`http://localhost/api/public/stores/${s.store.slug}/reviews`), {
      params: Promise.resolve({ slug: s.store.slug }),
    });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("cache-control")).toContain("public");
    const body = await res.json();
    expect(body.data.map((r: { text: string; rating: number }) => [r.text, r.rating])).toEqual(mine.productIds.map(() => ["lovely", 5]));
    expect(body.data[0].author).toBe("Sara A.");
    const json = JSON.stringify(body);
    expect(json).not.toContain("+966");
    expect(json).not.toContain("other store");
    expect(json).not.toContain("late");
    const missing = await publicReviews(new Request("http://localhost/x"), { params: Promise.resolve({ slug: "no-such-store" }) });
    expect(missing.status).toBe(404);
  });
});
