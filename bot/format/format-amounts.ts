import { formatMoney } from "../../app/_i18n/format";
import type { BotLocale } from "../i18n/bot-i18n";
import { INTL_LOCALE } from "./intl-locale";

/** An exact decimal amount as the web shows it ("1 234,50 ₽" in Russian); RUB unless the data says otherwise. */
export function money(amount: string, locale: BotLocale, currency: string | null = "RUB"): string {
  return formatMoney(amount, currency || "RUB", locale);
}

/**
 * A change in percent ("128.6", one decimal, from changePercent) with an arrow: "▲ +128,6 %". The value is a
 * display ratio, not money, so reading it as a number is harmless.
 */
export function percentChange(percent: string, locale: BotLocale): string {
  const value = Number(percent);
  const arrow = value > 0 ? "▲" : value < 0 ? "▼" : "→";
  const formatted = new Intl.NumberFormat(INTL_LOCALE[locale], { style: "percent", signDisplay: "exceptZero", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value / 100);
  return `${arrow} ${formatted}`;
}
