"use client";

import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { ReviewPage } from "@/server/reviews/review-page";
import { formatMoney } from "@/server/money/money";
import { moneyLocale } from "@/components/money";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { MAX_PHOTO_BYTES, MAX_REVIEW_BODY_BYTES } from "@/server/reviews/photo-limits";

const MAX_BYTES = MAX_PHOTO_BYTES;
const TYPES = ["image/jpeg", "image/png", "image/webp"];

type Answer = { rating: number | null; text: string };

/** Stars, a few words and photos per product; the order experience and the carrier when asked. */
export function ReviewForm({ token, page: initial, shareUrl }: { token: string; page: ReviewPage; shareUrl: string }) {
  const t = useTranslations("reviewPage");
  const [page, setPage] = useState(initial);
  const [editing, setEditing] = useState(!initial.submittedAt);
  const [answers, setAnswers] = useState<Record<string, Answer>>(() => ({
    ...Object.fromEntries(initial.products.map((p) => [p.productId, { rating: p.rating, text: p.text ?? "" }])),
    experience: { rating: initial.experience.rating, text: initial.experience.text ?? "" },
    carrier: { rating: initial.carrier.rating, text: initial.carrier.text ?? "" },
  }));
  const [files, setFiles] = useState<Record<string, File[]>>({});
  const [fields, setFields] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  // An answer that changes takes its field's error away with it: what is fixed no longer says it is wrong.
  const fieldOf = (key: string) => (key === "experience" || key === "carrier" ? key : `products.${page.products.findIndex((p) => p.productId === key)}`);
  const set = (key: string, patch: Partial<Answer>) => {
    setAnswers((a) => ({ ...a, [key]: { ...a[key], ...patch } }));
    setFields((f) => Object.fromEntries(Object.entries(f).filter(([k]) => !k.startsWith(`${fieldOf(key)}.`) && k !== "form")));
  };

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const local: Record<string, string> = {};
    page.products.forEach((p, i) => {
      if (!answers[p.productId].rating) local[`products.${i}.rating`] = t("rateThis", { name: p.name });
    });
    if (page.experience.asked && !answers.experience.rating) local["experience.rating"] = t("rateExperience");
    if (page.carrier.asked && !answers.carrier.rating) local["carrier.rating"] = t("rateCarrier", { name: page.carrier.name ?? "" });
    if (Object.keys(local).length) return setFields(local);
    const form = new FormData();
    form.set(
      "payload",
      JSON.stringify({
        products: page.products.map((p) => ({ productId: p.productId, rating: answers[p.productId].rating, text: answers[p.productId].text })),
        ...(page.experience.asked ? { experience: { rating: answers.experience.rating, text: answers.experience.text } } : {}),
        ...(page.carrier.asked ? { carrier: { rating: answers.carrier.rating, text: answers.carrier.text } } : {}),
      }),
    );
    for (const [productId, list] of Object.entries(files)) for (const f of list) form.append(`photos.${productId}`, f);
    // The same limit as the server's, said before the upload rather than after it.
    const total = Object.values(files)
      .flat()
      .reduce((sum, f) => sum + f.size, 0);
    if (total > MAX_REVIEW_BODY_BYTES - 1024 * 1024)
      return setFields({ form: t("photosTooBigTogether", { mb: Math.floor(MAX_REVIEW_BODY_BYTES / 1024 / 1024) }) });
    setPending(true);
    try {
      const response = await fetch(`/api/public/reviews/${token}`, { method: "POST", body: form });
      if (response.status === 413) return setFields({ form: t("photosTooBigTogether", { mb: Math.floor(MAX_REVIEW_BODY_BYTES / 1024 / 1024) }) });
      if (response.status === 429) return setFields({ form: t("tooManyTries") });
      const body = await response.json();
      if (!response.ok) return setFields(body.error.fields ?? { form: body.error.message });
      setFields({});
      setFiles({});
      setPage(body.data);
      setEditing(false);
    } catch {
      setFields({ form: t("offline") });
    } finally {
      setPending(false);
    }
  }

  if (!editing) return <ThankYou page={page} shareUrl={shareUrl} onEdit={page.editable ? () => setEditing(true) : undefined} />;

  const error = (key: string) =>
    fields[key] && (
      <p role="alert" className="mt-1 text-sm text-red-700">
        {fields[key]}
      </p>
    );
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {page.products.map((p, i) => (
        <section key={p.productId} aria-label={p.name} className="space-y-2 rounded-2xl border border-slate-200 bg-white p-4">
          <h2 className="font-semibold">{p.name}</h2>
          <Stars label={t("ratingFor", { name: p.name })} value={answers[p.productId].rating} onChange={(n) => set(p.productId, { rating: n })} />
          {error(`products.${i}.rating`)}
          <textarea
            aria-label={t("textFor", { name: p.name })}
            placeholder={t("textPlaceholder")}
            rows={3}
            maxLength={2000}
            value={answers[p.productId].text}
            onChange={(e) => set(p.productId, { text: e.target.value })}
            className={`${inputClass} py-2`}
          />
          {page.askPhotos && (
            <div className="text-sm">
              <label className="block">
                <span className="mb-1 block font-medium text-slate-700">{t("photos", { left: 3 - p.photos })}</span>
                <input
                  type="file"
                  accept={TYPES.join(",")}
                  multiple
                  aria-label={t("photosFor", { name: p.name })}
                  disabled={p.photos >= 3}
                  onChange={(e) => {
                    const chosen = [...(e.target.files ?? [])];
                    const problem = chosen.length + p.photos > 3 ? t("tooManyPhotos") : chosen.find((f) => f.size > MAX_BYTES) ? t("photoTooBig") : null;
                    setFields((f) => ({ ...f, [`photos.${p.productId}`]: problem ?? "" }));
                    setFiles((current) => ({ ...current, [p.productId]: problem ? [] : chosen }));
                  }}
                  className="block w-full text-sm file:me-3 file:min-h-11 file:rounded-lg file:border-0 file:bg-slate-100 file:px-4"
                />
              </label>
              {Object.entries(fields)
                .filter(([k, v]) => v && k.startsWith(`photos.${p.productId}`))
                .map(([k, v]) => (
                  <p key={k} role="alert" className="mt-1 text-red-700">
                    {v}
                  </p>
                ))}
            </div>
          )}
        </section>
      ))}
      {page.experience.asked && (
        <section aria-label={t("experience")} className="space-y-2 rounded-2xl border border-slate-200 bg-white p-4">
          <h2 className="font-semibold">{t("experience")}</h2>
          <Stars label={t("experience")} value={answers.experience.rating} onChange={(n) => set("experience", { rating: n })} />
          {error("experience.rating")}
          <textarea
            aria-label={t("experienceText")}
            rows={2}
            maxLength={2000}
            value={answers.experience.text}
            onChange={(e) => set("experience", { text: e.target.value })}
            className={`${inputClass} py-2`}
          />
        </section>
      )}
      {page.carrier.asked && (
        <section aria-label={t("carrier", { name: page.carrier.name ?? "" })} className="space-y-2 rounded-2xl border border-slate-200 bg-white p-4">
          <h2 className="font-semibold">{t("carrier", { name: page.carrier.name ?? "" })}</h2>
          <Stars label={t("carrier", { name: page.carrier.name ?? "" })} value={answers.carrier.rating} onChange={(n) => set("carrier", { rating: n })} />
          {error("carrier.rating")}
        </section>
      )}
      {error("form")}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("sending") : page.submittedAt ? t("saveChanges") : t("submit")}
      </Button>
    </form>
  );
}

