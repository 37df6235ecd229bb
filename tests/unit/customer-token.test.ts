import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { CUSTOMER_TOKEN, orderTokenWhere, storeOfApiToken, storeOfCustomerToken, uuidBytes } from "@/lib/customer-token";
import { generateApiToken } from "@/server/api-tokens/token-hash";

const STORE = "01a232bf-1bc7-71dc-81c5-4a2558cad116";

describe("tokens that name their store", () => {
  it("reads the store from a link token the database made (its id, then 16 random bytes, base64url)", () => {
    // As tajer_store_token wrote it for this store.
    expect(storeOfCustomerToken("AaIyvxvHcdyBxUolWMrRFg87Ia1-AkIIuZvwHdZ-alM")).toBe(STORE);
    const made = Buffer.concat([uuidBytes(STORE), randomBytes(16)]).toString("base64url");
    expect(made).toHaveLength(43);
    expect(CUSTOMER_TOKEN.test(made)).toBe(true);
    expect(storeOfCustomerToken(made)).toBe(STORE);
    expect(orderTokenWhere(made)).toEqual({ storeId: STORE, publicToken: made });
  });

  it("a link made before tokens named their store is still a token, found by itself alone", () => {
    const legacy = "0f".repeat(32);
    expect(CUSTOMER_TOKEN.test(legacy)).toBe(true);
    expect(storeOfCustomerToken(legacy)).toBeNull();
    expect(orderTokenWhere(legacy)).toEqual({ publicToken: legacy });
    for (const bad of ["", "x".repeat(42), "x".repeat(44), "g".repeat(64), "a+b".padEnd(43, "a"), `${"a".repeat(43)}/`])
      expect(CUSTOMER_TOKEN.test(bad)).toBe(false);
  });

  it("an API token carries its store after its random part (so the shown prefix still tells tokens apart)", () => {
    const a = generateApiToken(STORE);
    const b = generateApiToken(STORE);
    expect(a).toMatch(/^tj_[A-Za-z0-9_-]{54}$/);
    expect(storeOfApiToken(a)).toBe(STORE);
    expect(a.slice(0, 10)).not.toBe(b.slice(0, 10));
    expect(storeOfApiToken("tj_demo_owner_token_0001")).toBeNull();
  });
});
