"use client";

import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { intlLocale } from "@/server/money/money";
import { inputClass } from "./field";
import { useClickOutside } from "@/components/use-click-outside";

// A calendar date as the forms send it ("2026-11-30"), handled in UTC so no time zone moves it a day.
const toIso = (d: Date) => d.toISOString().slice(0, 10);
const fromIso = (value: string | undefined): Date | null => {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || toIso(d) !== value ? null : d;
};
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const addMonths = (d: Date, n: number) => {
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), lastDay)));
};
const CALENDAR_PX = 312;
const todayUtc = () => fromIso(new Date().toLocaleDateString("en-CA"))!;

/**
 * A date picker in the page's language (a native date input speaks the browser's: "mm/dd/yyyy" on an
 * Arabic page). The field shows the date in words; its calendar opens below it, weeks from Sunday, in the
 * page's direction, with the page's digits; the form receives "YYYY-MM-DD" under `name`. Keyboard: arrows
 * by day and week, Page Up/Down by month, Home/End to the week's ends, Escape to close.
 */
export function DateField({ name, defaultValue, label }: { name: string; defaultValue?: string; label: string }) {
  const t = useTranslations("dates");
  const locale = useLocale();
  const rtl = locale === "ar";
  const [value, setValue] = useState(() => fromIso(defaultValue));
  const [open, setOpen] = useState(false);
  const closePopover = useCallback(() => setOpen(false), []);
  // Opened near the viewport's far edge, the calendar hangs from the field's other end instead.
  const [alignEnd, setAlignEnd] = useState(false);
  const [focused, setFocused] = useState<Date>(() => value ?? todayUtc());
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const grid = useRef<HTMLTableElement>(null);

  const formats = useMemo(() => {
    const l = intlLocale(locale);
    return {
      field: new Intl.DateTimeFormat(l, { dateStyle: "medium", timeZone: "UTC" }),
      full: new Intl.DateTimeFormat(l, { dateStyle: "full", timeZone: "UTC" }),
      month: new Intl.DateTimeFormat(l, { month: "long", year: "numeric", timeZone: "UTC" }),
      weekday: new Intl.DateTimeFormat(l, { weekday: "narrow", timeZone: "UTC" }),
      weekdayLong: new Intl.DateTimeFormat(l, { weekday: "long", timeZone: "UTC" }),
      day: new Intl.NumberFormat(l),
    };
  }, [locale]);

  // The six weeks that show the focused month, from the Sunday on or before its first day.
  const monthStart = new Date(Date.UTC(focused.getUTCFullYear(), focused.getUTCMonth(), 1));
  const gridStart = addDays(monthStart, -monthStart.getUTCDay());
  const weeks = Array.from({ length: 6 }, (_, w) => Array.from({ length: 7 }, (_, d) => addDays(gridStart, w * 7 + d)));
  const today = todayUtc();

  useEffect(() => {
    if (!open) return;
    grid.current?.querySelector<HTMLButtonElement>(`[data-date="${toIso(focused)}"]`)?.focus();
  }, [open, focused]);

  useClickOutside(root, open, closePopover);

  const choose = (d: Date | null) => {
    setValue(d);
    setOpen(false);
    trigger.current?.focus();
  };

  const onGridKey = (e: KeyboardEvent) => {
    const forward = rtl ? -1 : 1;
    const moves: Record<string, () => Date> = {
      ArrowRight: () => addDays(focused, forward),
      ArrowLeft: () => addDays(focused, -forward),
      ArrowDown: () => addDays(focused, 7),
      ArrowUp: () => addDays(focused, -7),
      PageDown: () => addMonths(focused, 1),
      PageUp: () => addMonths(focused, -1),
      Home: () => addDays(focused, -focused.getUTCDay()),
      End: () => addDays(focused, 6 - focused.getUTCDay()),
    };
    if (e.key === "Escape") {
      e.preventDefault();
      setOpen(false);
      trigger.current?.focus();
      return;
    }
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    setFocused(move());
  };

  return (
    <div ref={root} className="relative">
      <input type="hidden" name={name} value={value ? toIso(value) : ""} />
      <div className="flex items-stretch gap-1">
        <button
          ref={trigger}
          type="button"
          aria-haspopup="dialog"
          aria-expanded={open}
          aria-label={value ? `${label}: ${formats.field.format(value)}` : `${label}: ${t("any")}`}
          onClick={() => {
            const box = root.current!.getBoundingClientRect();
            setAlignEnd(rtl ? box.right - CALENDAR_PX < 8 : box.left + CALENDAR_PX > window.innerWidth - 8);
            setFocused(value ?? todayUtc());
            setOpen((o) => !o);
          }}
          className={`${inputClass} text-start ${value ? "" : "text-slate-500"}`}
        >
          {value ? formats.field.format(value) : t("any")}
        </button>
        {value && (
          <button
            type="button"
            onClick={() => choose(null)}
            aria-label={t("clear", { label })}
            className="flex min-w-9 items-center justify-center rounded-lg text-slate-600 hover:bg-slate-100"
          >
            <span aria-hidden>×</span>
          </button>
        )}
      </div>
      {open && (
        <div
          role="dialog"
          aria-label={label}
          style={{ width: CALENDAR_PX }}
          className={`absolute ${alignEnd ? "end-0" : "start-0"} z-30 mt-1 max-w-[calc(100vw-2rem)] rounded-xl border border-slate-200 bg-white p-2 shadow-lg`}
        >
          <div className="mb-1 flex items-center justify-between">
            <button
              type="button"
              onClick={() => setFocused(addMonths(focused, -1))}
              aria-label={t("previousMonth")}
              className="flex size-9 items-center justify-center rounded-lg hover:bg-slate-100"
            >
              <Chevron back />
            </button>
            <span aria-live="polite" className="font-semibold">
              {formats.month.format(focused)}
            </span>
            <button
              type="button"
              onClick={() => setFocused(addMonths(focused, 1))}
              aria-label={t("nextMonth")}
              className="flex size-9 items-center justify-center rounded-lg hover:bg-slate-100"
            >
              <Chevron />
            </button>
          </div>
          <table ref={grid} role="grid" aria-label={formats.month.format(focused)} onKeyDown={onGridKey} className="w-full border-collapse text-center text-sm">
            <thead>
              <tr>
                {weeks[0].map((d) => (
                  <th key={d.getUTCDay()} scope="col" abbr={formats.weekdayLong.format(d)} className="h-8 font-medium text-slate-500">
                    {formats.weekday.format(d)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((week) => (
                <tr key={toIso(week[0])}>
                  {week.map((d) => {
                    const iso = toIso(d);
                    const selected = !!value && iso === toIso(value);
                    const inMonth = d.getUTCMonth() === focused.getUTCMonth();
                    return (
                      <td key={iso} className="p-0">
                        <button
                          type="button"
                          data-date={iso}
                          tabIndex={iso === toIso(focused) ? 0 : -1}
                          aria-label={formats.full.format(d)}
                          aria-pressed={selected}
                          aria-current={iso === toIso(today) ? "date" : undefined}
                          onClick={() => choose(d)}
                          className={`size-10 rounded-lg ${selected ? "bg-brand-600 font-semibold text-white" : inMonth ? "text-slate-900 hover:bg-slate-100" : "text-slate-500 hover:bg-slate-100"} ${iso === toIso(today) && !selected ? "ring-1 ring-brand-600 ring-inset" : ""}`}
                        >
                          {formats.day.format(d.getUTCDate())}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** Points to the next month: the reading direction's forward (flipped on a right-to-left page). */
function Chevron({ back = false }: { back?: boolean }) {
  return (
    <svg
      aria-hidden
      viewBox="0 0 20 20"
      className={`size-5 ${back ? "rotate-180 rtl:rotate-0" : "rtl:rotate-180"}`}
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <path d="M8 5l5 5-5 5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
