import type { InputHTMLAttributes } from "react";

export const inputClass =
  "block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-sm shadow-xs focus:border-brand-600 focus:ring-2 focus:ring-brand-600/20 focus:outline-none";

export function Field({ label, error, ...props }: InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; error?: string }) {
  const id = props.id ?? `field-${props.name}`;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input {...props} id={id} aria-invalid={!!error} aria-describedby={error ? `${id}-error` : undefined} className={inputClass} />
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
