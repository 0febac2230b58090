import { formatDay } from "../../app/_i18n/format";
import type { BotLocale } from "../i18n/bot-i18n";
import { INTL_LOCALE } from "./intl-locale";

const DAY = { day: "numeric", month: "short", year: "numeric" } as const;

/** "1–15 окт. 2025 г." / "Sep 28 – Oct 15, 2025"; one day is just that day. Calendar days are read as UTC. */
export function formatDayRange(from: string, to: string, locale: BotLocale): string {
  if (from === to) return formatDay(from, locale, DAY);
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...DAY, timeZone: "UTC" }).formatRange(new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`));
}

/** "октябрь 2025 г." / "October 2025" for any day of the month. */
export function formatMonth(day: string, locale: BotLocale): string {
  return formatDay(day, locale, { month: "long", year: "numeric" });
}
