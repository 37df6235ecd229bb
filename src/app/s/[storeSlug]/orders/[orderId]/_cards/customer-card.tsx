import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Ltr, Typed } from "@/components/bidi";
import { Card } from "@/components/ui/card";
import { BlockCustomer } from "../../../customers/_components/block-customer";
import type { CardProps } from "./card-props";
import { Row } from "./row";

export async function CustomerCard({ review, model, storeSlug }: CardProps) {
  const t = await getTranslations();
  const { order, customer } = review;
  return (
    <Card title={t("order.customer")}>
      <p className="font-medium">
        <Typed>{order.customer.name}</Typed>
      </p>
      <a
        href={`tel:${order.customer.phone}`}
        className="mt-1 inline-flex min-h-11 items-center gap-2 text-brand-700 hover:underline"
        aria-label={t("order.call", { phone: order.customer.phone })}
      >
        <Ltr className="tabular">{order.customer.phone}</Ltr>
      </a>
      <dl className="mt-1 divide-y divide-slate-100">
        {customer.email && (
          <Row label={t("order.email")}>
            <Ltr>{customer.email}</Ltr>
          </Row>
        )}
        {customer.city && <Row label={t("order.city")}>{customer.city}</Row>}
      </dl>
      <p className="mt-2 text-sm text-slate-600">{t("order.previousOrders", { count: customer.previousOrders })}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Link href={`/s/${storeSlug}/customers/${order.customer.id}`} className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
          {t("customers.viewCustomer")}
        </Link>
        {model.may.blockCustomer && <BlockCustomer storeSlug={storeSlug} customerId={order.customer.id} blocked={!!customer.blocked} />}
      </div>
    </Card>
  );
}
