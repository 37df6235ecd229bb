/**
 * Errors in words: the one place where an error's code, message key, parameters and field rules become
 * text, in English (the API's stable words) or in the reader's language (screens, the customer's pages).
 */
import { createTranslator } from "use-intl/core";
import en from "../../../messages/en.json";
import ar from "../../../messages/ar.json";
import { formatMoney, moneyLocale } from "@/server/money/money";
import type { AppError, ErrorCode, FieldErrors, FieldIssues, Issue, Param, Params, Say } from "./app-error";

export type WordsLocale = "en" | "ar";
const catalogs = { en, ar } as const;
type Translate = (key: string, values?: Record<string, string | number>) => string;
const translators = new Map<WordsLocale, Translate>();

export function translator(locale: WordsLocale): Translate {
  let t = translators.get(locale);
  if (!t) {
    const created = createTranslator({ locale, messages: catalogs[locale] as never, timeZone: "Asia/Riyadh" }) as unknown as Translate;
    t = created;
    translators.set(locale, t);
  }
  return t;
}

const has = (locale: WordsLocale, key: string): boolean => {
  let node: unknown = catalogs[locale];
  for (const part of key.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === "string";
};

function word(param: Exclude<Param, unknown[]>, locale: WordsLocale): string | number {
  if (typeof param !== "object") return param;
  const t = translator(locale);
  if ("money" in param) return formatMoney(param.money, param.currency, moneyLocale(locale));
  if ("status" in param) {
    const key = `status.${param.status.toLowerCase()}`;
    return has(locale, key) ? t(key) : param.status;
  }
  const key = `carrierName.${param.carrier}`;
  return has(locale, key) ? t(key) : param.carrier;
}

function values(params: Params | undefined, locale: WordsLocale): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => word(x, locale)).join(locale === "ar" ? "، " : ", ") : word(v, locale)]),
  );
}

export const renderIssue = (i: Issue, locale: WordsLocale): string => translator(locale)(`validation.${i.rule}`, values(i.params, locale));
export const renderIssueEnglish = (i: Issue): string => renderIssue(i, "en");

/** The words for an error: its own message key, or else its code's. */
export function renderError(
  error: { code: ErrorCode; say?: Say; issues?: FieldIssues; fields?: FieldErrors },
  locale: WordsLocale,
): { message: string; fields?: FieldErrors } {
  const t = translator(locale);
  const message = error.say ? t(`errors.detail.${error.say.key}`, values(error.say.params, locale)) : t(`errors.${error.code}`);
  const fields = error.issues
    ? Object.fromEntries(Object.entries(error.issues).map(([field, i]) => [field, renderIssue(i, locale)]))
    : error.fields && locale !== "en"
      ? Object.fromEntries(Object.keys(error.fields).map((field) => [field, t("validation.invalid")]))
      : error.fields;
  return { message, ...(fields ? { fields } : {}) };
}

/**
 * What a screen shows for any thrown value: an AppError in the reader's words (in English, its own
 * message when it names no catalog message: the thrower's words are the most precise); anything else,
 * the code's words.
 */
export function inWords(error: AppError | null, code: ErrorCode, english: string, locale: WordsLocale): { message: string; fields?: FieldErrors } {
  if (!error) return renderError({ code }, locale);
  const words = renderError(error, locale);
  return locale === "en" && !error.say ? { ...words, message: english } : words;
}
