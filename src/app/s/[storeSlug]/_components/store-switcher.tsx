"use client";

import { useRouter } from "next/navigation";
import { inputClass } from "@/components/ui/field";

export function StoreSwitcher({ current, stores, label }: { current: string; stores: { slug: string; name: string }[]; label: string }) {
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">{label}</span>
      <select aria-label={label} value={current} onChange={(e) => router.push(`/s/${e.target.value}/orders`)} className={`${inputClass} w-auto`}>
        {stores.map((s) => (
          <option key={s.slug} value={s.slug}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}
