import { formatDay, formatMoney, formatNumber } from "../../../app/_i18n/format";
import { translateBot, type BotLocale } from "../../../bot/i18n/bot-i18n";
import { callerForChat, type ChatCaller } from "../../../bot/runtime/chat-caller";
import { Prisma, type PrismaClient } from "../../db";
import { addDays } from "../../services/costs/calendar-days";
import { changePercent } from "../../services/costs/money";
import { forecastWindows, projectMonthEnd } from "../../services/dashboard/project-month-end";
import { chatCostFilters, loadAlertChats, readAsChat, type AlertChat } from "../alerts/alert-chats";
import { escapeTelegramHtml } from "../alerts/telegram-html";
import { webLink } from "../alerts/web-links";
import type { TelegramAlert } from "../telegram-alert";
import { digestDedupKey } from "./digest-schedule";
import type { DueDigest } from "./find-due-digest-chats";

const TOP_SERVICES = 3;
/** As the connection cards and the dashboard's health table: under 30 days of balance needs a top-up soon. */
const LOW_BALANCE_DAYS = 30;

interface DigestFigures {
  currency: string;
  lastWeek: string;
  previousWeek: string;
  topServices: { service: string | null; cost: string }[];
  monthToDate: string;
  forecast: string;
  lowBalances: { name: string; daysLeft: number }[];
}

/** The chat's spend over one range (its filter applied by the cost explorer, its permissions by the caller). */
async function spendOver(caller: ChatCaller, chat: AlertChat, from: string, to: string) {
  const result = await caller.costExplorer.query({ range: { from, to }, granularity: "month", groupBy: "connection", filters: chatCostFilters(chat.chat), pageSize: 1 });
  return { currency: result.currency, total: new Prisma.Decimal(result.totals.total) };
}

/**
 * Last week (Monday to Sunday before `day`) against the week before, its top 3 services, month to date and the
 * month-end forecast (the dashboard's formula), and the connections under 30 days of balance — all in the
 * chat's scope, through its caller.
 */
async function readDigestFigures(caller: ChatCaller, chat: AlertChat, day: string): Promise<DigestFigures> {
  const lastWeekFrom = addDays(day, -7);
  const lastWeekTo = addDays(day, -1);
  const filters = chatCostFilters(chat.chat);
  const windows = forecastWindows(day);
  const [weeks, services, monthToDate, completeDays, base, connections] = await Promise.all([
    caller.costExplorer.query({ range: { from: addDays(day, -14), to: lastWeekTo }, granularity: "week", groupBy: "connection", filters, pageSize: 1 }),
    caller.costExplorer.query({ range: { from: lastWeekFrom, to: lastWeekTo }, granularity: "week", groupBy: "service", filters, pageSize: TOP_SERVICES }),
    spendOver(caller, chat, windows.monthStart, day),
    windows.completeDays ? spendOver(caller, chat, windows.completeDays.from, windows.completeDays.to) : null,
    spendOver(caller, chat, windows.base.from, windows.base.to),
    caller.connection.list(),
  ]);
  const forecast = projectMonthEnd({ completeDays: completeDays?.total ?? new Prisma.Decimal(0), base: base.total, daysLeft: windows.daysLeft, hasData: true }) ?? new Prisma.Decimal(0);
  return {
    currency: weeks.currency,
    previousWeek: weeks.totals.byBucket[0] ?? "0.00",
    lastWeek: weeks.totals.byBucket[1] ?? "0.00",
    topServices: services.rows.filter((row) => new Prisma.Decimal(row.total).gt(0)).map((row) => ({ service: row.key, cost: row.total })),
    monthToDate: monthToDate.total.toFixed(2),
    forecast: forecast.toFixed(2, Prisma.Decimal.ROUND_HALF_UP),
    lowBalances: connections
      .filter((connection) => chat.covers(connection.id) && connection.daysLeft !== null && connection.daysLeft < LOW_BALANCE_DAYS)
      .map((connection) => ({ name: connection.name, daysLeft: connection.daysLeft! }))
      .sort((a, b) => a.daysLeft - b.daysLeft),
  };
}

/** "+12,3 %" / "−5.0%": the week's change in the chat's language. */
function formatChange(percent: string, locale: BotLocale): string {
  const ratio = new Prisma.Decimal(percent).div(100).toString();
  return new Intl.NumberFormat(locale, { style: "percent", signDisplay: "exceptZero", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ratio as Intl.StringNumericLiteral);
}

function digestText(locale: BotLocale, day: string, figures: DigestFigures): string {
  const money = (amount: string) => formatMoney(amount, figures.currency, locale);
  const change = changePercent(new Prisma.Decimal(figures.lastWeek), new Prisma.Decimal(figures.previousWeek));
  const lines = [
    translateBot(locale, "digest-title", { from: formatDay(addDays(day, -7), locale, { day: "numeric", month: "long" }), to: formatDay(addDays(day, -1), locale, { day: "numeric", month: "long" }) }),
    change === null
      ? translateBot(locale, "digest-week-no-change", { spend: money(figures.lastWeek), previous: money(figures.previousWeek) })
      : translateBot(locale, "digest-week", { spend: money(figures.lastWeek), previous: money(figures.previousWeek), change: formatChange(change, locale) }),
  ];
  if (figures.topServices.length) {
    lines.push("", translateBot(locale, "digest-top-services"));
    figures.topServices.forEach((row, index) =>
      lines.push(translateBot(locale, "digest-service-line", { position: index + 1, service: escapeTelegramHtml(row.service ?? translateBot(locale, "digest-no-service")), cost: money(row.cost) })),
    );
  }
  lines.push("", translateBot(locale, "digest-month", { monthToDate: money(figures.monthToDate), forecast: money(figures.forecast) }));
  if (figures.lowBalances.length) {
    lines.push("", translateBot(locale, "digest-low-balance"));
    for (const connection of figures.lowBalances) lines.push(translateBot(locale, "digest-low-balance-line", { connection: escapeTelegramHtml(connection.name), days: formatNumber(connection.daysLeft, locale) }));
  }
  return lines.join("\n");
}

const isZero = (amount: string) => new Prisma.Decimal(amount).isZero();

/**
 * The week's digest for one chat, or null when it has nothing to tell (no spend in its scope and no balance
 * running low) or the chat can no longer read costs. One per chat and ISO week (the dedupKey).
 */
export async function buildWeeklyDigest(db: PrismaClient, appUrl: string, due: DueDigest): Promise<TelegramAlert | null> {
  const [chat] = await loadAlertChats(db, due.organizationId, { ids: [due.chatId] });
  if (!chat || !chat.hears("weekly_digest")) return null;
  const figures = await readAsChat(() => readDigestFigures(callerForChat(chat.chat), chat, due.day));
  if (!figures) return null;
  if ([figures.lastWeek, figures.previousWeek, figures.monthToDate].every(isZero) && figures.lowBalances.length === 0) return null;
  return {
    organizationId: due.organizationId,
    chatId: chat.chat.id,
    kind: "weekly_digest",
    dedupKey: digestDedupKey(due.day),
    text: digestText(chat.locale, due.day, figures),
    button: { text: translateBot(chat.locale, "digest-open-dashboard"), url: webLink(appUrl, chat.locale, "/dashboard") },
  };
}
