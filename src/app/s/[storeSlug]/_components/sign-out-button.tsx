"use client";

import { useState } from "react";
import { clear, values } from "idb-keyval";
import { Button } from "@/components/ui/button";

/** Whether this device holds packing actions that never reached the server (they would be lost with the session). */
async function actionsWaiting(): Promise<boolean> {
  const kept = await values().catch(() => [] as unknown[]);
  return kept.some((v) => typeof v === "string" && v.includes('"isPaused":true'));
}

/** What the packing station kept on this device for offline work (its page, its queue, its scans): gone with the session. */
async function forgetOfflineCopies() {
  await Promise.allSettled([clear(), "caches" in window ? caches.delete("tajer-station-v1") : Promise.resolve(true)]);
}

/**
 * Signs out through the auth endpoint itself (it checks the CSRF token, clears the cookie and closes
 * the session), without the auth library's client bundle on every dashboard page.
 */
export function SignOutButton({ label, unsentWarning }: { label: string; unsentWarning: string }) {
  const [pending, setPending] = useState(false);
  async function signOut() {
    if ((await actionsWaiting()) && !window.confirm(unsentWarning)) return;
    setPending(true);
    try {
      const { csrfToken } = (await fetch("/api/auth/csrf").then((r) => r.json())) as { csrfToken: string };
      const done = await fetch("/api/auth/signout", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, callbackUrl: "/signin", json: "true" }),
      });
      // Only once the session is closed: a failed sign-out must not look like one.
      // A full load, not a client navigation: nothing of the signed-in session stays in memory.
      if (done.ok) {
        await forgetOfflineCopies();
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination
        return window.location.assign("/signin");
      }
    } catch {
      // offline: the button comes back, to try again
    }
    setPending(false);
  }
  return (
    <Button variant="ghost" type="button" disabled={pending} onClick={() => void signOut()}>
      {label}
    </Button>
  );
}
