import { getTranslations } from "next-intl/server";
import { requireStoreAccess } from "@/server/stores/store-access";
import { can } from "@/server/auth/permissions";
import { listTags } from "@/server/tags/manage-tags";
import { Forbidden } from "@/components/forbidden";
import { TagRow } from "./_components/tag-row";
import { PageHeading } from "@/components/page-heading";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("tags") };
}

async function TagsSettingsPage({ params }: { params: Promise<{ storeSlug: string }> }) {
  const { storeSlug } = await params;
  const { ctx, store } = await requireStoreAccess(storeSlug);
  if (!can(ctx.role, "settings.read")) return <Forbidden />;
  const [tags, t] = await Promise.all([listTags(ctx), getTranslations("tagSettings")]);
  return (
    <main className="max-w-3xl space-y-4">
      <PageHeading title={t("title")} intro={t("intro")} />
      {tags.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
          {tags.map((tag) => (
            <TagRow key={tag.id} storeSlug={store.slug} tag={tag} canEdit={can(ctx.role, "settings.manage")} />
          ))}
        </ul>
      )}
    </main>
  );
}

export default withClientMessages("s/[storeSlug]/settings/tags/page", TagsSettingsPage);
