import { useLocale } from "next-intl";
import { formatMoney, moneyLocale } from "@/server/money/money";

export { moneyLocale };

/** An amount in minor units, formatted by Intl for the reader's language. */

export function Money({ amount, currency }: { amount: number; currency: string }) {
  const locale = useLocale();
  return <span className="tabular whitespace-nowrap">{formatMoney(amount, currency, moneyLocale(locale))}</span>;
}
