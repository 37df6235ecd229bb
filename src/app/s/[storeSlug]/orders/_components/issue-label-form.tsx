"use client";

import { useMemo, useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { PICKUP_WINDOW_HOURS } from "@/server/shipping/carriers";
import type { ActionError } from "@/server/actions/action-client";
import type { LabelCarrierOption } from "@/server/orders/get-order-review";
import { cmToMm, quote, smallerBoxHint } from "@/server/shipping/weights";
import { formatMoney, intlLocale } from "@/server/money/money";
import {
  rankCarriers,
  MIN_DELIVERIES,
  MIN_RATINGS,
  RANKING_DAYS,
  type CarrierStats,
  type PreselectRule,
  type Verdict,
} from "@/server/shipping/carrier-ranking";
import { isKnownCity } from "@/server/shipping/cities";
import { moneyLocale } from "@/components/money";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { issueLabelAction } from "./label-actions";

type Carrier = LabelCarrierOption;
type Props = {
  storeSlug: string;
  orderId: string;
  currency: string;
  branches: { id: string; name: string }[];
  defaultBranchId: string | null;
  /** The shipping method the customer chose at checkout, e.g. "Aramex". */
  checkoutMethod?: string | null;
  options: {
    carriers: Carrier[];
    pricingUnavailable?: boolean;
    boxes: { id: string; name: string; lengthCm: number; widthCm: number; heightCm: number }[];
    walletBalance: number;
    codAmount: number;
    suggestedGrams: number;
    pickupSlots: Record<string, Record<string, string[]>>;
    timeZone: string;
    /** How the carriers did to the order's city lately, and the store's rule for picking one. */
    scorecard: { city: string; stats: Record<string, CarrierStats>; rule: PreselectRule; onTimeDays: number };
    /** The parcel as packed at the packing station. */
    packed?: { weightGrams: number | null; lengthMm: number | null; widthMm: number | null; heightMm: number | null } | null;
  };
  /** The order's city as the customer wrote it (shown when Tajer has no words for it). */
  city: string;
  /** The reader may open the carrier scorecard. */
  scorecardLink?: boolean;
};
type Pkg = { weightKg: string; lengthCm: string; widthCm: string; heightCm: string };

/** The enabled carrier a checkout's shipping method names, if any. */
function checkoutCarrier(method: string | null | undefined, carriers: { id: string; name: string }[]): string | null {
  const m = (method ?? "").trim().toLowerCase();
  if (!m) return null;
  return carriers.find((c) => c.id === m || c.name.toLowerCase() === m || c.name.toLowerCase().startsWith(m) || m.startsWith(c.id))?.id ?? null;
}

/** Order Actions → Issue Shipping Label: packages, a live quote per carrier, hand-over, paid from the wallet. */
export function IssueLabelForm({ storeSlug, orderId, currency, branches, defaultBranchId, checkoutMethod, options, city, scorecardLink }: Props) {
  const t = useTranslations("label");
  const tCity = useTranslations("cities");
  const locale = useLocale();
  const router = useRouter();
  const money = (minor: number) => formatMoney(minor, currency, moneyLocale(locale));
  const firstBox = options.boxes[1] ?? options.boxes[0];
  // The box and weight from the packing station, when the order was packed there; else the catalog's guess.
  const packed = options.packed;
  const [packages, setPackages] = useState<Pkg[]>([
    {
      weightKg: ((packed?.weightGrams ?? options.suggestedGrams) / 1000).toFixed(2),
      lengthCm: String(packed?.lengthMm ? packed.lengthMm / 10 : (firstBox?.lengthCm ?? 30)),
      widthCm: String(packed?.widthMm ? packed.widthMm / 10 : (firstBox?.widthCm ?? 20)),
      heightCm: String(packed?.heightMm ? packed.heightMm / 10 : (firstBox?.heightCm ?? 10)),
    },
  ]);
  const [branchId, setBranchId] = useState(defaultBranchId ?? branches[0]?.id ?? "");
  // The carrier the customer chose at checkout ("Aramex", "aramex", "SMSA") is picked to begin with.
  // Otherwise the store's rule may preselect one (below, from the ranking at the current prices).
  const [carrier, setCarrier] = useState<string>(() => checkoutCarrier(checkoutMethod, options.carriers) ?? "");
  const [handover, setHandover] = useState<"pickup" | "dropoff">("dropoff");
  const [pickupAt, setPickupAt] = useState("");
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  const [attempt, setAttempt] = useState(0);
  const idempotencyKey = useMemo(() => `${orderId}:label:${attempt}:${crypto.randomUUID()}`, [orderId, attempt]);

  const parsed = packages.map((p) => ({
    weightGrams: Math.round(Number(p.weightKg) * 1000),
    lengthMm: cmToMm(Number(p.lengthCm)),
    widthMm: cmToMm(Number(p.widthCm)),
    heightMm: cmToMm(Number(p.heightCm)),
  }));
  const valid = parsed.every((p) => p.weightGrams > 0 && p.lengthMm > 0 && p.widthMm > 0 && p.heightMm > 0);
  // What is wrong with the packages, field by field, instead of carriers silently disappearing.
  const fieldLabels = { weightKg: t("weightKg"), lengthCm: t("length"), widthCm: t("width"), heightCm: t("height") } as const;
  const packageProblems = packages.flatMap((p, i) =>
    (Object.keys(fieldLabels) as (keyof typeof fieldLabels)[])
      .filter((k) => !(Number(p[k]) > 0))
      .map((k) => t("packageFieldInvalid", { n: i + 1, field: fieldLabels[k] })),
  );
  const quotes = valid
    ? options.carriers
        .map((c) => {
          // The same rule as the server: the platform's price on its contract, the platform's fee on the store's own account.
          const q = quote(parsed, c.rates, { cashOnDelivery: options.codAmount > 0 });
          return { carrier: c, ...q, price: c.billing === "own_account" ? c.fee : q.price };
        })
        .sort((a, b) => a.price - b.price)
    : [];
  const { scorecard } = options;
  // Carriers ranked for this order's city on the store's own deliveries there, at the prices quoted now.
  const ranked = rankCarriers(
    quotes.map((q) => ({ ...q, id: q.carrier.id })),
    scorecard.stats,
    scorecard.rule,
  );
  const cheapest = quotes[0]?.carrier.id;
  const picked = ranked.find((q) => q.verdict === "pick")?.id ?? "";
  const selected = carrier || picked;
  const chosen = quotes.find((q) => q.carrier.id === selected) ?? null;
  const number = (n: number) => new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(n);
  const percent = (share: number | null) => (share === null ? "—" : number(Math.round(share * 100)));
  // A known city by its name in the reader's language; another one as the customer wrote it, isolated.
  const cityName = isKnownCity(scorecard.city) ? tCity(scorecard.city as "riyadh") : `\u2068${city}\u2069`;
  const verdictText = (verdict: Verdict, stats: CarrierStats | null) => {
    const { maxDays, minRating } = scorecard.rule;
    switch (verdict) {
      case "pick":
        return t("rank.verdict.pick", { maxDays: number(maxDays), minRating: number(minRating) });
      case "meets":
        return t("rank.verdict.meets");
      case "slower":
        return t("rank.verdict.slower", { maxDays: number(maxDays) });
      case "fewRatings":
        return t("rank.verdict.fewRatings", { count: stats?.ratingCount ?? 0, min: MIN_RATINGS });
      case "ratedLower":
        return t("rank.verdict.ratedLower", { rating: number(stats?.rating ?? 0), minRating: number(minRating) });
      case "thin":
        return t("rank.verdict.thin", { city: cityName, delivered: stats?.delivered ?? 0, min: MIN_DELIVERIES });
      default:
        return null;
    }
  };
  const short = chosen ? chosen.price > options.walletBalance : false;
  // Pickups are booked in the slots the branch's hours and the carrier's drivers allow, on the store's clock.
  const slots = (chosen && options.pickupSlots[branchId]?.[chosen.carrier.id]) || [];
  const format = useFormatter();
  const slotLabel = (start: string) => {
    const from = new Date(start);
    const to = new Date(from.getTime() + PICKUP_WINDOW_HOURS * 3_600_000);
    const day = format.dateTime(from, { weekday: "short", day: "numeric", month: "short", timeZone: options.timeZone });
    const time = (d: Date) => format.dateTime(d, { hour: "2-digit", minute: "2-digit", timeZone: options.timeZone });
    return `${day} · ${time(from)}–${time(to)}`;
  };
  const hint = valid && options.carriers[0] ? smallerBoxHint(parsed[0], options.carriers[0].rates.volumetricDivisor) : null;

  const setPkg = (i: number, patch: Partial<Pkg>) => setPackages((all) => all.map((p, j) => (i === j ? { ...p, ...patch } : p)));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    startTransition(async () => {
      const result = await issueLabelAction(storeSlug, {
        orderId,
        idempotencyKey,
        branchId,
        carrier: chosen.carrier.id as "aramex",
        handover,
        ...(handover === "pickup" && pickupAt ? { pickupAt } : {}),
        packages: packages.map((p) => ({
          weightGrams: Math.round(Number(p.weightKg) * 1000),
          lengthCm: Number(p.lengthCm),
          widthCm: Number(p.widthCm),
          heightCm: Number(p.heightCm),
        })),
      });
      setAttempt((a) => a + 1);
      if (result.ok) {
        setError(null);
        router.refresh();
      } else setError(result.error);
    });
  }

  const errorText = (e: ActionError) => {
    if (e.code === "INSUFFICIENT_BALANCE") return t("short", { balance: money(Number(e.details?.balance)), price: money(Number(e.details?.required)) });
    if (e.code === "CARRIER_ERROR") return t("carrierFailed", { reason: e.message });
    if (e.code === "HANDOVER_NOT_SUPPORTED") return t("noPickup");
    if (e.code === "RATE_UNAVAILABLE") return t("rateUnavailable");
    if (e.code === "PICKUP_SLOT_UNAVAILABLE") return t(e.details?.reason === "past" ? "pickupPast" : "pickupClosed");
    if (e.code === "LABEL_IN_PROGRESS" || (e.code === "CONFLICT" && e.details?.reason === "order_moved_on")) {
      return t(`inProgress.${String(e.details?.reason ?? "label_exists") as "label_exists"}`);
    }
    if (e.code === "ORDER_INVALID_TRANSITION") return t("notInProgress");
    return e.fields
      ? Object.entries(e.fields)
          .map(([f, m]) => `${f} ${m}`)
          .join("; ")
      : e.message;
  };

  if (options.pricingUnavailable)
    return (
      <p role="alert" className="text-sm text-red-800">
        {t("pricingUnavailable")}
      </p>
    );
  if (!options.carriers.length) return <p className="text-sm text-slate-600">{t("noCarriers")}</p>;

  return (
    <form onSubmit={submit} className="space-y-3" aria-label={t("title")}>
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">{t("branch")}</span>
        <select
          value={branchId}
          onChange={(e) => {
            setBranchId(e.target.value);
            setPickupAt("");
          }}
          className={inputClass}
        >
          {branches.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </label>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">{t("packages")}</legend>
        {packages.map((p, i) => (
          <div key={i} className="space-y-2 rounded-lg bg-slate-50 p-2">
            <select
              aria-label={t("box", { n: i + 1 })}
              defaultValue=""
              onChange={(e) => {
                const b = options.boxes.find((x) => x.id === e.target.value);
                if (b) setPkg(i, { lengthCm: String(b.lengthCm), widthCm: String(b.widthCm), heightCm: String(b.heightCm) });
              }}
              className={inputClass}
            >
              <option value="">{t("customBox")}</option>
              {options.boxes.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name} ({b.lengthCm}×{b.widthCm}×{b.heightCm} cm)
                </option>
              ))}
            </select>
            <div className="grid grid-cols-4 gap-2">
              {(
                [
                  ["weightKg", t("weightKg")],
                  ["lengthCm", t("length")],
                  ["widthCm", t("width")],
                  ["heightCm", t("height")],
                ] as const
              ).map(([key, label]) => (
                <label key={key} className="block text-xs">
                  <span className="mb-1 block text-slate-600">{label}</span>
                  <input
                    inputMode="decimal"
                    dir="ltr"
                    value={p[key]}
                    onChange={(e) => setPkg(i, { [key]: e.target.value })}
                    className={inputClass}
                    aria-label={`${label} ${i + 1}`}
                  />
                </label>
              ))}
            </div>
          </div>
        ))}
        <Button type="button" variant="ghost" onClick={() => setPackages((all) => [...all, { ...all[all.length - 1] }])}>
          {t("addPackage")}
        </Button>
      </fieldset>

      {packageProblems.length > 0 && (
        <ul role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {packageProblems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {hint && (
        <p className="rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-900">
          {t("hint", { volume: hint.maxVolumeCm3, saves: (hint.savesGrams / 1000).toFixed(1) })}
        </p>
      )}

      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("carrier")}</legend>
        <p className="mb-2 text-xs text-slate-600">
          {t("rank.heading", { city: cityName, days: RANKING_DAYS })}{" "}
          {scorecardLink && (
            <Link href={`/s/${storeSlug}/settings/shipping/scorecard`} className="underline">
              {t("rank.scorecard")}
            </Link>
          )}
        </p>
        {scorecard.rule.enabled && !picked && quotes.length > 0 && (
          <p className="mb-2 rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-900">
            {t("rank.noRule", { city: cityName, maxDays: number(scorecard.rule.maxDays), minRating: number(scorecard.rule.minRating) })}
          </p>
        )}
        <div className="grid gap-2" data-testid="carrier-ranking">
          {ranked.map((q) => (
            <label
              key={q.carrier.id}
              data-carrier={q.carrier.id}
              className={`flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border px-3 py-2 text-sm ${selected === q.carrier.id ? "border-brand-600 bg-brand-50" : "border-slate-200"}`}
            >
              <input
                type="radio"
                name="carrier"
                checked={selected === q.carrier.id}
                onChange={() => {
                  setCarrier(q.carrier.id);
                  setPickupAt("");
                  if (!q.carrier.capabilities.pickup) setHandover("dropoff");
                }}
                className="size-4 accent-brand-600"
              />
              <span className="flex-1">
                <span className="font-medium">{q.carrier.name}</span>
                {q.verdict === "pick" && <span className="ms-2 rounded-full bg-brand-100 px-2 py-0.5 text-xs text-brand-800">{t("rank.pick")}</span>}
                {q.fastest && <span className="ms-2 rounded-full bg-sky-100 px-2 py-0.5 text-xs text-sky-800">{t("rank.fastest")}</span>}
                {q.carrier.id === cheapest && <span className="ms-2 rounded-full bg-emerald-100 px-2 py-0.5 text-xs text-emerald-800">{t("cheapest")}</span>}
                {q.stats && q.verdict !== "thin" && q.stats.medianDays !== null && (
                  <>
                    <span className="block text-xs font-medium text-slate-800">
                      {t("rank.reason", {
                        days: number(q.stats.medianDays),
                        city: cityName,
                        rated: q.stats.rating === null ? "no" : "yes",
                        rating: number(q.stats.rating ?? 0),
                        price: money(q.price),
                      })}
                    </span>
                    <span className="block text-xs text-slate-600">
                      {t("rank.detail", {
                        onTime: percent(q.stats.onTimeShare),
                        p90: q.stats.p90Days === null ? "—" : number(q.stats.p90Days),
                        returned: percent(q.stats.returnShare),
                        delivered: q.stats.delivered,
                      })}
                    </span>
                  </>
                )}
                {verdictText(q.verdict, q.stats) && (
                  <span className={`block text-xs ${q.verdict === "pick" || q.verdict === "meets" ? "text-brand-800" : "text-slate-600"}`}>
                    {verdictText(q.verdict, q.stats)}
                  </span>
                )}
                <span className="block text-xs text-slate-600">
                  {t("weights", { volumetric: (q.volumetricGrams / 1000).toFixed(2), chargeable: (q.chargeableGrams / 1000).toFixed(1) })}
                </span>
                <span className="block text-xs text-slate-600">
                  {q.carrier.billing === "own_account"
                    ? t.rich("billing.ownAccount", {
                        carrier: q.carrier.name,
                        account: q.carrier.accountNumber ?? "",
                        ltr: (chunks) => (
                          <bdi dir="ltr" className="whitespace-nowrap">
                            {chunks}
                          </bdi>
                        ),
                      })
                    : t("billing.platform", { carrier: q.carrier.name })}
                </span>
              </span>
              <span className="font-semibold">{money(q.price)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      {chosen && (
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("handover")}</legend>
          <div className="flex flex-wrap gap-2">
            {(["dropoff", "pickup"] as const).map((h) => (
              <label
                key={h}
                className={`flex min-h-11 items-center gap-2 rounded-lg border px-3 text-sm ${!chosen.carrier.capabilities[h] ? "opacity-50" : ""}`}
              >
                <input
                  type="radio"
                  name="handover"
                  disabled={!chosen.carrier.capabilities[h]}
                  checked={handover === h}
                  onChange={() => setHandover(h)}
                  className="size-4 accent-brand-600"
                />
                {t(h)}
              </label>
            ))}
          </div>
          {!chosen.carrier.capabilities.pickup && <p className="mt-1 text-xs text-slate-600">{t("dropoffOnly", { carrier: chosen.carrier.name })}</p>}
          {handover === "pickup" &&
            (slots.length ? (
              <label className="mt-2 block text-sm">
                <span className="mb-1 block font-medium text-slate-700">{t("pickupAt")}</span>
                <select value={pickupAt} onChange={(e) => setPickupAt(e.target.value)} required className={inputClass}>
                  <option value="">{t("pickupChoose")}</option>
                  {slots.map((start) => (
                    <option key={start} value={start}>
                      {slotLabel(start)}
                    </option>
                  ))}
                </select>
                <span className="mt-1 block text-xs text-slate-600">{t("pickupSlotsHelp")}</span>
              </label>
            ) : (
              <p role="status" className="mt-2 text-sm text-amber-800">
                {t("noPickupSlots", { carrier: chosen.carrier.name })}
              </p>
            ))}
        </fieldset>
      )}

      <dl className="grid grid-cols-2 gap-1 text-sm">
        {options.codAmount > 0 && (
          <>
            <dt className="text-slate-600">{t("cod")}</dt>
            <dd className="text-end font-medium">{money(options.codAmount)}</dd>
          </>
        )}
        <dt className="text-slate-600">{t("price")}</dt>
        <dd className="text-end font-medium">{chosen ? money(chosen.price) : "—"}</dd>
        <dt className="text-slate-600">{t("wallet")}</dt>
        <dd className={`text-end font-medium ${short ? "text-red-700" : ""}`}>{money(options.walletBalance)}</dd>
      </dl>
      {short && chosen && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {t("short", { balance: money(options.walletBalance), price: money(chosen.price) })}{" "}
          <Link href={`/s/${storeSlug}/wallet`} className="font-medium underline">
            {t("topUp")}
          </Link>
        </p>
      )}
      {error && !(short && error.code === "INSUFFICIENT_BALANCE") && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {errorText(error)}
        </p>
      )}
      <Button type="submit" className="w-full" disabled={!chosen || pending || (handover === "pickup" && !pickupAt)}>
        {pending ? t("issuing") : chosen ? t("buyLabel", { price: money(chosen.price) }) : t("submit")}
      </Button>
    </form>
  );
}
