"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SaveFooter } from "@/components/ui/save-footer";
import { inputClass } from "@/components/ui/field";
import { countSmsSegments } from "@/server/notifications/sms-segments";
import { replyToCustomerAction } from "../[orderId]/actions";
import { estimateMicros, formatMicros, type MessagePrices } from "@/server/notifications/message-prices";

/** A person writes to the customer: the channel it will take, and for SMS how many parts, before sending. */
export function ReplyForm({
  storeSlug,
  orderId,
  channel,
  until,
  prices,
}: {
  storeSlug: string;
  orderId: string;
  channel: "sms" | "whatsapp";
  until: string | null;
  prices: MessagePrices;
}) {
  const t = useTranslations("order.reply");
  const router = useRouter();
  const [text, setText] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      aria-label={t("title")}
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await replyToCustomerAction(storeSlug, { orderId, text });
          setMessage(result.ok ? { ok: true, text: t("sent") } : { ok: false, text: result.error.message });
          if (result.ok) {
            setText("");
            router.refresh();
          }
        });
      }}
    >
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">{t("label")}</span>
        <textarea dir="auto" value={text} onChange={(e) => setText(e.target.value)} maxLength={1000} rows={3} className={inputClass} disabled={pending} />
      </label>
      <p className="text-xs text-slate-600">
        {channel === "sms" ? t("via.sms", { parts: countSmsSegments(text).parts }) : t("via.whatsapp", { until: until ?? "" })}{" "}
        {t("estimate", { cost: formatMicros(estimateMicros({ channel: channel === "sms" ? "SMS" : "WHATSAPP", body: text }, prices), prices.unit) })}
      </p>
      <SaveFooter canEdit pending={pending} ready={!!text.trim()} label={t("send")} message={message} />
    </form>
  );
}
