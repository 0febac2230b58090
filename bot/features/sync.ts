import { TRPCError } from "@trpc/server";
import { Composer, InlineKeyboard } from "grammy";
import type { TelegramChat } from "../../server/db";
import type { BotContext } from "../context";
import { requireLinkedChat } from "../middleware/require-linked-chat";
import { callerForChat } from "../runtime/chat-caller";
import { allowedConnections } from "../commands/chat-filter";
import { findConnectionByName } from "../runtime/chat-scope";
import { isTelegramChatAdmin } from "../runtime/is-chat-admin";
import { renderSyncProgress } from "../sync-progress/render-sync-progress";
import { startSyncProgressWatch } from "../sync-progress/start-sync-progress-watch";

export const syncFeature = new Composer<BotContext>();

const QUEUED_RUN = { status: "queued", phases: [], resourcesCreated: 0, resourcesUpdated: 0, resourcesDeleted: 0, resourcesUnchanged: 0, monthlyCostTotal: null, currency: null, error: null, startedAt: null, finishedAt: null };

/** The chat's connections (its connection and project filter applied), as every other command lists them. */
function syncableConnections(chat: TelegramChat) {
  return allowedConnections(callerForChat(chat), chat);
}

/**
 * Starts the sync through the web app's own procedure (its permission: owner or admin of the chat's org, checked
 * for the member the chat acts as), then shows one progress message, the pressed keyboard's message when there is
 * one, and hands it to the watch. In a group the sync runs with the linking admin's rights, so only the group's
 * Telegram admins may start it.
 */
async function startSync(ctx: BotContext, chat: TelegramChat, connection: { id: string; name: string }, keyboardMessageId: number | null): Promise<void> {
  if (!(await isTelegramChatAdmin(ctx))) {
    await ctx.reply(ctx.t("sync-group-admins-only"));
    return;
  }
  let started: { syncRunId: string; alreadyRunning: boolean };
  try {
    started = await callerForChat(chat).connection.sync({ id: connection.id });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "FORBIDDEN") {
      await ctx.reply(ctx.t("sync-no-permission"));
      return;
    }
    // Refusals the web shows (provider disabled, demo limits) arrive translated; anything else is the boundary's.
    if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") {
      await ctx.reply(error.message);
      return;
    }
    throw error;
  }
  const text = [...(started.alreadyRunning ? [ctx.t("sync-already-running")] : []), renderSyncProgress(chat.locale, connection.name, QUEUED_RUN)].join("\n");
  const messageId = keyboardMessageId ?? (await ctx.reply(text)).message_id;
  if (keyboardMessageId) await ctx.editMessageText(text);
  await startSyncProgressWatch(ctx.api, {
    syncRunId: started.syncRunId,
    organizationId: chat.organizationId,
    connectionName: connection.name,
    telegramChatId: chat.telegramChatId,
    messageId,
    locale: chat.locale,
  });
}

syncFeature.command("sync", requireLinkedChat, async (ctx) => {
  const chat = ctx.linkedChat!;
  const connections = await syncableConnections(chat);
  if (connections.length === 0) {
    await ctx.reply(ctx.t("sync-no-connections"));
    return;
  }
  const name = ctx.match.trim();
  if (name) {
    const connection = findConnectionByName(connections, name);
    if (!connection) {
      await ctx.reply(ctx.t("sync-not-found", { name, names: connections.map((item) => item.name).join(", ") }));
      return;
    }
    await startSync(ctx, chat, connection, null);
    return;
  }
  if (connections.length === 1) {
    await startSync(ctx, chat, connections[0]!, null);
    return;
  }
  const keyboard = InlineKeyboard.from(connections.map((connection) => [InlineKeyboard.text(connection.name, `sync:${connection.id}`)]));
  await ctx.reply(ctx.t("sync-pick-connection"), { reply_markup: keyboard });
});

// The id in the button is only a hint: it must still be one of this chat's connections.
syncFeature.callbackQuery(/^sync:([A-Za-z0-9_-]{1,40})$/, requireLinkedChat, async (ctx) => {
  const chat = ctx.linkedChat!;
  const connection = (await syncableConnections(chat)).find((item) => item.id === ctx.match[1]);
  await ctx.answerCallbackQuery();
  if (!connection) {
    await ctx.reply(ctx.t("sync-no-connections"));
    return;
  }
  await startSync(ctx, chat, connection, ctx.callbackQuery.message?.message_id ?? null);
});
