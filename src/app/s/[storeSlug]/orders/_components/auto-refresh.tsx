"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

/** Reads the page again every few seconds while something on it is still being prepared. */
export function AutoRefresh({ everyMs = 2_000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
