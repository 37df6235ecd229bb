import "server-only";
import { createTranslator } from "use-intl/core";
import en from "../../../messages/en.json";
import ar from "../../../messages/ar.json";
import type { Tx } from "@/server/db/client";
import { enqueueJob } from "@/server/jobs/enqueue-job";
import type { Locale } from "@/i18n/locales";

const catalogs = { en, ar } as const;

/** The emails of the installation, each with what it says: the words come from the catalogs' `emails`. */
export type EmailKind =
  | { kind: "verifyEmail"; name: string; link: string; hours: number }
  | { kind: "alreadyRegistered"; name: string; signInLink: string; resetLink: string }
  | { kind: "resetPassword"; name: string; link: string; minutes: number }
  | { kind: "passwordChanged"; name: string; resetLink: string }
  | { kind: "invitation"; inviter: string; store: string; role: "ADMIN" | "STAFF"; link: string; days: number }
  /** The morning digest to a store's owners: how many orders are late, the first of them line by line, and the list's late view. */
  | { kind: "lateDigest"; store: string; count: number; lines: string; link: string };

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Subject, plain text and HTML of an email in one language (HTML: the same words, the page's direction, one link as a button). */
export function renderEmail(email: EmailKind, locale: Locale): { subject: string; text: string; html: string } {
  const t = createTranslator({ locale, messages: catalogs[locale] as never, namespace: "emails" as never }) as unknown as (
    key: string,
    values?: Record<string, string | number>,
  ) => string;
  const { kind, ...values } = email;
  const subject = t(`${kind}.subject`, values);
  const paragraphs = t(`${kind}.body`, values).split("\n\n");
  const link = "link" in email ? email.link : email.kind === "alreadyRegistered" ? email.signInLink : email.resetLink;
  const action = t(`${kind}.action`);
  const text = [...paragraphs, `${action}: ${link}`, t("footer")].join("\n\n");
  const dir = locale === "ar" ? "rtl" : "ltr";
  const html = `<!doctype html><html lang="${locale}" dir="${dir}"><body style="font-family:system-ui,sans-serif;line-height:1.6;color:#0f172a">${paragraphs
    .map((p) => `<p>${escape(p)}</p>`)
    .join(
      "",
    )}<p><a href="${escape(link)}" style="display:inline-block;background:#0f766e;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none">${escape(action)}</a></p><p style="color:#475569;font-size:13px">${escape(t("footer"))}</p></body></html>`;
  return { subject, text, html };
}

/** Writes the email inside the caller's transaction and queues its sending: it leaves only if the transaction commits. */
export async function queueEmail(tx: Tx, to: string, email: EmailKind, locale: Locale) {
  const { subject, text, html } = renderEmail(email, locale);
  const message = await tx.emailMessage.create({ data: { to, subject, text, html }, select: { id: true } });
  await enqueueJob(tx, "email.send", { emailId: message.id });
}
