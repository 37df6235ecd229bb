"use client";

import { useMemo } from "react";
import { useLocale } from "next-intl";
import { intlLocale } from "@/server/money/money";
import { inputClass } from "./field";

const STEP_MINUTES = 15;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * A time of day ("HH:MM") chosen from a list in the page's language and digits ("1:30 PM", "1:30 م"), in
 * quarter hours; a value set another way (the API) stays in the list. A native time input would speak the
 * browser's language, not the page's.
 */
export function TimeField({ value, onChange, label }: { value: string; onChange: (value: string) => void; label: string }) {
  const locale = useLocale();
  const options = useMemo(() => {
    const format = new Intl.DateTimeFormat(intlLocale(locale), { hour: "numeric", minute: "2-digit", timeZone: "UTC" });
    const times = Array.from({ length: (24 * 60) / STEP_MINUTES }, (_, i) => {
      const minutes = i * STEP_MINUTES;
      return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
    });
    if (HH_MM.test(value) && !times.includes(value)) times.push(value);
    return times.sort().map((time) => ({ time, words: format.format(new Date(`1970-01-01T${time}:00Z`)) }));
  }, [locale, value]);
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} className={inputClass}>
      {options.map((o) => (
        <option key={o.time} value={o.time}>
          {o.words}
        </option>
      ))}
    </select>
  );
}
