import { formatDay, formatNumber } from "../../../app/_i18n/format";
import { allowedConnections, chatCostFilters } from "../../../bot/commands/chat-filter";
import { escapeHtml } from "../../../bot/format/escape-html";
import { money, percentChange } from "../../../bot/format/format-amounts";
import { translateBot, type BotLocale } from "../../../bot/i18n/bot-i18n";
import { callerForChat, type ChatCaller } from "../../../bot/runtime/chat-caller";
import { Prisma, type PrismaClient } from "../../db";
import { addDays } from "../../services/costs/calendar-days";
import { changePercent, decimal, formatMoney } from "../../services/costs/money";
import { loadAlertChats, readAsChat, type AlertChat } from "../alerts/alert-chats";
import { webLink } from "../alerts/web-links";
import type { TelegramAlert } from "../telegram-alert";
import { digestDedupKey } from "./digest-schedule";
import type { DueDigest } from "./find-due-digest-chats";

const TOP_SERVICES = 3;
/** As the connection cards and the dashboard's health table: under 30 days of balance needs a top-up soon. */
const LOW_BALANCE_DAYS = 30;

interface DigestFigures {
  currency: string;
  lastWeek: Prisma.Decimal;
  previousWeek: Prisma.Decimal;
  topServices: { service: string | null; cost: string }[];
  monthToDate: Prisma.Decimal;
  forecast: Prisma.Decimal | null;
  lowBalances: { name: string; daysLeft: number }[];
}

type DayRange = { from: string; to: string };

/**
 * Last week (Monday to Sunday before `day`) against the week before, its top 3 services, month to date and the
 * month-end forecast (costExplorer.monthForecast, the dashboard's and /forecast's rule), and the connections under 30 days of
 * balance — all within the chat's filter, through its caller.
 */
async function readDigestFigures(caller: ChatCaller, chat: AlertChat, day: string): Promise<DigestFigures> {
  const filters = chatCostFilters(chat.chat);
  const lastWeek: DayRange = { from: addDays(day, -7), to: addDays(day, -1) };
  const [weeks, services, month, connections] = await Promise.all([
    caller.costExplorer.query({ range: { from: addDays(day, -14), to: lastWeek.to }, granularity: "week", groupBy: "connection", filters, pageSize: 1 }),
    caller.costExplorer.query({ range: lastWeek, granularity: "week", groupBy: "service", filters, pageSize: TOP_SERVICES }),
    caller.costExplorer.monthForecast({ filters, asOf: day }),
    allowedConnections(caller, chat.chat),
  ]);
  const [previousWeek, lastWeekSpend] = [decimal(weeks.totals.byBucket[0]), decimal(weeks.totals.byBucket[1])];
  return {
    currency: weeks.currency,
    lastWeek: lastWeekSpend,
    previousWeek,
    topServices: services.rows.filter((row) => decimal(row.total).gt(0)).map((row) => ({ service: row.key, cost: row.total })),
    monthToDate: decimal(month.monthToDate),
    forecast: month.forecast === null ? null : decimal(month.forecast),
    lowBalances: connections
      .filter((connection) => connection.daysLeft !== null && connection.daysLeft < LOW_BALANCE_DAYS)
      .map((connection) => ({ name: connection.name, daysLeft: connection.daysLeft! }))
      .sort((a, b) => a.daysLeft - b.daysLeft),
  };
}

function digestText(locale: BotLocale, day: string, figures: DigestFigures): string {
  const amount = (value: Prisma.Decimal | string) => money(typeof value === "string" ? value : formatMoney(value), locale, figures.currency);
  const change = changePercent(figures.lastWeek, figures.previousWeek);
  const week = { spend: amount(figures.lastWeek), previous: amount(figures.previousWeek) };
  const dayLabel = (value: string) => formatDay(value, locale, { day: "numeric", month: "long" });
  const lines = [
    translateBot(locale, "digest-title", { from: dayLabel(addDays(day, -7)), to: dayLabel(addDays(day, -1)) }),
    change === null ? translateBot(locale, "digest-week-no-change", week) : translateBot(locale, "digest-week", { ...week, change: percentChange(change, locale) }),
  ];
  if (figures.topServices.length) {
    lines.push("", translateBot(locale, "digest-top-services"));
    figures.topServices.forEach((row, index) =>
      lines.push(translateBot(locale, "digest-service-line", { position: index + 1, service: escapeHtml(row.service ?? translateBot(locale, "digest-no-service")), cost: amount(row.cost) })),
    );
  }
  lines.push(
    "",
    figures.forecast
      ? translateBot(locale, "digest-month", { monthToDate: amount(figures.monthToDate), forecast: amount(figures.forecast) })
      : translateBot(locale, "digest-month-no-forecast", { monthToDate: amount(figures.monthToDate) }),
  );
  if (figures.lowBalances.length) {
    lines.push("", translateBot(locale, "digest-low-balance"));
    for (const connection of figures.lowBalances) lines.push(translateBot(locale, "digest-low-balance-line", { connection: escapeHtml(connection.name), days: formatNumber(connection.daysLeft, locale) }));
  }
  return lines.join("\n");
}

/**
 * The week's digest for one chat, or null when it has nothing to tell (no spend in its scope and no balance
 * running low) or the chat can no longer read costs. One per chat and ISO week (the dedupKey).
 */
export async function buildWeeklyDigest(db: PrismaClient, appUrl: string, due: DueDigest): Promise<TelegramAlert | null> {
  const [chat] = await loadAlertChats(db, due.organizationId, { ids: [due.chatId] });
  if (!chat || !chat.hears("weekly_digest")) return null;
  const figures = await readAsChat(() => readDigestFigures(callerForChat(chat.chat), chat, due.day));
  if (!figures) return null;
  if ([figures.lastWeek, figures.previousWeek, figures.monthToDate].every((part) => part.isZero()) && figures.lowBalances.length === 0) return null;
  return {
    organizationId: due.organizationId,
    chatId: chat.chat.id,
    kind: "weekly_digest",
    dedupKey: digestDedupKey(due.day),
    text: digestText(chat.locale, due.day, figures),
    button: { text: translateBot(chat.locale, "digest-open-dashboard"), url: webLink(appUrl, chat.locale, "/dashboard") },
  };
}
