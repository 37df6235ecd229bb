// Whose request is this? The address comes from the socket, or — when the installation says how many
// proxies of its own stand in front (TRUSTED_PROXY_HOPS) — from the entry those proxies appended to
// X-Forwarded-For. Never from an entry the client could have written: a client sets X-Forwarded-For to
// anything it likes, and rate limits keyed on it would be dodged by changing a header.
//
// The app's own HTTP server (scripts/serve.ts) works the address out for every request and hands it to
// the app in CLIENT_ADDRESS_HEADER, overwriting anything a client sent under that name.

export const CLIENT_ADDRESS_HEADER = "x-tajer-client-address";

/** "::ffff:10.0.0.1" (IPv4 on an IPv6 socket) → "10.0.0.1"; surrounding spaces and brackets off. */
export function normalizeAddress(address: string | undefined | null): string | null {
  const trimmed = address?.trim().replace(/^\[|\]$/g, "");
  if (!trimmed) return null;
  return trimmed.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1").toLowerCase();
}

/**
 * The client's address: with `hops` trusted proxies in front, the entry the farthest of them appended
 * (the chain is X-Forwarded-For's entries followed by the socket's address); with none, the socket's.
 */
export function clientAddress(forwardedFor: string | string[] | undefined, socketAddress: string | undefined, hops: number): string {
  const socket = normalizeAddress(socketAddress) ?? "unknown";
  if (!hops || hops < 0) return socket;
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map(normalizeAddress)
    .filter((a): a is string => !!a);
  const chain = [...forwarded, socket];
  // Fewer entries than proxies: the request did not come through all of them; the nearest one we can name.
  return chain[Math.max(0, chain.length - 1 - hops)];
}

/** TRUSTED_PROXY_HOPS: how many reverse proxies of this installation stand in front of the app (default 0). */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TRUSTED_PROXY_HOPS?.trim();
  if (!raw) return 0;
  if (!/^\d{1,2}$/.test(raw)) throw new Error(`TRUSTED_PROXY_HOPS must be a whole number of proxies (0 when the app faces clients directly), not "${raw}".`);
  return Number(raw);
}

/** The address the app's server worked out for this request ("unknown" if it was not served by it). */
export function requestAddress(headers: Headers | Record<string, string | string[] | undefined> | undefined): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers?.[CLIENT_ADDRESS_HEADER];
  return normalizeAddress(Array.isArray(value) ? value[0] : value) ?? "unknown";
}
