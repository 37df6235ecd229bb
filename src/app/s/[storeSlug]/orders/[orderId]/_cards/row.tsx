/** A label and its value, in a card's list. */
export function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 py-1.5 text-sm">
      <dt className="text-slate-600">{label}</dt>
      <dd className="text-end font-medium">{children}</dd>
    </div>
  );
}
