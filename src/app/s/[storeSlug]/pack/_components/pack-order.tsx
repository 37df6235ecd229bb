"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { del, get, set } from "idb-keyval";
import { decideScan, tallyScans, type Scan, type StationData, type StationOrder } from "@/lib/pack-scan";
import { scanKey } from "@/lib/barcode";
import { PACK_MUTATION, actionKey, type PackVariables } from "@/lib/pack-client";
import type { PackResult } from "@/lib/pack-scan";
import { Ltr, Typed } from "@/components/bidi";
import { CameraScanner } from "./camera-scanner";
import { soundOk, soundRefused, warmAudio } from "./feedback";

type Flash = { outcome: "ok" | "wrong" | "extra"; text: string; n: number };

const big = "min-h-14 rounded-xl px-5 text-lg font-semibold";

/** A photo from the tablet's camera made small (at most 1280 px, JPEG) before it is kept or sent. */
async function shrinkPhoto(file: File): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, 1280 / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext("2d")!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL("image/jpeg", 0.8);
}

/**
 * One order at the station. Each scan is decided here, at once, against the order's lines (no network):
 * a right unit counts up with a short tone; a wrong item or one too many is refused loudly, naming what
 * was scanned. The scans are kept on the tablet as they happen, so a reload loses none; "packed" sends
 * them with the box, weight and photo, and the server decides them again.
 */
