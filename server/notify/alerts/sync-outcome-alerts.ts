import { clipText } from "../../../bot/format/clip-text";
import { escapeHtml } from "../../../bot/format/escape-html";
import { translateBot } from "../../../bot/i18n/bot-i18n";
import type { SyncCompletedData, SyncFailedData } from "../../../inngest/events";
import type { PrismaClient } from "../../db";
import type { TelegramAlert } from "../telegram-alert";
import type { AlertChat } from "./alert-chats";
import { findSyncStreakStart } from "./sync-streak";
import { webLink } from "./web-links";

interface SyncOutcome {
  kind: "sync_failed" | "sync_partial";
  connectionId: string;
  organizationId: string;
  syncRunId: string;
  /** The provider's words (error, or the failed scopes of a partial run). */
  detail: string | null;
}

export function failedOutcome(data: SyncFailedData): SyncOutcome {
  const { message, providerMessage } = data.error;
  const detail = providerMessage && !message.includes(providerMessage) ? `${message} (${providerMessage})` : message;
  return { kind: "sync_failed", connectionId: data.connectionId, organizationId: data.organizationId, syncRunId: data.syncRunId, detail };
}

export function partialOutcome(data: SyncCompletedData): SyncOutcome | null {
  if (data.status !== "partial") return null;
  return { kind: "sync_partial", connectionId: data.connectionId, organizationId: data.organizationId, syncRunId: data.syncRunId, detail: data.warning };
}

/**
 * A failed or partial sync, told to every chat that hears about the connection: once per streak of such runs
 * (the dedupKey names the streak's first run), with a button to the connection's page.
 */
export async function syncOutcomeAlerts(db: PrismaClient, appUrl: string, chats: AlertChat[], outcome: SyncOutcome): Promise<TelegramAlert[]> {
  const audience = chats.filter((chat) => chat.hears(outcome.kind) && chat.covers(outcome.connectionId));
  if (audience.length === 0) return [];
  const run = await db.syncRun.findFirst({
    where: { id: outcome.syncRunId, connectionId: outcome.connectionId, organizationId: outcome.organizationId },
    select: { id: true, connectionId: true, createdAt: true, connection: { select: { name: true } } },
  });
  if (!run) return [];
  const streakStart = await findSyncStreakStart(db, run, outcome.kind === "sync_failed" ? "error" : "partial");
  const prefix = outcome.kind === "sync_failed" ? "alerts-sync-failed" : "alerts-sync-partial";
  return audience.map(({ chat, locale }) => ({
    organizationId: outcome.organizationId,
    chatId: chat.id,
    kind: outcome.kind,
    dedupKey: `${outcome.kind}:${outcome.connectionId}:${streakStart}`,
    text: translateBot(locale, prefix, {
      connection: escapeHtml(run.connection.name),
      detail: escapeHtml(clipText(outcome.detail ?? translateBot(locale, `${prefix}-no-detail`))),
    }),
    button: { text: translateBot(locale, "alerts-open-connection"), url: webLink(appUrl, locale, `/connections/${outcome.connectionId}`) },
  }));
}
