import { callerForChat } from "../../../bot/runtime/chat-caller";
import type { SyncCompletedData, SyncFailedData } from "../../../inngest/events";
import type { PrismaClient } from "../../db";
import type { AlertKind, TelegramAlert } from "../telegram-alert";
import { loadAlertChats, readAsChat } from "./alert-chats";
import { advanceBalanceEpisode, lowBalanceAlert } from "./low-balance";
import { loadNewZombies, newZombieAlert } from "./new-resource-alerts";
import { spendAnomalyAlert } from "./spend-anomaly";
import { failedOutcome, partialOutcome, syncOutcomeAlerts } from "./sync-outcome-alerts";

/** The alerts a failed sync raises: the failure, once per streak. */
export async function evaluateSyncFailed(db: PrismaClient, appUrl: string, data: SyncFailedData): Promise<TelegramAlert[]> {
  const chats = await loadAlertChats(db, data.organizationId);
  return syncOutcomeAlerts(db, appUrl, chats, failedOutcome(data));
}

const COST_KINDS: AlertKind[] = ["new_zombies", "spend_anomaly", "low_balance"];

/**
 * The alerts a completed sync raises, for every chat that hears about its connection: a partial run (once per
 * streak), its new zombie and orphan resources, the last complete day's spend against its median, and the
 * balance crossing a threshold. Cost figures are read through each chat's caller, so a chat whose member lost
 * the permission gets none of them.
 */
export async function evaluateSyncCompleted(db: PrismaClient, appUrl: string, data: SyncCompletedData, now = new Date()): Promise<TelegramAlert[]> {
  const chats = await loadAlertChats(db, data.organizationId);
  if (chats.length === 0) return [];
  const alerts: TelegramAlert[] = [];
  const partial = partialOutcome(data);
  if (partial) alerts.push(...(await syncOutcomeAlerts(db, appUrl, chats, partial)));

  // The episode follows the connection, not who listens now: a top-up while every chat has it muted still re-arms.
  const balance = await advanceBalanceEpisode(db, data.organizationId, data.connectionId);
  const listeners = chats.filter((chat) => chat.covers(data.connectionId) && COST_KINDS.some((kind) => chat.hears(kind)));
  if (listeners.length === 0) return alerts;
  const newZombies = await loadNewZombies(db, data);

  for (const chat of listeners) {
    const caller = callerForChat(chat.chat);
    const connection = (await readAsChat(() => caller.connection.list()))?.find((candidate) => candidate.id === data.connectionId);
    if (!connection) continue;
    const found = [
      chat.hears("new_zombies") ? newZombieAlert(appUrl, chat, connection, newZombies, data) : null,
      chat.hears("low_balance") ? lowBalanceAlert(appUrl, chat, connection, balance) : null,
      chat.hears("spend_anomaly") ? await spendAnomalyAlert(caller, appUrl, chat, now) : null,
    ];
    alerts.push(...found.filter((alert) => alert !== null));
  }
  return alerts;
}
