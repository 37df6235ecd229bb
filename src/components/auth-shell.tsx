import { LanguageSwitcher } from "@/components/language-switcher";

/** The pages before a store: sign in, sign up, email links, a new store. One card under the brand, the language switch below. */
export function AuthShell({ title, subtitle, children, footer }: { title: string; subtitle?: string; children: React.ReactNode; footer?: React.ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <div className="mx-auto mb-4 flex size-14 items-center justify-center rounded-2xl bg-brand-600 text-2xl font-semibold text-white">ت</div>
          <h1 className="text-2xl font-semibold">{title}</h1>
          {subtitle && <p className="mt-1 text-slate-600">{subtitle}</p>}
        </div>
        {children}
        {footer && <div className="mt-4 space-y-1 text-center text-sm">{footer}</div>}
        <div className="mt-6 flex justify-center">
          <LanguageSwitcher />
        </div>
      </div>
    </main>
  );
}

export const cardClass = "space-y-4 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm";