export function PackOrder({
  storeSlug,
  order,
  station,
  online,
  onBack,
}: {
  storeSlug: string;
  order: StationOrder;
  station: StationData;
  online: boolean;
  onBack: () => void;
}) {
  const t = useTranslations("pack");
  const queryClient = useQueryClient();
  const storeKey = `pack-scans:${storeSlug}:${order.id}`;
  const [scans, setScans] = useState<Scan[]>([]);
  const scansRef = useRef<Scan[]>([]);
  const [flash, setFlash] = useState<Flash | null>(null);
  const [camera, setCamera] = useState(false);
  const [finishing, setFinishing] = useState(false);
  const [boxId, setBoxId] = useState<string>(station.boxes[0]?.id ?? "");
  const [weightKg, setWeightKg] = useState("");
  const [photo, setPhoto] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [typed, setTyped] = useState("");

  useEffect(() => {
    warmAudio();
    void get<Scan[]>(storeKey).then((saved) => {
      if (saved?.length) {
        scansRef.current = saved;
        setScans(saved);
      }
    });
  }, [storeKey]);

  const tally = useMemo(() => tallyScans(order.lines, scans), [order.lines, scans]);

  /** What a code names, for a refusal: another order's line on this tablet, else the catalog when online. */
  const nameOf = useCallback(
    async (code: string): Promise<string | null> => {
      const key = scanKey(code);
      for (const o of station.orders) {
        const line = o.lines.find((l) => l.keys.includes(key));
        if (line) return `${line.name} (${line.sku})`;
      }
      if (!navigator.onLine) return null;
      const found = await fetch(`/s/${encodeURIComponent(storeSlug)}/pack/lookup?code=${encodeURIComponent(code)}`)
        .then((r) => (r.ok ? (r.json() as Promise<{ data: { sku: string; name: string } | null }>) : null))
        .catch(() => null);
      return found?.data ? `${found.data.name} (${found.data.sku})` : null;
    },
    [station.orders, storeSlug],
  );

  const onScan = useCallback(
    (raw: string) => {
      const code = raw.trim();
      if (!code) return;
      const before = tallyScans(order.lines, scansRef.current);
      const decided = decideScan(order.lines, before.counts, code);
      const next = [...scansRef.current, { code, at: new Date().toISOString() }];
      scansRef.current = next;
      setScans(next);
      void set(storeKey, next);
      const n = next.length;
      const line = order.lines.find((l) => l.id === decided.lineId);
      if (decided.outcome === "ok" && line) {
        soundOk();
        setFlash({ outcome: "ok", n, text: t("scanOk", { name: line.name, count: (before.counts[line.id] ?? 0) + 1, quantity: line.quantity }) });
      } else if (decided.outcome === "extra" && line) {
        soundRefused();
        setFlash({ outcome: "extra", n, text: t("scanExtra", { name: line.name, quantity: line.quantity }) });
      } else {
        soundRefused();
        setFlash({ outcome: "wrong", n, text: t("scanWrong", { name: code }) });
        void nameOf(code).then((name) => {
          if (name) setFlash((f) => (f && f.n === n ? { ...f, text: t("scanWrong", { name }) } : f));
        });
      }
    },
    [order.lines, storeKey, t, nameOf],
  );

  // A hardware scanner types the code and Enter: heard anywhere on the page but in a field.
  useEffect(() => {
    let buffer = "";
    let last = 0;
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof Element && e.target.closest("input, textarea, select, [contenteditable]")) return;
      if (e.key === "Enter") {
        if (buffer) {
          e.preventDefault();
          onScan(buffer);
        }
        buffer = "";
        return;
      }
      if (e.key.length !== 1 || e.ctrlKey || e.metaKey || e.altKey) return;
      const now = performance.now();
      if (now - last > 1500) buffer = "";
      last = now;
      buffer += e.key;
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onScan]);

  const pack = useMutation<PackResult, Error, PackVariables>({ mutationKey: PACK_MUTATION });

  function undo() {
    const next = scansRef.current.slice(0, -1);
    scansRef.current = next;
    setScans(next);
    void set(storeKey, next);
    setFlash(null);
  }

  function submit() {
    const box = station.boxes.find((b) => b.id === boxId) ?? null;
    const grams = Math.round(Number(weightKg.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace("٫", ".")) * 1000);
    const variables: PackVariables = {
      storeSlug,
      orderId: order.id,
      orderNumber: order.number,
      key: actionKey(),
      request: {
        lastPackId: order.lastPack?.id ?? null,
        scans: scansRef.current,
        boxPresetId: box?.id ?? null,
        lengthMm: null,
        widthMm: null,
        heightMm: null,
        weightGrams: Number.isFinite(grams) && grams > 0 ? grams : null,
        photo,
      },
    };
    setSent(variables.key);
    pack.mutate(variables);
    void del(storeKey);
    void queryClient.invalidateQueries({ queryKey: ["pack-queue", storeSlug] });
  }

  const refusedCount = tally.refusedScans;
  const canFinish = tally.complete || !station.requireScan;

  if (sent) {
    const failed = pack.status === "error" ? pack.error?.message : null;
    return (
      <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-5" data-testid="pack-done">
        <h1 className="text-2xl font-semibold">
          <Ltr>#{order.number}</Ltr>
        </h1>
        <p className={`text-lg font-medium ${failed ? "text-red-700" : "text-emerald-800"}`} role="status">
          {failed ?? (pack.status === "success" ? t("packedDone") : pack.isPaused ? t("packedQueued") : t("actionSending"))}
        </p>
        <div className="flex flex-wrap gap-3">
          {online && pack.status === "success" ? (
            <a href={`/s/${storeSlug}/orders/${order.id}#label`} className={`${big} inline-flex items-center bg-brand-600 text-white`}>
              {t("toLabel")}
            </a>
          ) : (
            <p className="text-base text-slate-700">{online ? null : t("labelNeedsNetwork")}</p>
          )}
          <button type="button" onClick={onBack} className={`${big} border border-slate-300 bg-white`}>
            {t("nextOrder")}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="space-y-4" data-testid="pack-order">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <button type="button" onClick={onBack} className="min-h-11 rounded-lg px-2 text-brand-700">
          <span aria-hidden className="me-1 inline-block rtl:rotate-180">
            ←
          </span>
          {t("backToQueue")}
        </button>
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold">
          <Ltr>#{order.number}</Ltr> · <Typed>{order.customerName}</Typed>
          {order.late && <span className="rounded-full bg-red-100 px-3 py-1 text-sm font-semibold text-red-800">{t("late")}</span>}
        </h1>
        <p className="text-xl font-semibold" data-testid="pack-progress">
          {t("progress", { scanned: tally.scannedUnits, total: tally.totalUnits })}
        </p>
      </div>

      {order.lastPack && <p className="rounded-lg bg-sky-50 p-3 text-sky-900">{t("alreadyPacked", { name: order.lastPack.by ?? "—" })}</p>}

      <div
        aria-live="assertive"
        data-testid="scan-flash"
        data-outcome={flash?.outcome ?? ""}
        className={`flex min-h-20 items-center rounded-xl px-5 text-xl font-bold ${
          !flash
            ? "border-2 border-dashed border-slate-300 text-slate-500"
            : flash.outcome === "ok"
              ? "bg-emerald-600 text-white"
              : "animate-pulse bg-red-600 text-white"
        }`}
      >
        {flash?.text ?? t("scanPrompt")}
      </div>

      <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white" data-testid="pack-lines">
        {order.lines.map((line) => {
          const count = tally.counts[line.id] ?? 0;
          const done = count >= line.quantity;
          return (
            <li key={line.id} className={`flex items-center gap-4 p-4 ${done ? "bg-emerald-50" : ""}`} data-testid="pack-line" data-done={done}>
              <span aria-hidden className="flex size-14 shrink-0 items-center justify-center rounded-xl bg-slate-100 text-2xl font-semibold text-slate-600">
                {line.name.trim().charAt(0)}
              </span>
              <span className="min-w-0 flex-1">
                <span className="block text-lg font-medium">
                  <Typed>{line.name}</Typed>
                </span>
                <span className="block text-sm text-slate-600">
                  <Ltr>{line.sku}</Ltr>
                  {line.bin && (
                    <>
                      {" · "}
                      {t("bin")} <Ltr className="rounded bg-amber-100 px-2 font-semibold text-amber-900">{line.bin}</Ltr>
                    </>
                  )}
                </span>
              </span>
              <span className={`text-2xl font-bold tabular-nums ${done ? "text-emerald-700" : ""}`}>
                <Ltr>
                  {count}/{line.quantity}
                </Ltr>
              </span>
            </li>
          );
        })}
      </ul>
      {refusedCount > 0 && <p className="text-base text-red-800">{t("refusedSoFar", { n: refusedCount })}</p>}

      <div className="flex flex-wrap gap-3">
        <button type="button" onClick={() => setCamera((c) => !c)} className={`${big} border border-slate-300 bg-white`} aria-pressed={camera}>
          {t("camera")}
        </button>
        <form
          className="flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            onScan(typed);
            setTyped("");
          }}
        >
          <label className="sr-only" htmlFor="typed-code">
            {t("typeCode")}
          </label>
          <input
            id="typed-code"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            placeholder={t("typeCode")}
            dir="auto"
            autoComplete="off"
            className="min-h-14 w-44 rounded-xl border border-slate-300 px-3 text-lg"
          />
          <button type="submit" className={`${big} border border-slate-300 bg-white`}>
            {t("add")}
          </button>
        </form>
        {scans.length > 0 && (
          <button type="button" onClick={undo} className={`${big} text-slate-700`}>
            {t("undo")}
          </button>
        )}
      </div>
      {camera && <CameraScanner onScan={onScan} onClose={() => setCamera(false)} />}

      {(tally.complete || finishing) && canFinish ? (
        <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-4" aria-labelledby="finish-title">
          <h2 id="finish-title" className="text-lg font-semibold">
            {t("finishTitle")}
          </h2>
          {station.boxes.length > 0 && (
            <fieldset>
              <legend className="mb-2 text-sm text-slate-600">{t("box")}</legend>
              <div className="flex flex-wrap gap-2">
                {station.boxes.map((b) => (
                  <label
                    key={b.id}
                    className={`flex min-h-14 cursor-pointer items-center gap-2 rounded-xl border-2 px-4 ${boxId === b.id ? "border-brand-600 bg-brand-50" : "border-slate-200"}`}
                  >
                    <input type="radio" name="box" value={b.id} checked={boxId === b.id} onChange={() => setBoxId(b.id)} className="size-5" />
                    <span>
                      <Typed>{b.name}</Typed>{" "}
                      <Ltr className="text-sm text-slate-600">
                        {b.lengthMm / 10}×{b.widthMm / 10}×{b.heightMm / 10}
                      </Ltr>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          <div className="flex flex-wrap gap-4">
            <label className="flex flex-col text-sm text-slate-600">
              {t("weightKg")}
              <input
                inputMode="decimal"
                value={weightKg}
                onChange={(e) => setWeightKg(e.target.value)}
                dir="ltr"
                className="min-h-14 w-32 rounded-xl border border-slate-300 px-3 text-lg text-slate-900"
              />
            </label>
            <label className="flex flex-col text-sm text-slate-600">
              {t("photo")}
              <input
                type="file"
                accept="image/*"
                capture="environment"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void shrinkPhoto(file).then(setPhoto, () => setPhoto(null));
                }}
                className="min-h-14 text-base text-slate-900"
              />
            </label>
            {photo && (
              // eslint-disable-next-line @next/next/no-img-element -- the photo just taken, on the tablet
              <img src={photo} alt={t("photoAlt")} className="h-20 w-28 rounded-lg object-cover" />
            )}
          </div>
          <button type="button" onClick={submit} className={`${big} bg-brand-600 text-white`} data-testid="pack-submit">
            {tally.complete ? t("packed") : t("packedPartial", { scanned: tally.scannedUnits, total: tally.totalUnits })}
          </button>
        </section>
      ) : (
        !tally.complete &&
        (station.requireScan ? (
          <p className="text-base text-slate-700">{t("scanAllFirst")}</p>
        ) : (
          <button type="button" onClick={() => setFinishing(true)} className={`${big} border border-slate-300 bg-white`}>
            {t("finishWithout")}
          </button>
        ))
      )}
    </section>
  );
}
