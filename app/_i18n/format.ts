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

/** A calendar day "YYYY-MM-DD" as "12 нояб. 2026"; read as UTC so no timezone can shift it to a neighbouring day. */
export function formatDay(day: string, locale: Locale, options: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" }): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], { ...options, timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

/** Whole roubles for chart axes and tooltips, where kopecks are noise; tables keep exact amounts. */
export function formatMoneyRounded(value: number, currency: string, locale: Locale): string {
  return new Intl.NumberFormat(LOCALE_TAGS[locale], { style: "currency", currency, maximumFractionDigits: 0 }).format(value);
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [["second", 60], ["minute", 60], ["hour", 24], ["day", 30], ["month", 12], ["year", Infinity]];

/** "5 минут назад": how stale something is, next to its absolute time. */
export function formatRelative(value: Date | string, locale: Locale, now: Date = new Date()): string {
  let amount = (new Date(value).getTime() - now.getTime()) / 1000;
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(amount) < size) return new Intl.RelativeTimeFormat(LOCALE_TAGS[locale], { numeric: "auto" }).format(Math.round(amount), unit);
    amount /= size;
  }
  return "";
}
