"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { BranchDto } from "@/server/shipping/manage-branches";
import { WEEKDAYS, type Weekday, type WorkingHours } from "@/server/shipping/branch-schemas";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { branchLifecycleAction, saveBranchAction } from "../actions";
import { FieldError } from "./form-bits";
import { TimeField } from "@/components/ui/time-field";

type Props = { storeSlug: string; branches: BranchDto[]; canEdit: boolean };

/** The store's branches: where parcels leave from and stock is kept. Archive hides one; delete removes an unused one. */
export function BranchList({ storeSlug, branches, canEdit }: Props) {
  const t = useTranslations("shippingSettings.branches");
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const [error, setError] = useState<{ id: string; message: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const lifecycle = (branch: BranchDto, op: "archive" | "restore" | "delete") => {
    if (op === "delete" && !window.confirm(t("confirmDelete", { name: branch.name }))) return;
    startTransition(async () => {
      const result = await branchLifecycleAction(storeSlug, { branchId: branch.id, op });
      setError(result.ok ? null : { id: branch.id, message: result.error.message });
    });
  };

  return (
    <div className="space-y-3">
      <ul className="divide-y divide-slate-100">
        {branches.map((b) => (
          <li key={b.id} className="py-3" data-testid="branch-row">
            {editing === b.id ? (
              <BranchForm storeSlug={storeSlug} branch={b} onDone={() => setEditing(null)} />
            ) : (
              <div className="flex flex-wrap items-start gap-3">
                <div className="min-w-0 flex-1">
                  <p className="font-medium">
                    {b.name}
                    {b.isDefault && <span className="ms-2 rounded-full bg-brand-50 px-2 py-0.5 text-xs text-brand-700">{t("default")}</span>}
                    {b.archived && <span className="ms-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{t("archived")}</span>}
                  </p>
                  <p className="text-sm text-slate-600">{[b.address, b.district, b.city].filter(Boolean).join("، ")}</p>
                  <p className="text-sm text-slate-600">
                    <HoursSummary hours={b.workingHours} />
                    {b.pickupContactName && (
                      <>
                        {" · "}
                        {t("pickupContactShort", { name: b.pickupContactName })}{" "}
                        {b.pickupContactPhone && (
                          <a dir="ltr" className="underline" href={`tel:${b.pickupContactPhone}`}>
                            {b.pickupContactPhone}
                          </a>
                        )}
                      </>
                    )}
                  </p>
                </div>
                {canEdit && (
                  <div className="flex flex-wrap gap-2">
                    {!b.archived && (
                      <Button type="button" variant="secondary" disabled={pending} onClick={() => setEditing(b.id)}>
                        {t("edit")}
                      </Button>
                    )}
                    {b.archived ? (
                      <>
                        <Button type="button" variant="secondary" disabled={pending} onClick={() => lifecycle(b, "restore")}>
                          {t("restore")}
                        </Button>
                        <Button type="button" variant="danger" disabled={pending} onClick={() => lifecycle(b, "delete")}>
                          {t("delete")}
                        </Button>
                      </>
                    ) : (
                      <Button type="button" variant="ghost" disabled={pending} onClick={() => lifecycle(b, "archive")}>
                        {t("archive")}
                      </Button>
                    )}
                  </div>
                )}
                {error?.id === b.id && <FieldError message={error.message} />}
              </div>
            )}
          </li>
        ))}
      </ul>
      {canEdit &&
        (editing === "new" ? (
          <BranchForm storeSlug={storeSlug} onDone={() => setEditing(null)} />
        ) : (
          <Button type="button" variant="secondary" onClick={() => setEditing("new")}>
            {t("add")}
          </Button>
        ))}
    </div>
  );
}

/** "Sat–Thu 09:00–22:00 · Fri 16:00–22:00": consecutive days with the same hours are one range. */
function HoursSummary({ hours }: { hours: WorkingHours }) {
  const t = useTranslations("shippingSettings.branches");
  const ranges: { from: Weekday; to: Weekday; text: string }[] = [];
  for (const d of WEEKDAYS) {
    const h = hours[d];
    if (!h) continue;
    const text = `${h.open}–${h.close}`;
    const last = ranges.at(-1);
    if (last && last.text === text && WEEKDAYS.indexOf(last.to) === WEEKDAYS.indexOf(d) - 1) last.to = d;
    else ranges.push({ from: d, to: d, text });
  }
  if (!ranges.length) return <span>{t("noHours")}</span>;
  return <span>{ranges.map((r) => `${t(`days.${r.from}`)}${r.to !== r.from ? `–${t(`days.${r.to}`)}` : ""} ${r.text}`).join(" · ")}</span>;
}

function BranchForm({ storeSlug, branch, onDone }: { storeSlug: string; branch?: BranchDto; onDone: () => void }) {
  const t = useTranslations("shippingSettings.branches");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const [hours, setHours] = useState<WorkingHours>(
    branch?.workingHours ?? Object.fromEntries(WEEKDAYS.filter((d) => d !== "fri").map((d) => [d, { open: "09:00", close: "22:00" }])),
  );

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    startTransition(async () => {
      const result = await saveBranchAction(storeSlug, {
        branchId: branch?.id,
        branch: {
          name: text("name"),
          city: text("city"),
          district: text("district"),
          address: text("address"),
          phone: text("phone"),
          pickupContactName: text("pickupContactName"),
          pickupContactPhone: text("pickupContactPhone"),
          workingHours: Object.fromEntries(Object.entries(hours).filter(([, h]) => h)),
          isDefault: form.get("isDefault") === "on",
        },
      });
      if (result.ok) onDone();
      else setFields(result.error.fields ?? { form: result.error.message });
    });
  }

  const input = (name: keyof BranchDto, options: { required?: boolean; dir?: "ltr"; type?: string } = {}) => (
    <div>
      <label htmlFor={`branch-${name}`} className="mb-1 block text-sm font-medium text-slate-700">
        {t(`fields.${name}`)}
      </label>
      <input
        id={`branch-${name}`}
        name={name}
        type={options.type ?? "text"}
        required={options.required}
        dir={options.dir}
        defaultValue={(branch?.[name] as string | null | undefined) ?? ""}
        aria-invalid={!!fields[`branch.${name}`]}
        className={inputClass}
      />
      <FieldError message={fields[`branch.${name}`]} />
    </div>
  );

  return (
    <form
      onSubmit={submit}
      aria-label={branch ? t("editTitle", { name: branch.name }) : t("add")}
      className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
    >
      <fieldset disabled={pending} className="grid gap-3 sm:grid-cols-2">
        {input("name", { required: true })}
        {input("city", { required: true })}
        {input("district")}
        {input("address", { required: true })}
        {input("phone", { dir: "ltr", type: "tel" })}
        {input("pickupContactName")}
        {input("pickupContactPhone", { dir: "ltr", type: "tel" })}
        <label className="flex min-h-11 items-center gap-2 self-end text-sm font-medium">
          <input type="checkbox" name="isDefault" defaultChecked={branch?.isDefault} className="size-5 accent-brand-600" />
          {t("fields.isDefault")}
        </label>
      </fieldset>
      <fieldset disabled={pending}>
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("fields.workingHours")}</legend>
        <div className="grid gap-1">
          {WEEKDAYS.map((d) => {
            const day = hours[d];
            return (
              <div key={d} className="flex flex-wrap items-center gap-2 text-sm">
                <label className="flex min-h-11 w-28 items-center gap-2">
                  <input
                    type="checkbox"
                    checked={!!day}
                    onChange={(e) => setHours((h) => ({ ...h, [d]: e.target.checked ? { open: "09:00", close: "22:00" } : undefined }))}
                    className="size-5 accent-brand-600"
                  />
                  {t(`days.${d}`)}
                </label>
                {day ? (
                  <>
                    <span className="w-36">
                      <TimeField
                        label={t("opens", { day: t(`days.${d}`) })}
                        value={day.open}
                        onChange={(open) => setHours((h) => ({ ...h, [d]: { ...day, open } }))}
                      />
                    </span>
                    <span aria-hidden>–</span>
                    <span className="w-36">
                      <TimeField
                        label={t("closes", { day: t(`days.${d}`) })}
                        value={day.close}
                        onChange={(close) => setHours((h) => ({ ...h, [d]: { ...day, close } }))}
                      />
                    </span>
                  </>
                ) : (
                  <span className="text-slate-500">{t("closed")}</span>
                )}
                <FieldError message={fields[`branch.workingHours.${d}.close`] ?? fields[`branch.workingHours.${d}.open`]} />
              </div>
            );
          })}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={pending}>
          {t("save")}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          {t("cancel")}
        </Button>
        <FieldError message={fields.form} />
      </div>
    </form>
  );
}
