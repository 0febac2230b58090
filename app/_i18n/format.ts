import type { Locale } from "@/server/i18n";

const LOCALE_TAGS: Record<Locale, string> = { ru: "ru-RU", en: "en-US" };

/**
 * Formats an exact decimal string as money ("1 234 567,89 ₽" in Russian). Intl formats the decimal string itself (no float),
 * for display, and rounded half-up to two decimals by Intl.
 */
export function formatMoney(amount: string, currency: string, locale: Locale): string {
  return new Intl.NumberFormat(LOCALE_TAGS[locale], { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount as Intl.StringNumericLiteral);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(LOCALE_TAGS[locale]).format(value);
}

export function formatDateTime(value: Date | string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(value));
}
