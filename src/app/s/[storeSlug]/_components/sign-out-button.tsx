"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Signs out through the auth endpoint itself (it checks the CSRF token, clears the cookie and closes
 * the session), without the auth library's client bundle on every dashboard page.
 */
export function SignOutButton({ label }: { label: string }) {
  const [pending, setPending] = useState(false);
  async function signOut() {
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
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      if (done.ok) return window.location.assign("/signin");
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
