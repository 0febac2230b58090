import { createHash } from "node:crypto";
import { formatDay, formatNumber } from "../../../app/_i18n/format";
import { money } from "../../../bot/format/format-amounts";
import type { ChatCaller } from "../../../bot/runtime/chat-caller";
import { translateBot } from "../../../bot/i18n/bot-i18n";
import { Prisma } from "../../db";
import { addDays, todayIn } from "../../services/costs/calendar-days";
import { costClockOf } from "../../services/costs/cost-clock";
import { formatMoney } from "../../services/costs/money";
import type { TelegramAlert } from "../telegram-alert";
import { chatCostFilters } from "../../../bot/commands/chat-filter";
import { readAsChat, type AlertChat } from "./alert-chats";
import { webLink } from "./web-links";

export const ANOMALY_HISTORY_DAYS = 14;
const ANOMALY_FACTOR = new Prisma.Decimal("1.5");

export interface SpendAnomaly {
  spend: Prisma.Decimal;
  median: Prisma.Decimal;
  /** spend ÷ median. */
  ratio: Prisma.Decimal;
}

export function medianOf(values: Prisma.Decimal[]): Prisma.Decimal {
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : sorted[middle - 1]!.plus(sorted[middle]!).div(2);
}

/**
 * A day's spend against the 14 days before it (oldest first): an anomaly when it exceeds 1.5 × their median.
 * Nothing to compare with — fewer than 14 days, billing that does not reach back to the first of them, or a zero
 * median — is never an anomaly.
 */
export function detectSpendAnomaly(history: Prisma.Decimal[], spend: Prisma.Decimal): SpendAnomaly | null {
  if (history.length !== ANOMALY_HISTORY_DAYS || history[0]!.isZero()) return null;
  const median = medianOf(history);
  if (median.isZero() || spend.lte(median.times(ANOMALY_FACTOR))) return null;
  return { spend, median, ratio: spend.div(median) };
}

/** The dedupKey's scope part: a chat whose filter changes judges the day again under its new scope. */
function scopeKey(chat: AlertChat["chat"]): string {
  if (chat.connectionIds.length === 0 && chat.projectIds.length === 0) return "all";
  const scope = `${[...chat.connectionIds].sort().join(",")}|${[...chat.projectIds].sort().join(",")}`;
  return createHash("sha1").update(scope).digest("hex").slice(0, 16);
}

/**
 * The last complete day (yesterday in the chat's timezone) of the chat's scope against the 14 days before it,
 * read through the chat's own caller (its permissions, its filter). One alert per day and scope.
 */
export async function spendAnomalyAlert(caller: ChatCaller, appUrl: string, chat: AlertChat, now: Date): Promise<TelegramAlert | null> {
  const day = addDays(todayIn(costClockOf({ timezone: chat.chat.timezone }, now).timezone, now), -1);
  const from = addDays(day, -ANOMALY_HISTORY_DAYS);
  const filters = chatCostFilters(chat.chat);
  const result = await readAsChat(() => caller.costExplorer.query({ range: { from, to: day }, granularity: "day", groupBy: "connection", filters, pageSize: 1 }));
  if (!result || result.totals.byBucket.length !== ANOMALY_HISTORY_DAYS + 1) return null;
  const daily = result.totals.byBucket.map((amount) => new Prisma.Decimal(amount));
  const anomaly = detectSpendAnomaly(daily.slice(0, ANOMALY_HISTORY_DAYS), daily[ANOMALY_HISTORY_DAYS]!);
  if (!anomaly) return null;
  const { locale } = chat;
  const amount = (value: Prisma.Decimal) => money(formatMoney(value), locale, result.currency);
  return {
    organizationId: chat.chat.organizationId,
    chatId: chat.chat.id,
    kind: "spend_anomaly",
    dedupKey: `spend_anomaly:${day}:${scopeKey(chat.chat)}`,
    text: translateBot(locale, "alerts-spend-anomaly", {
      day: formatDay(day, locale, { day: "numeric", month: "long" }),
      spend: amount(anomaly.spend),
      median: amount(anomaly.median),
      ratio: formatNumber(anomaly.ratio.toDecimalPlaces(1, Prisma.Decimal.ROUND_HALF_UP).toNumber(), locale),
    }),
    button: {
      text: translateBot(locale, "alerts-open-costs"),
      url: webLink(appUrl, locale, "/costs", { from, to: day, conn: filters.connectionIds, proj: filters.projects }),
    },
  };
}
