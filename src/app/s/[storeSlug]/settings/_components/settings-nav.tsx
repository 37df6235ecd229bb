"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The settings' sections: a row that scrolls sideways on phones and tablets, a column beside the page on a desktop; the current one marked. */
export function SettingsNav({ label, links }: { label: string; links: { href: string; label: string }[] }) {
  const path = usePathname();
  return (
    <nav aria-label={label} className="scroll-cue -mx-4 flex gap-1 overflow-x-auto px-4 lg:mx-0 lg:flex-col lg:overflow-visible lg:bg-none lg:px-0">
      {links.map((l) => {
        const current = path === l.href || path.startsWith(`${l.href}/`);
        return (
          <Link
            key={l.href}
            href={l.href}
            aria-current={current ? "page" : undefined}
            className={`flex min-h-11 shrink-0 items-center rounded-lg px-3 text-sm font-medium whitespace-nowrap ${current ? "bg-brand-50 text-brand-700" : "hover:bg-slate-100"}`}
          >
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}
