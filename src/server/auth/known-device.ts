// A browser that has signed in to an account before carries a cookie naming that account, signed with
// this installation's own secret: it proves "this browser was used by this account's owner", so the
// per-account limit of the sign-in throttle does not lock them out (docs/security.md).
import "server-only";
import { createHmac } from "node:crypto";
import { sameSecret } from "@/server/http/same-secret";
import { installationSecret } from "@/server/installation/installation-settings";

export const DEVICE_COOKIE = "tajer-device";
const MAX_ACCOUNTS_PER_DEVICE = 8;

async function tagFor(userId: string): Promise<string> {
  return createHmac("sha256", await installationSecret("known-device"))
    .update(`device:${userId}`)
    .digest("base64url")
    .slice(0, 22);
}

function tagsIn(cookie: string | undefined | null): string[] {
  return (cookie ?? "").split(".").filter((t) => /^[A-Za-z0-9_-]{22}$/.test(t));
}

/** Whether the cookie shows this browser signed in to this account before. */
export async function isKnownDevice(cookie: string | undefined | null, userId: string): Promise<boolean> {
  const mine = await tagFor(userId);
  return tagsIn(cookie).some((t) => sameSecret(t, mine));
}

/** The cookie's value after this account signed in from it (the most recent accounts kept). */
export async function rememberDevice(cookie: string | undefined | null, userId: string): Promise<string> {
  const tag = await tagFor(userId);
  return [tag, ...tagsIn(cookie).filter((t) => t !== tag)].slice(0, MAX_ACCOUNTS_PER_DEVICE).join(".");
}

/** "a=1; tajer-device=…" → the device cookie's value. */
export function deviceCookieFrom(cookieHeader: string | undefined | null): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === DEVICE_COOKIE) return rest.join("=");
  }
  return null;
}
