import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireStoreAccess } from "@/server/stores/store-access";
import { can } from "@/server/auth/permissions";
import { listDiscounts } from "@/server/reviews/discounts";
import { formatOrderNumber } from "@/server/orders/order-number";
import { Forbidden } from "@/components/forbidden";
import { Money } from "@/components/money";

export async function generateMetadata() {
  return { title: (await getTranslations("discounts"))("title") };
}

/** Every thank-you code: value, customer, expiry, used or not. */
export default async function DiscountsPage({ params }: { params: Promise<{ storeSlug: string }> }) {
  const { storeSlug } = await params;
  const { ctx, store } = await requireStoreAccess(storeSlug);
  if (!can(ctx.role, "reviews.manage")) return <Forbidden />;
  const [codes, t, format] = await Promise.all([listDiscounts(ctx), getTranslations("discounts"), getFormatter()]);
  return (
    <main className="max-w-5xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-slate-600">{t("intro")}</p>
      {codes.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          {t.rich("empty", {
            settings: (words) => (
              <Link href={`/s/${store.slug}/settings/reviews`} className="text-brand-700 underline">
                {words}
              </Link>
            ),
          })}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-start text-slate-600">
              <tr>
                {["code", "value", "customer", "expires", "state"].map((h) => (
                  <th key={h} className="px-3 py-2 text-start font-medium">
                    {t(`columns.${h}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {codes.map((d) => (
                <tr key={d.id} data-testid="discount-row">
                  <td dir="ltr" className="px-3 py-2 text-start font-mono">
                    {d.code}
                  </td>
                  <td className="px-3 py-2">
                    {d.kind === "percent" ? `${format.number(d.value)}%` : <Money amount={d.value} currency={store.currency} />}
                    {d.minOrder > 0 && (
                      <span className="block text-xs text-slate-500">
                        {t("minOrder")} <Money amount={d.minOrder} currency={store.currency} />
                      </span>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    <Link href={`/s/${store.slug}/customers/${d.customer.id}`} className="hover:underline">
                      {d.customer.name}
                    </Link>
                    {d.orderNumber && <span className="block text-xs text-slate-500">{t("forOrder", { number: formatOrderNumber(d.orderNumber) })}</span>}
                  </td>
                  <td className="px-3 py-2">{format.dateTime(new Date(d.expiresAt), { dateStyle: "medium", timeZone: store.timeZone })}</td>
                  <td className="px-3 py-2">
                    {d.usedAt ? (
                      <span className="rounded-full bg-green-50 px-2 py-0.5 text-xs text-green-800">
                        {t("used", { date: format.dateTime(new Date(d.usedAt), { dateStyle: "medium", timeZone: store.timeZone }) })}
                      </span>
                    ) : d.expired ? (
                      <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{t("expired")}</span>
                    ) : (
                      <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs text-brand-700">{t("unused")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
