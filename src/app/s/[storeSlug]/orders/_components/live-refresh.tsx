"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

/** Re-renders the list when an order of the store is created or changes; bursts become one refresh. */
export function LiveRefresh() {
  const router = useRouter();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onOrder = () => {
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), 400);
    };
    window.addEventListener("tajer:order", onOrder);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("tajer:order", onOrder);
    };
  }, [router]);
  return null;
}