function Stars({ label, value, onChange }: { label: string; value: number | null; onChange: (n: number) => void }) {
  const t = useTranslations("reviewPage");
  return (
    <div role="radiogroup" aria-label={label} className="flex gap-1">
      {[1, 2, 3, 4, 5].map((n) => (
        <label key={n} className="relative cursor-pointer">
          <input type="radio" className="peer sr-only" checked={value === n} onChange={() => onChange(n)} aria-label={t("stars", { count: n })} />
          <span
            aria-hidden
            className={`flex size-11 items-center justify-center text-3xl peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600 ${value !== null && n <= value ? "text-amber-500" : "text-slate-300"}`}
          >
            ★
          </span>
        </label>
      ))}
    </div>
  );
}

function ThankYou({ page, shareUrl, onEdit }: { page: ReviewPage; shareUrl: string; onEdit?: () => void }) {
  const t = useTranslations("reviewPage");
  const format = useFormatter();
  const [copied, setCopied] = useState(false);
  const product = page.products[0]?.name ?? page.store.name;
  const text = t("shareText", { product, store: page.store.name });
  const d = page.discount;
  return (
    <section className="space-y-4 rounded-2xl border border-slate-200 bg-white p-4 text-center" data-testid="review-thanks">
      <h2 className="text-xl font-semibold">{t("thanks")}</h2>
      {d && (
        <div className="rounded-xl border-2 border-dashed border-brand-600 bg-brand-50 p-4">
          <p className="text-sm">
            {d.kind === "percent"
              ? t("discountPercent", { percent: d.value })
              : t("discountFixed", { amount: formatMoney(d.value, d.currency, moneyLocale(page.store.locale)) })}
          </p>
          <p dir="ltr" className="my-2 font-mono text-2xl font-semibold tracking-wider" data-testid="discount-code">
            {d.code}
          </p>
          <p className="text-xs text-slate-600">
            {t("discountTerms", { date: format.dateTime(new Date(d.expiresAt), { dateStyle: "medium" }) })}
            {d.minOrder > 0 && ` ${t("discountMin", { amount: formatMoney(d.minOrder, d.currency, moneyLocale(page.store.locale)) })}`}
          </p>
        </div>
      )}
      <div>
        <p className="mb-2 text-sm font-medium">{t("share")}</p>
        <div className="flex flex-wrap justify-center gap-2">
          <a
            className="inline-flex min-h-11 items-center rounded-lg bg-[#25D366] px-4 text-sm font-medium text-white"
            href={`https://wa.me/?text=${encodeURIComponent(`${text} ${shareUrl}`)}`}
            target="_blank"
            rel="noopener noreferrer"
          >
            WhatsApp
          </a>
          <a
            className="inline-flex min-h-11 items-center rounded-lg bg-black px-4 text-sm font-medium text-white"
            href={`https://x.com/intent/post?text=${encodeURIComponent(text)}&url=${encodeURIComponent(shareUrl)}`}
            target="_blank"
            rel="noopener noreferrer"
          >
            X
          </a>
          <a
            className="inline-flex min-h-11 items-center rounded-lg bg-[#FFFC00] px-4 text-sm font-medium text-black"
            href={`https://www.snapchat.com/share?link=${encodeURIComponent(shareUrl)}`}
            target="_blank"
            rel="noopener noreferrer"
          >
            Snapchat
          </a>
          <Button
            type="button"
            variant="secondary"
            onClick={async () => {
              await navigator.clipboard.writeText(shareUrl);
              setCopied(true);
            }}
          >
            {copied ? t("copied") : t("instagram")}
          </Button>
        </div>
      </div>
      {onEdit && (
        <Button type="button" variant="ghost" onClick={onEdit}>
          {t("edit")}
        </Button>
      )}
    </section>
  );
}
