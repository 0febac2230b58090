import { formatNumber } from "../../../app/_i18n/format";
import { escapeHtml } from "../../../bot/format/escape-html";
import { money } from "../../../bot/format/format-amounts";
import { translateBot } from "../../../bot/i18n/bot-i18n";
import type { PrismaClient } from "../../db";
import { listConnectionStatus } from "../../services/connections/list-connection-status";
import type { TelegramAlert } from "../telegram-alert";
import type { AlertChat } from "./alert-chats";
import { webLink } from "./web-links";

/** Days of balance left that alert, highest first; a top-up to the first of them or more ends the episode. */
export const BALANCE_THRESHOLDS = [14, 7, 3] as const;

export interface BalanceEpisode {
  episode: number;
  low: boolean;
}

/** The lowest threshold the days left are under (6 → 7), or null at 14 days and more or when unknown. */
export function balanceThreshold(daysLeft: number | null): number | null {
  if (daysLeft === null) return null;
  return BALANCE_THRESHOLDS.filter((threshold) => daysLeft < threshold).at(-1) ?? null;
}

/** A drop under 14 days opens an episode; a top-up back to 14 or more closes it, so the next drop is a new one. */
export function nextBalanceEpisode(current: BalanceEpisode, daysLeft: number | null): BalanceEpisode {
  if (daysLeft === null) return current;
  const low = balanceThreshold(daysLeft) !== null;
  if (low === current.low) return current;
  return low ? { episode: current.episode, low } : { episode: current.episode + 1, low };
}

export interface BalanceStanding {
  episode: number;
  threshold: number | null;
}

/**
 * Moves the connection's stored episode along with its days left (as the connections page computes them) and
 * says which threshold, if any, it is under. Repeating it with the same days left changes nothing.
 */
export async function advanceBalanceEpisode(db: PrismaClient, organizationId: string, connectionId: string): Promise<BalanceStanding> {
  const connection = (await listConnectionStatus(db, organizationId)).find((candidate) => candidate.id === connectionId);
  const daysLeft = connection?.daysLeft ?? null;
  const stored = await db.balanceAlertState.findUnique({ where: { connectionId } });
  const current = stored ?? { episode: 1, low: false };
  const next = nextBalanceEpisode(current, daysLeft);
  if (connection && (!stored || next !== current)) {
    await db.balanceAlertState.upsert({ where: { connectionId }, create: { connectionId, ...next }, update: next });
  }
  return { episode: next.episode, threshold: balanceThreshold(daysLeft) };
}

/** The connection as the chat's caller lists it (connection.list). */
export interface ListedConnection {
  id: string;
  name: string;
  balance: string | null;
  balanceCurrency: string | null;
  daysLeft: number | null;
}

/**
 * Crossing into a lower threshold: one alert per threshold and episode (the dedupKey names both), so staying
 * under it repeats nothing, dropping further alerts the next threshold, and a top-up re-arms all of them.
 */
export function lowBalanceAlert(appUrl: string, chat: AlertChat, connection: ListedConnection, standing: BalanceStanding): TelegramAlert | null {
  if (standing.threshold === null || connection.daysLeft === null) return null;
  const { locale } = chat;
  const values = {
    connection: escapeHtml(connection.name),
    days: formatNumber(connection.daysLeft, locale),
    threshold: standing.threshold,
    balance: connection.balance !== null && connection.balanceCurrency ? money(connection.balance, locale, connection.balanceCurrency) : "",
  };
  return {
    organizationId: chat.chat.organizationId,
    chatId: chat.chat.id,
    kind: "low_balance",
    dedupKey: `low_balance:${connection.id}:${standing.episode}:${standing.threshold}`,
    text: translateBot(locale, values.balance ? "alerts-low-balance" : "alerts-low-balance-no-amount", values),
    button: { text: translateBot(locale, "alerts-open-connection"), url: webLink(appUrl, locale, `/connections/${connection.id}`) },
  };
}
