import { useTranslations } from "next-intl";
import { Ltr, Typed } from "@/components/bidi";
import type { OrderAvailability } from "@/server/orders/availability";
import type { OrderDto } from "@/server/orders/order-dto";
import { Money } from "@/components/money";

type Props = { order: OrderDto; availability: OrderAvailability; branches: { id: string; name: string }[]; stockTakenFrom: string | null };

export function ItemsAvailability({ order, availability, branches, stockTakenFrom }: Props) {
  const t = useTranslations("order");
  const byLine = new Map(availability.lines.map((l) => [l.lineId, l]));
  const fillAll = branches.find((b) => b.id === availability.branchesThatCanFillAll[0]);
  return (
    <div>
      {stockTakenFrom ? (
        <p role="status" className="mb-3 rounded-lg bg-sky-50 px-3 py-2 text-sm text-sky-900">
          {t("stockTaken", { branch: stockTakenFrom })}
        </p>
      ) : fillAll ? (
        <p role="status" className="mb-3 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t("allAvailable", { branch: fillAll.name })}
        </p>
      ) : (
        <p role="status" className="mb-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("someLinesShort")}
        </p>
      )}
      <ul className="divide-y divide-slate-100">
        {order.items.map((item) => {
          const line = byLine.get(item.id);
          return (
            <li key={item.id} className="flex gap-3 py-3">
              <div aria-hidden className="flex size-14 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-lg font-semibold text-slate-400">
                {item.name.slice(0, 1)}
              </div>
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-start justify-between gap-x-4">
                  <p className="font-medium">
                    <Typed>{item.name}</Typed>
                  </p>
                  <p className="font-medium">
                    <Money amount={item.lineTotal} currency={order.totals.currency} />
                  </p>
                </div>
                <p className="text-sm text-slate-600">
                  {t("sku")}: <Ltr className="font-mono text-xs">{item.sku}</Ltr> · {t("quantity")}: <span className="tabular">{item.quantity}</span> ·{" "}
                  {t("unitPrice")}: <Money amount={item.unitPrice} currency={order.totals.currency} />
                </p>
                {line && (
                  <>
                    <ul className="mt-2 flex flex-wrap gap-2" aria-label={t("items")}>
                      {line.byBranch.map((b) => (
                        <li
                          key={b.branchId}
                          className={`rounded-md px-2 py-1 text-xs ${b.enough ? "bg-emerald-50 text-emerald-900" : b.onHand > 0 ? "bg-amber-50 text-amber-900" : "bg-red-50 text-red-800"}`}
                        >
                          <Typed>{b.branchName}</Typed>: <span className="tabular">{t("inStock", { count: b.onHand })}</span>
                        </li>
                      ))}
                    </ul>
                    {!stockTakenFrom && !line.fillableFromOneBranch && (
                      <p role="alert" className="mt-2 text-sm font-medium text-red-700">
                        {line.shortBy > 0 ? t("shortBy", { count: line.shortBy }) : t("notFromOneBranch")}
                      </p>
                    )}
                  </>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
