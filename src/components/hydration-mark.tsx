"use client";

import { useEffect } from "react";

/**
 * Marks the page once its script has taken over (`<html data-hydrated>`). Until then a form that the script
 * submits is a plain HTML form, and a press sends it as a page load instead: styles and the browser suites can
 * tell the two moments apart by this mark.
 */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
  return null;
}
