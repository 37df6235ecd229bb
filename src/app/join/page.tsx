import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { currentUserId } from "@/server/auth/session";
import { emailStatus } from "@/server/accounts/verify-and-reset";
import { invitationForLink } from "@/server/team/invitations";
import { AuthShell, cardClass } from "@/components/auth-shell";
import { Ltr, Typed } from "@/components/bidi";
import { buttonClass } from "@/components/ui/button";
import { AcceptInvitationForm, JoinWithNewAccountForm } from "./join-forms";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("join"))("title") };
}

/**
 * An invitation's link. Opening it changes nothing: the signed-in person whose address it was sent to
 * joins with a press; someone without an account makes one here for that address; someone with an
 * account signs in first and comes back.
 */
async function JoinPage({ searchParams }: { searchParams: Promise<{ store?: string; token?: string }> }) {
  const { store = "", token = "" } = await searchParams;
  const [t, view, userId] = await Promise.all([getTranslations("join"), invitationForLink(String(store), String(token)), currentUserId()]);
  if (!view)
    return (
      <AuthShell title={t("goneTitle")}>
        <div className={cardClass}>
          <p className="text-sm text-slate-700">{t("gone")}</p>
        </div>
      </AuthShell>
    );
  const here = `/join?store=${encodeURIComponent(String(store))}&token=${encodeURIComponent(String(token))}`;
  const me = userId ? await emailStatus(userId) : null;
  const intro = (
    <p className="text-sm text-slate-700">
      {t.rich(view.inviter ? "invitedBy" : "invited", {
        inviter: view.inviter ?? "",
        store: view.storeName,
        role: view.role,
        who: (chunks) => <Typed className="font-semibold">{chunks}</Typed>,
      })}
    </p>
  );
  return (
    <AuthShell title={t("title")} subtitle={view.storeName}>
      {me && me.email === view.email ? (
        <AcceptInvitationForm store={String(store)} token={String(token)} intro={intro} />
      ) : me ? (
        <div className={cardClass}>
          {intro}
          <p role="alert" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t.rich("otherAccount", { invited: view.email, you: me.email, addr: (chunks) => <Ltr>{chunks}</Ltr> })}
          </p>
        </div>
      ) : view.hasAccount ? (
        <div className={cardClass}>
          {intro}
          <p className="text-sm text-slate-700">{t.rich("signInFirst", { email: view.email, addr: (chunks) => <Ltr>{chunks}</Ltr> })}</p>
          <Link href={`/signin?next=${encodeURIComponent(here)}&email=${encodeURIComponent(view.email)}`} className={buttonClass("primary", "w-full")}>
            {t("signIn")}
          </Link>
        </div>
      ) : (
        <JoinWithNewAccountForm store={String(store)} token={String(token)} email={view.email} intro={intro} />
      )}
    </AuthShell>
  );
}

export default withClientMessages("join/page", JoinPage);
