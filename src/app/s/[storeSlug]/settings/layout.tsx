import { SettingsNav } from "./_components/settings-nav";
import { getTranslations } from "next-intl/server";
import { requireStoreAccess } from "@/server/stores/store-access";
import { can } from "@/server/auth/permissions";

export default async function SettingsLayout({ children, params }: { children: React.ReactNode; params: Promise<{ storeSlug: string }> }) {
  const { storeSlug } = await params;
  const { ctx, store } = await requireStoreAccess(storeSlug);
  const t = await getTranslations("settings");
  const base = `/s/${store.slug}/settings`;
  const links = [
    { href: `${base}/sms`, label: t("sms"), show: can(ctx.role, "settings.read") },
    { href: `${base}/shipping`, label: t("shipping"), show: can(ctx.role, "settings.read") },
    { href: `${base}/reviews`, label: t("reviews"), show: can(ctx.role, "settings.read") },
    { href: `${base}/tags`, label: t("tags"), show: can(ctx.role, "settings.read") },
    { href: `${base}/refunds`, label: t("refunds"), show: can(ctx.role, "settings.read") },
    { href: `${base}/cod`, label: t("cod"), show: can(ctx.role, "settings.read") },
    { href: `${base}/tax`, label: t("tax"), show: can(ctx.role, "settings.read") },
    { href: `${base}/team`, label: t("team"), show: can(ctx.role, "team.manage") },
    { href: `${base}/api-tokens`, label: t("apiTokens"), show: can(ctx.role, "apiTokens.manage") },
  ].filter((l) => l.show);
  return (
    <div className="grid gap-4 lg:grid-cols-[12rem_1fr] lg:gap-6">
      <SettingsNav label={t("title")} links={links.map(({ href, label }) => ({ href, label }))} />
      <div className="min-w-0">{children}</div>
    </div>
  );
}
