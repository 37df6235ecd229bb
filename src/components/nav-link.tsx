"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** A link of the main navigation, marked as current on every page of its section (by default, under its own path; `exact`: that page only). */
export function NavLink({ href, section = href, exact = false, children }: { href: string; section?: string; exact?: boolean; children: React.ReactNode }) {
  const path = usePathname();
  const current = path === section || (!exact && path.startsWith(`${section}/`));
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`flex min-h-11 items-center rounded-lg px-3 text-sm font-medium hover:bg-slate-100 ${current ? "text-brand-700 underline decoration-2 underline-offset-8" : ""}`}
    >
      {children}
    </Link>
  );
}
