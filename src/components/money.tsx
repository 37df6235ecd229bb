import { useLocale } from "next-intl";
import { formatMoney } from "@/server/money/money";

/** An amount in minor units, formatted by Intl for the reader's language. */
/** Saudi conventions for each interface language (Arabic-Indic digits in Arabic). */
export const moneyLocale = (locale: string) => (locale === "ar" ? "ar-SA" : "en-SA");

export function Money({ amount, currency }: { amount: number; currency: string }) {
  const locale = useLocale();
  return <span className="tabular whitespace-nowrap">{formatMoney(amount, currency, moneyLocale(locale))}</span>;
}
