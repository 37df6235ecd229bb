"use client";

import { useEffect, type RefObject } from "react";

/** While `open`, a press anywhere outside `ref`'s element calls `onOutside` (a popover closing itself). */
export function useClickOutside(ref: RefObject<HTMLElement | null>, open: boolean, onOutside: () => void) {
  useEffect(() => {
    if (!open) return;
    const press = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onOutside();
    };
    document.addEventListener("mousedown", press);
    return () => document.removeEventListener("mousedown", press);
  }, [ref, open, onOutside]);
}
