"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { inputClass } from "@/components/ui/field";
import type { CarrierId } from "@/server/shipping/carriers";

/** A carrier chosen by its name in the page's language; its label names only the field. */
export function CarrierSelect({
  label,
  carriers,
  name,
  value,
  defaultValue,
  onChange,
}: {
  label: string;
  carriers: readonly CarrierId[];
  name?: string;
  value?: CarrierId;
  defaultValue?: CarrierId;
  onChange?: (carrier: CarrierId) => void;
}) {
  const tCarrier = useTranslations("carrierName");
  const id = useId();
  return (
    <div className="text-sm">
      <label htmlFor={id} className="mb-1 block font-medium text-slate-700">
        {label}
      </label>
      <select
        id={id}
        name={name}
        value={value}
        defaultValue={defaultValue}
        onChange={onChange ? (e) => onChange(e.target.value as CarrierId) : undefined}
        className={inputClass}
      >
        {carriers.map((c) => (
          <option key={c} value={c}>
            {tCarrier(c)}
          </option>
        ))}
      </select>
    </div>
  );
}
