import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireStoreAccess } from "@/server/stores/store-access";
import { can } from "@/server/auth/permissions";
import { listCarriers } from "@/server/shipping/carrier-settings";
import { listBranches } from "@/server/shipping/manage-branches";
import { listCouriers } from "@/server/shipping/manage-couriers";
import { listBoxPresets } from "@/server/shipping/manage-box-presets";
import { getShippingPreferences } from "@/server/shipping/shipping-preferences";
import { minorUnitDigits } from "@/server/money/money";
import { Forbidden } from "@/components/forbidden";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { CarrierCard } from "./_components/carrier-card";
import { platformLabelFee, platformRates } from "@/server/shipping/label-pricing";
import type { CarrierId } from "@/server/shipping/carriers";
import { BranchList } from "./_components/branch-list";
import { CourierList } from "./_components/courier-list";
import { BoxPresetList } from "./_components/box-preset-list";
import { CarrierUpdatesToggle } from "./_components/carrier-updates-toggle";
import { LateRulesForm } from "./_components/late-rules-form";
import { getLateRules } from "@/server/orders/late-rules";
import { PageHeading } from "@/components/page-heading";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("shippingSettings"))("title") };
}

async function ShippingSettingsPage({ params }: { params: Promise<{ storeSlug: string }> }) {
  const { storeSlug } = await params;
  const { ctx, store } = await requireStoreAccess(storeSlug);
  if (!can(ctx.role, "settings.read")) return <Forbidden />;
  const [carriers, branches, couriers, boxes, preferences, t, tScorecard, lateRules] = await Promise.all([
    listCarriers(ctx),
    listBranches(ctx, { includeArchived: true }),
    listCouriers(ctx),
    listBoxPresets(ctx),
    getShippingPreferences(ctx),
    getTranslations("shippingSettings"),
    getTranslations("scorecard"),
    getLateRules(ctx),
  ]);
  const canEdit = can(ctx.role, "settings.manage");
  // What labels cost the store is the platform's (installation) setting, shown beside the store's own card.
  let labelPricing: { cards: ReturnType<typeof platformRates>; fee: number } | null = null;
  try {
    labelPricing = { cards: platformRates(), fee: platformLabelFee() };
  } catch {
    labelPricing = null;
  }
  const digits = minorUnitDigits(store.currency);
  return (
    <main className="max-w-4xl space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeading title={t("title")} intro={t("intro")} />
        <div className="flex flex-wrap gap-2">
          {can(ctx.role, "reports.read") && (
            <Link href={`/s/${store.slug}/settings/shipping/scorecard`} className={buttonClass("secondary")}>
              {tScorecard("title")}
            </Link>
          )}
          {canEdit && (
            <Link href={`/s/${store.slug}/settings/shipping/packaging`} className={buttonClass("secondary")}>
              {t("packaging.open")}
            </Link>
          )}
        </div>
      </div>

      <Card title={t("updates.title")}>
        <CarrierUpdatesToggle storeSlug={store.slug} enabled={preferences.carriersUpdateStatus} canEdit={canEdit} />
        <CarrierUpdatesToggle storeSlug={store.slug} enabled={preferences.refuseIncompleteAddress} canEdit={canEdit} preference="refuseIncompleteAddress" />
        <CarrierUpdatesToggle storeSlug={store.slug} enabled={preferences.requireScanToPack} canEdit={canEdit} preference="requireScanToPack" />
      </Card>

      <Card title={t("late.title")}>
        <LateRulesForm storeSlug={store.slug} rules={lateRules} canEdit={canEdit} />
      </Card>

      <section aria-labelledby="carriers-heading" className="space-y-3">
        <h2 id="carriers-heading" className="text-lg font-semibold">
          {t("carriers.title")}
        </h2>
        <div className="grid gap-3 lg:grid-cols-2">
          {carriers
            .filter((c) => c.kind === "integrated")
            .map((c) => (
              <CarrierCard
                key={c.id}
                storeSlug={store.slug}
                carrier={c}
                currency={store.currency}
                digits={digits}
                canEdit={canEdit}
                labelPricing={labelPricing ? { card: labelPricing.cards[c.id as CarrierId], fee: labelPricing.fee } : null}
              />
            ))}
        </div>
      </section>

      <Card title={t("couriers.title")}>
        <CourierList storeSlug={store.slug} couriers={couriers} canEdit={canEdit} />
      </Card>

      <Card title={t("branches.title")}>
        <BranchList storeSlug={store.slug} branches={branches} canEdit={canEdit} />
      </Card>

      <Card title={t("boxes.title")}>
        <BoxPresetList storeSlug={store.slug} boxes={boxes} canEdit={canEdit} />
      </Card>
    </main>
  );
}

export default withClientMessages("s/[storeSlug]/settings/shipping/page", ShippingSettingsPage);
