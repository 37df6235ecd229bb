import { getTranslations } from "next-intl/server";
import { requireStoreAccess } from "@/server/stores/store-access";
import { can } from "@/server/auth/permissions";
import { listCarriers } from "@/server/shipping/carrier-settings";
import { listBranches } from "@/server/shipping/manage-branches";
import { packagingDefaults } from "@/server/shipping/packaging-request";
import { Forbidden } from "@/components/forbidden";
import { PackagingRequestForm } from "./_components/packaging-request-form";
import { PageHeading } from "@/components/page-heading";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("shippingSettings.packaging"))("title") };
}

async function PackagingRequestPage({ params }: { params: Promise<{ storeSlug: string }> }) {
  const { storeSlug } = await params;
  const { ctx, store, user } = await requireStoreAccess(storeSlug);
  if (!can(ctx.role, "settings.manage")) return <Forbidden />;
  const [carriers, branches, t] = await Promise.all([listCarriers(ctx), listBranches(ctx), getTranslations("shippingSettings.packaging")]);
  const aramex = carriers.find((c) => c.id === "aramex");
  const branch = branches.find((b) => b.isDefault) ?? branches[0];
  const platform = packagingDefaults();
  // The platform's account and the carrier's supplies address are the installation's to set, not the merchant's to guess.
  if (!platform) {
    return (
      <main className="max-w-3xl space-y-4">
        <PageHeading title={t("title")} intro={t("intro")} />
        <p role="status" className="rounded-xl border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
          {t("notSetUp")}
        </p>
      </main>
    );
  }
  return (
    <main className="max-w-3xl space-y-4">
      <PageHeading title={t("title")} intro={t("intro")} />
      <PackagingRequestForm
        storeSlug={store.slug}
        initial={{
          to: platform.to,
          storeNumber: aramex?.accountNumber ?? "",
          contactName: user.name,
          phone: branch?.pickupContactPhone ?? branch?.phone ?? "",
          email: user.email,
          city: branch?.city ?? "",
          address: branch ? [branch.address, branch.district].filter(Boolean).join(", ") : "",
        }}
      />
    </main>
  );
}

export default withClientMessages("s/[storeSlug]/settings/shipping/packaging/page", PackagingRequestPage);
