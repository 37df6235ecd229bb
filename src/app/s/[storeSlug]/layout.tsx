import Link from "next/link";
import { NavLink } from "@/components/nav-link";
import { getTranslations } from "next-intl/server";
import { requireStoreAccess } from "@/server/stores/store-access";
import { listUserStores } from "@/server/stores/list-user-stores";
import { can } from "@/server/auth/permissions";
import { LanguageSwitcher } from "@/components/language-switcher";
import { StoreSwitcher } from "./_components/store-switcher";
import { SignOutButton } from "./_components/sign-out-button";
import { NotificationBell } from "./_components/notification-bell";
import { listNotifications } from "@/server/notifications/list-notifications";
import { QueryProvider } from "@/components/query-provider";
import { withClientMessages } from "@/i18n/client-messages";

async function StoreLayout({ children, params }: { children: React.ReactNode; params: Promise<{ storeSlug: string }> }) {
  const { storeSlug } = await params;
  const access = await requireStoreAccess(storeSlug);
  const [stores, t, notifications] = await Promise.all([listUserStores(access.user.id), getTranslations("nav"), listNotifications(access.ctx)]);
  const base = `/s/${access.store.slug}`;
  // One client for the page's client-side server state: the bell's notifications in the header, and what the pages below keep.
  return (
    <QueryProvider userId={access.user.id}>
      <div className="min-h-screen">
        {/* Sticky from tablets up; on a phone its wrapped rows would cover a quarter of the screen. */}
        <header className="z-20 md:sticky md:top-0 border-b border-slate-200 bg-white/95 backdrop-blur">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
            <Link href={`${base}/orders`} className="flex min-h-11 items-center gap-2 font-semibold">
              <span className="flex size-8 items-center justify-center rounded-lg bg-brand-600 text-white">ت</span>
              <span>{access.store.name}</span>
            </Link>
            {/* On a phone: one row that scrolls sideways (with a cue that there is more), under the brand and the controls. */}
            <nav
              aria-label={t("mainNavigation")}
              className="scroll-cue order-last -mx-4 flex w-[calc(100%+2rem)] flex-nowrap items-center gap-1 overflow-x-auto px-4 whitespace-nowrap *:shrink-0 [--cue-cover:white] md:order-none md:mx-0 md:w-auto md:flex-wrap md:overflow-visible md:bg-none md:px-0"
            >
              {can(access.role, "reports.read") && (
                <NavLink href={base} exact>
                  {t("home")}
                </NavLink>
              )}
              <NavLink href={`${base}/work`}>{t("work")}</NavLink>
              <NavLink href={`${base}/orders`}>{t("orders")}</NavLink>
              {can(access.role, "orders.update") && <NavLink href={`${base}/pack`}>{t("pack")}</NavLink>}
              {can(access.role, "customers.read") && <NavLink href={`${base}/customers`}>{t("customers")}</NavLink>}
              {can(access.role, "catalog.read") && <NavLink href={`${base}/products`}>{t("products")}</NavLink>}
              <NavLink href={`${base}/messages`}>{t("messages")}</NavLink>
              {can(access.role, "reviews.manage") && <NavLink href={`${base}/reviews`}>{t("reviews")}</NavLink>}
              {can(access.role, "wallet.read") && <NavLink href={`${base}/wallet`}>{t("wallet")}</NavLink>}
              {can(access.role, "cod.read") && <NavLink href={`${base}/cod`}>{t("cod")}</NavLink>}
              {can(access.role, "settings.read") && (
                <NavLink href={`${base}/settings/sms`} section={`${base}/settings`}>
                  {t("settings")}
                </NavLink>
              )}
            </nav>
            <div className="ms-auto flex flex-wrap items-center gap-2 max-md:gap-1">
              {stores.length > 1 && (
                <StoreSwitcher current={access.store.slug} stores={stores.map(({ slug, name }) => ({ slug, name }))} label={t("switchStore")} />
              )}
              <NotificationBell storeSlug={access.store.slug} initial={notifications} />
              <LanguageSwitcher />
              <Link
                href={`/s/${access.store.slug}/account`}
                className="flex min-h-11 items-center rounded-lg px-2 text-sm text-slate-700 hover:bg-slate-100"
                title={access.user.name}
              >
                {t("account")}
              </Link>
              <SignOutButton label={t("signOut")} unsentWarning={t("unsentSignOut")} />
            </div>
          </div>
        </header>
        <div className="mx-auto max-w-7xl px-4 py-6">{children}</div>
      </div>
    </QueryProvider>
  );
}

export default withClientMessages("s/[storeSlug]/layout", StoreLayout);
