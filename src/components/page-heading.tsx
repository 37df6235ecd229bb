import type { ReactNode } from "react";

/** A page's title and the sentence under it that says what the page is for. */
export function PageHeading({ title, intro, children }: { title: ReactNode; intro?: ReactNode; children?: ReactNode }) {
  return (
    <div>
      <h1 className="text-2xl font-semibold">{title}</h1>
      {intro && <p className="mt-1 text-slate-600">{intro}</p>}
      {children}
    </div>
  );
}
