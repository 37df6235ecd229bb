import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStoreAccess } from "@/server/stores/store-access";
import { can } from "@/server/auth/permissions";
import { packStation } from "@/server/packing/pack-queue";
import { isUuid } from "@/server/ids";
import { PackStation } from "./_components/pack-station";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("pack"))("title") };
}

/**
 * The packing station: a person's queue of orders in progress, and each order's units scanned one by
 * one. Drawn on the tablet from data it keeps (TanStack Query, persisted), so it goes on without the network.
 */
async function PackPage({ params, searchParams }: { params: Promise<{ storeSlug: string }>; searchParams: Promise<{ order?: string | string[] }> }) {
  const [{ storeSlug }, { order }] = await Promise.all([params, searchParams]);
  const access = await requireStoreAccess(storeSlug);
  if (!can(access.role, "orders.update")) notFound();
  const opened = typeof order === "string" && isUuid(order) ? order : null;
  const initial = await packStation(access.ctx, opened ? { order: opened } : {});
  return <PackStation storeSlug={access.store.slug} initial={initial} initialOrderId={opened} />;
}

export default withClientMessages("s/[storeSlug]/pack/page", PackPage);
