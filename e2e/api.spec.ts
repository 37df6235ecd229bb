import { expect, test } from "@playwright/test";

const demo = { authorization: "Bearer tj_demo_owner_token_0001" };
const second = { authorization: "Bearer tj_second_owner_token_0001" };

test.describe("API over HTTP", () => {
  test("an order placed through the API appears at the top of the list, and only for its store", async ({ request }) => {
    const body = {
      customer: { name: `E2E Customer ${Date.now()}`, phone: "+966512340000" },
      items: [{ sku: "DM-002", quantity: 1 }],
      payment: { method: "mada", status: "paid" },
      shipping: { city: "الرياض", address: "شارع العليا 1", method: "Aramex", fee: 2500 },
    };
    const created = await request.post("/api/v1/orders", { headers: { ...demo, "idempotency-key": `e2e-${Date.now()}` }, data: body });
    expect(created.status()).toBe(201);
    const order = (await created.json()).data;
    expect((await request.get(`/api/v1/orders/${order.id}`, { headers: second })).status()).toBe(404);
    // Other tests place orders at the same time: look at this customer's newest.
    const list = await request.get(`/api/v1/orders?limit=1&q=${encodeURIComponent(body.customer.name)}`, { headers: demo });
    expect((await list.json()).data[0].id).toBe(order.id);
    expect((await (await request.get(`/api/v1/orders?q=${encodeURIComponent(body.customer.name)}`, { headers: second })).json()).data).toEqual([]);
  });

  test("openapi.json describes the endpoints", async ({ request }) => {
    const doc = await (await request.get("/api/v1/openapi.json")).json();
    // Every route handler under /api/v1 is described.
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        "/orders",
        "/orders/export",
        "/orders/{orderId}",
        "/orders/{orderId}/transitions",
        "/orders/{orderId}/events",
        "/orders/{orderId}/tags",
        "/orders/{orderId}/tags/{tag}",
        "/orders/{orderId}/comments",
        "/orders/{orderId}/assignee",
        "/orders/{orderId}/shipments",
        "/shipments/{shipmentId}/label",
        "/shipments/{shipmentId}/void",
        "/customers/{customerId}/block",
        "/customers/{customerId}/unblock",
        "/customers/{customerId}/risk",
        "/branches",
        "/branches/{branchId}/pickup-slots",
        "/carriers",
        "/rates",
        "/wallet",
        "/wallet/transactions",
        "/wallet/top-ups",
        "/wallet/top-ups/{topUpId}",
        "/storefront/orders/{orderId}",
        "/discounts/redeem",
        "/storefront/customers/{customerId}/orders",
        "/storefront/payment-options",
        "/cod",
        "/cod/statements",
        "/cod/statements/{statementId}/reversal",
        "/orders/{orderId}/tax-documents",
        "/tax-documents/{documentId}",
        "/addresses/{shortAddress}",
        "/variants/{variantId}/codes",
      ].sort(),
    );
    expect(doc.components.schemas.PlaceOrder.properties.items.maxItems).toBe(200);
  });

  test("errors have one shape and never a stack trace", async ({ request }) => {
    const res = await request.post("/api/v1/orders", {
      headers: { ...demo, "idempotency-key": "x", "content-type": "application/json" },
      data: Buffer.from("{oops"),
    });
    expect(res.status()).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: "MALFORMED_REQUEST", message: "The request body must be JSON.", fields: { body: "must be valid JSON" } },
    });
  });
});

test.describe("headers and secrets", () => {
  test("the dashboard cannot be framed; the widget can; content types are not sniffed; referrers are trimmed", async ({ request }) => {
    const page = await request.get("/signin");
    const csp = page.headers()["content-security-policy"];
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(page.headers()["x-content-type-options"]).toBe("nosniff");
    expect(page.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    const widget = await request.get("/widget/stores/demo/reviews");
    expect(widget.headers()["content-security-policy"]).toContain("frame-ancestors *");
    const api = await request.get("/api/v1/orders", { headers: demo });
    expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("no server secret appears in what browsers download", async () => {
    const fs = await import("node:fs");
    const path = await import("node:path");
    const secrets = [fs.readFileSync(".data/e2e/auth-secret", "utf8").trim(), "local_fake_auth_token", "local-aramex-webhook-secret"];
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir).flatMap((f) => (fs.statSync(path.join(dir, f)).isDirectory() ? walk(path.join(dir, f)) : [path.join(dir, f)]));
    const bundles = walk(".next/static");
    expect(bundles.length).toBeGreaterThan(10);
    for (const file of bundles) {
      const text = fs.readFileSync(file, "latin1");
      for (const secret of secrets) expect(text.includes(secret), `${secret.slice(0, 6)}… in ${file}`).toBe(false);
    }
  });
});

test.describe("sign-in from outside", () => {
  /** One try at next-auth's credentials sign-in; returns the error name next-auth put in its answer, or "ok". */
  async function tryPassword(request: import("@playwright/test").APIRequestContext, email: string, password: string, headers: Record<string, string> = {}) {
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    const response = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" }, headers });
    expect(response.status()).toBeLessThan(500);
    const { url } = await response.json();
    return new URL(url).searchParams.get("error") ?? "ok";
  }

  test("the throttle keys on the socket's address: a made-up X-Forwarded-For per try does not dodge it", async ({ request }) => {
    const email = `nobody-${Date.now()}@guess.test`;
    for (let i = 0; i < 3; i++)
      expect(await tryPassword(request, email, "guess", { "x-forwarded-for": `203.0.113.${i}`, "x-tajer-client-address": `198.51.100.${i}` })).toBe(
        "CredentialsSignin",
      );
    // A fourth try at once, from "another address" again: the same client, slowed.
    expect(await tryPassword(request, email, "guess", { "x-forwarded-for": "203.0.113.99", "x-tajer-client-address": "198.51.100.99" })).toMatch(
      /^TooManyAttempts:slow_down:\d+$/,
    );
  });

  test("a malformed or foreign callback URL leads to the dashboard's start, never a 500", async ({ request, playwright }) => {
    for (const callbackUrl of ["http://[", "javascript:alert(1)", "https://evil.example/", "//evil.example/x"]) {
      const page = await request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
      expect(page.status(), callbackUrl).toBe(302);
      expect(decodeURIComponent(page.headers().location), callbackUrl).not.toMatch(/evil|javascript|\[/);
    }
    // A poisoned callback cookie in the browser, and a foreign callback in the form: signed in, and home.
    const browser = await playwright.request.newContext({
      baseURL: pageBase(),
      storageState: {
        cookies: [
          {
            name: "next-auth.callback-url",
            value: "javascript:alert(1)",
            domain: "127.0.0.1",
            path: "/",
            expires: -1,
            httpOnly: true,
            secure: false,
            sameSite: "Lax",
          },
        ],
        origins: [],
      },
    });
    const { csrfToken } = await (await browser.get("/api/auth/csrf")).json();
    const signIn = await browser.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: "admin@demo.test", password: "demo-password", callbackUrl: "https://evil.example/steal", json: "true" },
    });
    expect(signIn.status()).toBe(200);
    expect((await signIn.json()).url).toBe(`${pageBase()}/`);
    expect((await (await browser.get("/api/auth/session")).json()).user?.email).toBe("admin@demo.test");
    await browser.dispose();
  });
});

const pageBase = () => `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;
