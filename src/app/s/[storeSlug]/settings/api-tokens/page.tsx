import { getFormatter, getTranslations } from "next-intl/server";
import { requireStoreAccess } from "@/server/stores/store-access";
import { can } from "@/server/auth/permissions";
import { listApiTokens } from "@/server/api-tokens/list-api-tokens";
import { Forbidden } from "@/components/forbidden";
import { Card } from "@/components/ui/card";
import { CreateTokenForm } from "./_components/create-token-form";
import { RevokeTokenButton } from "./_components/revoke-token-button";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("apiTokens"))("title") };
}

async function ApiTokensPage({ params }: { params: Promise<{ storeSlug: string }> }) {
  const { storeSlug } = await params;
  const { ctx, store } = await requireStoreAccess(storeSlug);
  if (!can(ctx.role, "apiTokens.manage")) return <Forbidden />;
  const [tokens, t, format] = await Promise.all([listApiTokens(ctx), getTranslations("apiTokens"), getFormatter()]);
  return (
    <main className="max-w-3xl space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-slate-600">{t("intro")}</p>
        <a href="/api/v1/openapi.json" className="mt-1 inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
          {t("docs")}
        </a>
      </div>
      <Card>
        <CreateTokenForm storeSlug={store.slug} />
      </Card>
      <Card title={t("title")}>
        {tokens.length === 0 ? (
          <p className="text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {tokens.map((token) => (
              <li key={token.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <p className="font-medium">{token.name}</p>
                  <p className="text-sm text-slate-600">
                    <span dir="ltr" className="font-mono text-xs">
                      {token.prefix}
                    </span>{" "}
                    · {t(`roles.${token.role as "OWNER" | "ADMIN" | "STAFF"}`)} · {t("lastUsed")}:{" "}
                    {token.lastUsedAt ? format.relativeTime(new Date(token.lastUsedAt)) : t("never")}
                  </p>
                </div>
                {/* Only the owner revokes an owner's token (the use case refuses it anyway). */}
                {token.role !== "OWNER" || ctx.role === "OWNER" ? (
                  <RevokeTokenButton storeSlug={store.slug} tokenId={token.id} name={token.name} />
                ) : (
                  <span className="text-sm text-slate-600">{t("ownersToken")}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </main>
  );
}

export default withClientMessages("s/[storeSlug]/settings/api-tokens/page", ApiTokensPage);
