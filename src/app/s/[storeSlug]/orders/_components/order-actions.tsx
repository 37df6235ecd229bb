"use client";

import { useMemo, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { countSmsSegments } from "@/server/notifications/sms-segments";
import type { OrderStatus } from "@/server/orders/order-status";
import type { ActionError } from "@/server/actions/action-client";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { parseMinorUnits } from "@/server/money/money";
import { executeOrderAction } from "../[orderId]/actions";

type Props = {
  storeSlug: string;
  orderId: string;
  version: number;
  allowed: OrderStatus[];
  refundable: number;
  /** The most this person may refund at once (staff, by the store's setting); null: all that is refundable. */
  refundLimit?: number | null;
  currencyDigits: number;
  smsEnabled: boolean;
  /** How the customer is messaged: the switch says it, and SMS parts are counted only for SMS. */
  channel?: "sms" | "whatsapp" | "whatsapp_then_sms";
  /** The SMS each move would send, before the note is added. */
  previews: Partial<Record<OrderStatus, string>>;
  couriers?: { id: string; name: string; phone: string | null }[];
};

export function OrderActions({
  storeSlug,
  orderId,
  version,
  allowed,
  refundable,
  refundLimit = null,
  currencyDigits,
  smsEnabled,
  channel = "sms",
  previews,
  couriers = [],
}: Props) {
  const refundDefault = refundLimit === null ? refundable : Math.min(refundable, refundLimit);
  const asMoney = (minor: number) => (minor / 10 ** currencyDigits).toFixed(currencyDigits);
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [to, setTo] = useState<OrderStatus | "">("");
  const [note, setNote] = useState("");
  const [sms, setSms] = useState(smsEnabled);
  const [error, setError] = useState<ActionError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // A saved courier is picked by name; "other" lets staff type one in.
  const [courierId, setCourierId] = useState(couriers[0]?.id ?? "other");
  const savedCourier = couriers.find((c) => c.id === courierId);
  // One key per intended change: a double click or a retry of the same form is one change.
  const idempotencyKey = useMemo(() => `${orderId}:${version}:${attempt}:${crypto.randomUUID()}`, [orderId, version, attempt]);

  const message = to && previews[to] ? `${previews[to]}${note ? ` ${note}` : ""}` : "";
  const segments = countSmsSegments(message);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!to) return;
    const form = new FormData(event.currentTarget);
    const refund = String(form.get("refundAmount") ?? "").trim();
    startTransition(async () => {
      const result = await executeOrderAction(storeSlug, {
        orderId,
        idempotencyKey,
        to,
        expectedVersion: version,
        customerNote: note || undefined,
        notifyCustomer: smsEnabled ? sms : false,
        ...(to === "refunded" && refund ? { refundAmount: parseMinorUnits(refund, currencyDigits) } : {}),
        ...(to === "shipped"
          ? {
              shipment: {
                courierName: savedCourier?.name ?? String(form.get("courierName") ?? ""),
                courierPhone: (savedCourier ? savedCourier.phone : String(form.get("courierPhone") ?? "")) || undefined,
                trackingNumber: String(form.get("trackingNumber") ?? "") || undefined,
              },
            }
          : {}),
      });
      if (result.ok) {
        setError(null);
        // A partial refund leaves the order where it was: say what was refunded instead.
        setDone(
          to === "refunded" && result.data.payment.status === "partially_refunded"
            ? t("actions.partialRefundDone", { amount: refund || asMoney(refundDefault) })
            : t("actions.done", { status: t(`status.${result.data.status}`) }),
        );
        setTo("");
        setNote("");
        setAttempt((a) => a + 1);
      } else {
        setDone(null);
        setError(result.error);
        setAttempt((a) => a + 1);
      }
      router.refresh();
    });
  }

  const errorText = (e: ActionError) => {
    if (e.code === "ORDER_VERSION_CONFLICT") {
      const now = (e.details?.order as { status?: OrderStatus } | undefined)?.status;
      return t("actions.conflict", { name: String(e.details?.changedBy ?? ""), status: now ? t(`status.${now}`) : "" });
    }
    if (e.code === "ORDER_INVALID_TRANSITION") return t("actions.invalid");
    if (e.code === "FORBIDDEN" && e.details?.reason === "refund_over_staff_limit")
      return t("actions.refundOverLimit", { limit: asMoney(Number(e.details.limit)) });
    if (e.code === "FORBIDDEN" && e.details?.reason === "refunds_not_allowed_for_staff") return t("actions.refundsNotForStaff");
    if (e.fields) return t("errors.VALIDATION_FAILED");
    return t.has(`errors.${e.code}`) ? t(`errors.${e.code}` as "errors.generic") : t("errors.generic");
  };
  const fieldError = (name: string) => error?.fields?.[name];

  const messages = (
    <>
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {errorText(error)}
        </p>
      )}
      {done && (
        <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {done}
        </p>
      )}
    </>
  );

  // The outcome of the last action stays in view even when it leaves no further move to make.
  if (allowed.length === 0) {
    return (
      <div className="space-y-3" aria-label={t("order.actions")} role="form">
        {messages}
        <p className="text-sm text-slate-600">{t("actions.none")}</p>
      </div>
    );
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label={t("order.actions")}>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("actions.newStatus")}</legend>
        <div className="grid gap-2">
          {allowed.map((s) => (
            <label
              key={s}
              className={`flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border px-3 text-sm ${to === s ? "border-brand-600 bg-brand-50" : "border-slate-200"}`}
            >
              <input type="radio" name="to" value={s} checked={to === s} onChange={() => setTo(s)} className="size-4 accent-brand-600" />
              {t(`status.${s}`)}
            </label>
          ))}
        </div>
      </fieldset>

      {to === "shipped" && (
        <div className="grid gap-2 rounded-lg bg-slate-50 p-3">
          {couriers.length > 0 && (
            <div className="text-sm">
              <label htmlFor={`courier-${orderId}`} className="mb-1 block font-medium text-slate-700">
                {t("actions.courier")}
              </label>
              <select id={`courier-${orderId}`} name="courierId" value={courierId} onChange={(e) => setCourierId(e.target.value)} className={inputClass}>
                {couriers.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
                <option value="other">{t("actions.otherCourier")}</option>
              </select>
            </div>
          )}
          {!savedCourier && (
            <>
              <label className="text-sm">
                <span className="mb-1 block font-medium text-slate-700">{t("actions.courierName")}</span>
                <input name="courierName" required maxLength={80} className={inputClass} aria-invalid={!!fieldError("shipment.courierName")} />
                {fieldError("shipment.courierName") && <span className="mt-1 block text-red-700">{t("actions.courierRequired")}</span>}
              </label>
              <label className="text-sm">
                <span className="mb-1 block font-medium text-slate-700">{t("actions.courierPhone")}</span>
                <input name="courierPhone" type="tel" dir="ltr" maxLength={32} className={inputClass} />
              </label>
            </>
          )}
          <label className="text-sm">
            <span className="mb-1 block font-medium text-slate-700">{t("actions.trackingNumber")}</span>
            <input name="trackingNumber" dir="ltr" maxLength={80} className={inputClass} />
          </label>
        </div>
      )}

      {to === "refunded" && (
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("actions.refundAmount")}</span>
          <input
            name="refundAmount"
            inputMode="decimal"
            dir="ltr"
            defaultValue={asMoney(refundDefault)}
            className={inputClass}
            aria-invalid={!!fieldError("refundAmount")}
          />
          <span className="mt-1 block text-slate-600">
            {refundLimit !== null && refundLimit < refundable
              ? t("actions.refundLimitHint", { limit: asMoney(refundLimit) })
              : t("actions.refundPartialHint", { refundable: asMoney(refundable) })}
          </span>
          {fieldError("refundAmount") && <span className="mt-1 block text-red-700">{t("actions.refundTooMuch")}</span>}
        </label>
      )}

      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">{t("actions.customerNote")}</span>
        <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} rows={3} className={`${inputClass} py-2`} />
      </label>

      {smsEnabled ? (
        <div className="space-y-1">
          <label className="flex min-h-11 items-center gap-3 text-sm">
            <input type="checkbox" role="switch" checked={sms} onChange={(e) => setSms(e.target.checked)} className="size-5 accent-brand-600" />
            {t(channel === "sms" ? "actions.sendSms" : channel === "whatsapp" ? "actions.sendWhatsapp" : "actions.sendWhatsappThenSms")}
          </label>
          {sms && to && (
            <div aria-live="polite">
              <p dir="auto" className="rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-800" aria-label={t("actions.smsPreview")}>
                {message}
              </p>
              {channel === "sms" && <p className="mt-1 text-xs text-slate-600">{t("actions.smsParts", { chars: segments.units, parts: segments.parts })}</p>}
            </div>
          )}
        </div>
      ) : (
        <p className="text-xs text-slate-600">{t("actions.smsOff")}</p>
      )}

      {messages}
      <Button type="submit" className="w-full" disabled={!to || pending}>
        {pending ? t("actions.executing") : t("order.executeAction")}
      </Button>
    </form>
  );
}
