"use client";

import { useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ReviewDto } from "@/server/reviews/manage-reviews";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { formatOrderNumber } from "@/server/orders/order-number";
import { replyToReviewAction, setReviewStatusAction } from "../actions";

const BADGE = { pending: "bg-amber-50 text-amber-900", published: "bg-green-50 text-green-800", hidden: "bg-slate-100 text-slate-700" } as const;

/** One review: what the customer said (as text), its photos, and the merchant's publish / hide / reply. */
export function ReviewRow({ storeSlug, review, date }: { storeSlug: string; review: ReviewDto; date: string }) {
  const t = useTranslations("reviews");
  const router = useRouter();
  const [reply, setReply] = useState(review.reply ?? "");
  const [replying, setReplying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<{ ok: boolean; error?: { message: string } }>) =>
    startTransition(async () => {
      const result = await action();
      setError(result.ok ? null : (result.error?.message ?? null));
      if (result.ok) setReplying(false);
      router.refresh();
    });
  return (
    <li className="rounded-xl border border-slate-200 bg-white p-4" data-testid="review-row">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-lg tracking-wider text-amber-500" aria-label={t("rating", { count: review.rating })}>
          {"★".repeat(review.rating)}
          <span className="text-slate-300">{"★".repeat(5 - review.rating)}</span>
        </span>
        <span className="font-medium">{review.kind === "product" ? review.subject : t(`kinds.${review.kind}`, { name: review.subject })}</span>
        <span className={`rounded-full px-2 py-0.5 text-xs ${BADGE[review.status]}`}>{t(`status.${review.status}`)}</span>
        <span className="ms-auto text-sm text-slate-500">
          {review.authorName} · {date} ·{" "}
          <Link href={`/s/${storeSlug}/orders/${review.orderId}`} className="underline">
            {formatOrderNumber(review.orderNumber)}
          </Link>
        </span>
      </div>
      {review.body && <p className="mt-2 whitespace-pre-line [overflow-wrap:anywhere]">{review.body}</p>}
      {review.photos.length > 0 && (
        <div className="mt-2 flex gap-2">
          {review.photos.map((p) => (
            <a key={p.id} href={`/s/${storeSlug}/review-photos/${p.id}`} target="_blank" rel="noopener">
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img
                src={`/s/${storeSlug}/review-photos/${p.id}`}
                alt={t("photoOf", { name: review.subject })}
                width={80}
                height={80}
                loading="lazy"
                className="size-20 rounded-lg object-cover"
              />
            </a>
          ))}
        </div>
      )}
      {review.reply && !replying && (
        <p className="mt-2 rounded-lg bg-slate-50 p-2 text-sm">
          <span className="font-medium">{t("yourReply")} </span>
          {review.reply}
        </p>
      )}
      {replying && (
        <div className="mt-2 space-y-2">
          <textarea
            aria-label={t("reply")}
            rows={2}
            maxLength={1000}
            value={reply}
            onChange={(e) => setReply(e.target.value)}
            className={`${inputClass} py-2`}
          />
          <div className="flex gap-2">
            <Button type="button" disabled={pending} onClick={() => run(() => replyToReviewAction(storeSlug, { reviewId: review.id, reply }))}>
              {t("sendReply")}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setReplying(false)}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        {review.status !== "published" && (
          <Button type="button" disabled={pending} onClick={() => run(() => setReviewStatusAction(storeSlug, { reviewId: review.id, status: "published" }))}>
            {t("publish")}
          </Button>
        )}
        {review.status !== "hidden" && (
          <Button
            type="button"
            variant="secondary"
            disabled={pending}
            onClick={() => run(() => setReviewStatusAction(storeSlug, { reviewId: review.id, status: "hidden" }))}
          >
            {t("hide")}
          </Button>
        )}
        {!replying && review.kind !== "carrier" && (
          <Button type="button" variant="ghost" onClick={() => setReplying(true)}>
            {review.reply ? t("editReply") : t("reply")}
          </Button>
        )}
      </div>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
    </li>
  );
}
