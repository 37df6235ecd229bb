import { getTranslations } from "next-intl/server";

export async function Forbidden() {
  const t = await getTranslations("errors");
  return (
    <main className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("forbiddenTitle")}</h1>
      <p className="mt-3 text-slate-600">{t("forbidden")}</p>
    </main>
  );
}
