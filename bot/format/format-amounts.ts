import { formatMoney } from "../../app/_i18n/format";
import { Prisma } from "../../server/db";
import { formatMoney as kopecks } from "../../server/services/costs/money";
import type { BotLocale } from "../i18n/bot-i18n";
import { INTL_LOCALE } from "./intl-locale";

/** An exact decimal amount as the web shows it ("1 234,50 ₽" in Russian); RUB unless the data says otherwise. */
export function money(amount: string, locale: BotLocale, currency: string | null = "RUB"): string {
  return formatMoney(amount, currency || "RUB", locale);
}

/**
 * Exact amounts summed per currency: "1 234,50 ₽", or "1 234,50 ₽ + $12.00" when several currencies add up
 * (currencies in code order). Nothing at all is a zero in roubles.
 */
export function moneyTotal(amounts: Iterable<{ amount: string | Prisma.Decimal; currency: string | null }>, locale: BotLocale): string {
  const totals = new Map<string, Prisma.Decimal>();
  for (const { amount, currency } of amounts) {
    const code = currency || "RUB";
    totals.set(code, (totals.get(code) ?? new Prisma.Decimal(0)).plus(amount));
  }
  if (totals.size === 0) return money("0.00", locale);
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amount]) => money(kopecks(amount), locale, currency))
    .join(" + ");
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
