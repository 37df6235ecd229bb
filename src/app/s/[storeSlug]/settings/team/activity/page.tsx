import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireStoreAccess } from "@/server/stores/store-access";
import { can } from "@/server/auth/permissions";
import { listAuditEntries, type AuditEntryDto } from "@/server/team/audit";
import { isAppError } from "@/server/errors/app-error";
import { Forbidden } from "@/components/forbidden";
import { Card } from "@/components/ui/card";
import { PageHeading } from "@/components/page-heading";
import { Ltr, Typed } from "@/components/bidi";

export async function generateMetadata() {
  return { title: (await getTranslations("team"))("activityTitle") };
}

/** The team's audit log, owners only: who changed what, when (the store's clock) and from which address. */
export default async function TeamActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ storeSlug: string }>;
  searchParams: Promise<{ cursor?: string }>;
}) {
  const [{ storeSlug }, { cursor }] = await Promise.all([params, searchParams]);
  const { ctx, store } = await requireStoreAccess(storeSlug);
  if (!can(ctx.role, "audit.read")) return <Forbidden />;
  const [t, format] = await Promise.all([getTranslations("team"), getFormatter()]);
  const page = await listAuditEntries(ctx, typeof cursor === "string" ? cursor : undefined).catch((error: unknown) => {
    if (isAppError(error)) return { entries: [], nextCursor: null };
    throw error;
  });
  const what = (e: AuditEntryDto) => {
    const role = (r: string) => t(`roles.${r as "OWNER" | "ADMIN" | "STAFF"}`);
    switch (e.action) {
      case "member.invited":
      case "invitation.resent":
      case "invitation.revoked":
      case "member.joined":
        return t(`audit.${e.action}`, { role: role(e.data.role) });
      case "member.roleChanged":
        return t("audit.member.roleChanged", { from: role(e.data.from), to: role(e.data.to) });
      case "member.onlyAssignedChanged":
        return t("audit.member.onlyAssignedChanged", { on: String(e.data.on) });
      case "member.removed":
      case "member.left":
        return t(`audit.${e.action}`, { role: role(e.data.role), n: e.data.unassignedOrders });
      case "ownership.transferred":
        return t("audit.ownership.transferred", { from: e.data.from });
      default:
        return t("audit.unknown");
    }
  };
  return (
    <main className="max-w-3xl space-y-4">
      <PageHeading title={t("activityTitle")} intro={t("activityIntro")}>
        <Link href={`/s/${store.slug}/settings/team`} className="mt-1 inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
          {t("backToTeam")}
        </Link>
      </PageHeading>
      <Card>
        {page.entries.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noActivity")}</p>
        ) : (
          <ol className="divide-y divide-slate-100">
            {page.entries.map((e) => (
              <li key={e.id} className="py-3 text-sm" data-testid="audit-entry">
                <p>
                  <Typed className="font-medium">{e.actorName}</Typed> · {what(e)} · <Typed className="font-medium">{e.subject}</Typed>
                </p>
                <p className="text-slate-600">
                  {format.dateTime(new Date(e.at), { dateStyle: "medium", timeStyle: "medium", timeZone: store.timeZone })}
                  {e.address && (
                    <>
                      {" · "}
                      {t("from")} <Ltr>{e.address}</Ltr>
                    </>
                  )}
                </p>
              </li>
            ))}
          </ol>
        )}
        {page.nextCursor && (
          <Link
            href={`/s/${store.slug}/settings/team/activity?cursor=${encodeURIComponent(page.nextCursor)}`}
            className="mt-3 inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline"
          >
            {t("older")}
          </Link>
        )}
      </Card>
    </main>
  );
}
