// The tokens of the customer's links (/o/{token}, /r/{token}) and of API tokens name their store in their
// own bytes, so the row they open is found in its store: one shard on a sharded database, not a question
// to every shard. The random part keeps them unguessable; the store's id is not a secret.

/**
 * A customer's link token: 43 base64url characters, the store's id (16 bytes) then 16 random ones, made by
 * the database when the row is written (`tajer_store_token`); or 64 hex characters for a link made before
 * tokens named their store (still honoured).
 */
export const CUSTOMER_TOKEN = /^(?:[A-Za-z0-9_-]{43}|[0-9a-f]{64})$/;
/** The same, inside a path (the proxy reads it from /o/… and /r/…). */
export const CUSTOMER_TOKEN_SOURCE = "[A-Za-z0-9_-]{43}|[0-9a-f]{64}";

const uuidOf = (bytes: Uint8Array) => {
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

function base64UrlBytes(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The store a customer's link token names, or null for a token made before tokens named their store. */
export function storeOfCustomerToken(token: string): string | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  return uuidOf(base64UrlBytes(token).subarray(0, 16));
}

/** An API token: `tj_`, 24 random bytes, then the store's id, in base64url (54 characters after the prefix). */
export function storeOfApiToken(token: string): string | null {
  if (!/^tj_[A-Za-z0-9_-]{54}$/.test(token)) return null;
  return uuidOf(base64UrlBytes(token.slice(3)).subarray(24, 40));
}

/** The 16 bytes of a UUID. */
export function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, "");
  return Uint8Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
}

/** Where to find the order a customer's link opens: in the store its token names. */
export function orderTokenWhere(token: string): { publicToken: string; storeId?: string } {
  const storeId = storeOfCustomerToken(token);
  return storeId ? { storeId, publicToken: token } : { publicToken: token };
}

/** Where to find the review request a review link opens: in the store its token names. */
export function reviewTokenWhere(token: string): { token: string; storeId?: string } {
  const storeId = storeOfCustomerToken(token);
  return storeId ? { storeId, token } : { token };
}
