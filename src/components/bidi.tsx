/**
 * Mixed-direction text, said once. In a right-to-left page a Latin fragment, a number or a "@" beside
 * other words is reordered by the Unicode bidi algorithm unless it is isolated: "@Sara" shows as
 * "Sara@", a tracking number runs into the carrier's name. Everything a person typed, and everything
 * that is always written left to right, goes through one of these two.
 */
import type { ReactNode } from "react";

/** What someone typed (a name, a note, a product, a comment): isolated, in the direction of its own first letter. */
export function Typed({ children, className }: { children: ReactNode; className?: string }) {
  return <bdi className={className}>{children}</bdi>;
}

/** Always left to right, and isolated from the words around it: phone numbers, tracking numbers, SKUs, codes, emails, @handles. */
export function Ltr({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <bdi dir="ltr" className={className}>
      {children}
    </bdi>
  );
}
