import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireStoreAccess } from "@/server/stores/store-access";
import { can } from "@/server/auth/permissions";
import { listMembers } from "@/server/team/team";
import { listInvitations } from "@/server/team/invitations";
import { teamChangeRefusal } from "@/server/team/team-rules";
import { Forbidden } from "@/components/forbidden";
import { Card } from "@/components/ui/card";
import { PageHeading } from "@/components/page-heading";
import { Ltr, Typed } from "@/components/bidi";
import { InvitationControls, InviteForm, MemberControls, TransferOwnership } from "./_components/team-controls";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("team"))("title") };
}

/** Settings → Team: who works in the store, with which role, who is invited, and handing the store over. */
async function TeamPage({ params }: { params: Promise<{ storeSlug: string }> }) {
  const { storeSlug } = await params;
  const { ctx, store } = await requireStoreAccess(storeSlug);
  if (!can(ctx.role, "team.manage")) return <Forbidden />;
  const [members, invitations, t, format] = await Promise.all([listMembers(ctx), listInvitations(ctx), getTranslations("team"), getFormatter()]);
  const me = ctx.actor.id;
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone: store.timeZone });
  return (
    <main className="max-w-3xl space-y-4">
      <PageHeading title={t("title")} intro={t("intro")}>
        {can(ctx.role, "audit.read") && (
          <Link href={`/s/${store.slug}/settings/team/activity`} className="mt-1 inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
            {t("activity")}
          </Link>
        )}
      </PageHeading>
      <Card title={t("members", { n: members.length })}>
        <ul className="divide-y divide-slate-100">
          {members.map((m) => (
            <li key={m.userId} className="flex flex-wrap items-start justify-between gap-3 py-3" data-testid="member">
              <div className="min-w-0">
                <p className="font-medium">
                  <Typed>{m.name}</Typed>
                  {m.userId === me && <span className="ms-2 text-sm font-normal text-slate-600">{t("you")}</span>}
                </p>
                <p className="text-sm text-slate-600">
                  <Ltr>{m.email}</Ltr>
                </p>
                <p className="text-sm text-slate-600">
                  {t(`roles.${m.role}`)}
                  {m.role === "STAFF" && m.onlyAssignedOrders && ` · ${t("onlyAssignedShort")}`} · {t("openOrders", { n: m.openOrders })}
                </p>
              </div>
              <MemberControls
                storeSlug={store.slug}
                member={m}
                canChange={!teamChangeRefusal({ id: me ?? "", role: ctx.role }, { id: m.userId, role: m.role }, { kind: "role", role: "STAFF" })}
              />
            </li>
          ))}
        </ul>
      </Card>
      <Card title={t("inviteTitle")}>
        <InviteForm storeSlug={store.slug} />
      </Card>
      <Card title={t("invitations", { n: invitations.length })}>
        {invitations.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noInvitations")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {invitations.map((i) => (
              <li key={i.id} className="flex flex-wrap items-start justify-between gap-3 py-3" data-testid="invitation">
                <div className="min-w-0">
                  <p className="font-medium">
                    <Ltr>{i.email}</Ltr>
                  </p>
                  <p className="text-sm text-slate-600">
                    {t(`roles.${i.role}`)} · {t("sentAt", { when: when(i.sentAt) })} ·{" "}
                    {i.expired ? <span className="font-medium text-amber-800">{t("expired")}</span> : t("expiresAt", { when: when(i.expiresAt) })}
                  </p>
                </div>
                <InvitationControls storeSlug={store.slug} invitation={i} />
              </li>
            ))}
          </ul>
        )}
      </Card>
      {ctx.role === "OWNER" && (
        <Card title={t("transferTitle")}>
          <p className="mb-3 text-sm text-slate-600">{t("transferIntro")}</p>
          <TransferOwnership
            storeSlug={store.slug}
            members={members.filter((m) => m.userId !== me).map(({ userId, name, email }) => ({ userId, name, email }))}
          />
        </Card>
      )}
    </main>
  );
}

export default withClientMessages("s/[storeSlug]/settings/team/page", TeamPage);
