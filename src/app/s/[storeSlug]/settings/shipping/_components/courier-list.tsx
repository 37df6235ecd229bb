"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { CourierDto } from "@/server/shipping/manage-couriers";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { archiveCourierAction, saveCourierAction } from "../actions";
import { FieldError } from "./form-bits";

/** The store's own couriers: no labels and no tracking, picked by name when an order ships. */
export function CourierList({ storeSlug, couriers, canEdit }: { storeSlug: string; couriers: CourierDto[]; canEdit: boolean }) {
  const t = useTranslations("shippingSettings.couriers");
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{t("help")}</p>
      {couriers.length === 0 && <p className="text-sm text-slate-600">{t("empty")}</p>}
      <ul className="divide-y divide-slate-100">
        {couriers.map((c) => (
          <CourierRow key={c.id} storeSlug={storeSlug} courier={c} canEdit={canEdit} />
        ))}
      </ul>
      {canEdit && <CourierRow storeSlug={storeSlug} canEdit />}
    </div>
  );
}

function CourierRow({ storeSlug, courier, canEdit }: { storeSlug: string; courier?: CourierDto; canEdit: boolean }) {
  const t = useTranslations("shippingSettings.couriers");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const [formKey, setFormKey] = useState(0);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await saveCourierAction(storeSlug, {
        courierId: courier?.id,
        courier: { name: String(form.get("name") ?? ""), phone: String(form.get("phone") ?? "") },
      });
      setFields(result.ok ? {} : (result.error.fields ?? { form: result.error.message }));
      if (result.ok && !courier) setFormKey((k) => k + 1);
    });
  }

  const Wrapper = courier ? "li" : "div";
  return (
    <Wrapper className={courier ? "py-2" : ""}>
      <form key={formKey} onSubmit={submit} aria-label={courier ? courier.name : t("add")} className="flex flex-wrap items-start gap-2">
        <div className="w-56">
          <input
            name="name"
            aria-label={t("name")}
            placeholder={courier ? undefined : t("name")}
            defaultValue={courier?.name}
            disabled={!canEdit || pending}
            maxLength={60}
            className={inputClass}
          />
          <FieldError message={fields["courier.name"]} />
        </div>
        <div className="w-48">
          <input
            name="phone"
            type="tel"
            dir="ltr"
            aria-label={t("phone")}
            placeholder={courier ? undefined : t("phone")}
            defaultValue={courier?.phone ?? ""}
            disabled={!canEdit || pending}
            className={inputClass}
          />
          <FieldError message={fields["courier.phone"]} />
        </div>
        {canEdit && (
          <>
            <Button type="submit" variant="secondary" disabled={pending}>
              {courier ? t("save") : t("add")}
            </Button>
            {courier && (
              <Button
                type="button"
                variant="ghost"
                disabled={pending}
                onClick={() => startTransition(async () => void (await archiveCourierAction(storeSlug, { courierId: courier.id })))}
              >
                {t("remove")}
              </Button>
            )}
          </>
        )}
        <FieldError message={fields.form} />
      </form>
    </Wrapper>
  );
}
