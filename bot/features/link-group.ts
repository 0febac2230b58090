import { Composer } from "grammy";
import { db } from "../../server/db";
import { removeTelegramChatLink } from "../../server/services/telegram/unlink-telegram-chat";
import { botIdentity } from "../../server/services/telegram/telegram-audit";
import type { BotContext } from "../context";
import { redeemFromChat } from "../linking/redeem-from-chat";
import { isTelegramChatAdmin } from "../runtime/is-chat-admin";

export const linkGroupFeature = new Composer<BotContext>();

const groups = linkGroupFeature.chatType(["group", "supergroup"]);
const privateChats = linkGroupFeature.chatType("private");

/**
 * /link <code> from a group binds it to the organization of the admin who made the code. Only the group's admins
 * may: anyone else holding some organization's code could move the group's link (and its alerts) elsewhere.
 */
groups.command("link", async (ctx) => {
  const code = ctx.match.trim();
  if (!code) {
    await ctx.reply(ctx.t("link-missing-code"));
    return;
  }
  if (!(await isTelegramChatAdmin(ctx))) {
    await ctx.reply(ctx.t("link-not-admin"));
    return;
  }
  await ctx.reply(await redeemFromChat(ctx, code));
});

privateChats.command("link", (ctx) => ctx.reply(ctx.t("link-private-hint")));

groups.command("unlink", async (ctx) => {
  const chat = ctx.linkedChat;
  if (!chat) {
    await ctx.reply(ctx.t("unlink-not-linked"));
    return;
  }
  // An organization admin can always unlink it in Settings too.
  if (!(await isTelegramChatAdmin(ctx))) {
    await ctx.reply(ctx.t("unlink-not-admin"));
    return;
  }
  // The Telegram admin is not necessarily an InfraZen user: the audit row names the Telegram account instead.
  await removeTelegramChatLink(db, botIdentity(null), chat, "telegram", { telegramUserId: ctx.from?.id ?? null });
  ctx.linkedChat = null;
  await ctx.reply(ctx.t("unlink-group-done"));
});

privateChats.command("unlink", async (ctx) => {
  const chat = ctx.linkedChat;
  if (!chat) {
    await ctx.reply(ctx.t("unlink-not-linked"));
    return;
  }
  await removeTelegramChatLink(db, botIdentity(chat.userId), chat, "telegram", { telegramUserId: ctx.from.id });
  ctx.linkedChat = null;
  await ctx.reply(ctx.t("unlink-private-done"));
});

/** A group upgraded to a supergroup gets a new chat id: the link follows it instead of silently breaking. */
linkGroupFeature.on("message:migrate_to_chat_id", async (ctx) => {
  await db.telegramChat.updateMany({ where: { telegramChatId: String(ctx.chat.id) }, data: { telegramChatId: String(ctx.msg.migrate_to_chat_id) } });
});

/**
 * The bot was removed from a group or blocked in a private chat: the link goes, so alerts stop being queued for
 * a chat that can never receive them. Adding the bot back needs a new code.
 */
linkGroupFeature.on("my_chat_member", async (ctx) => {
  const status = ctx.myChatMember.new_chat_member.status;
  if (status !== "left" && status !== "kicked") return;
  const chat = ctx.linkedChat;
  if (!chat) return;
  await removeTelegramChatLink(db, botIdentity(chat.userId), chat, "telegram", { telegramUserId: ctx.from.id, reason: status === "kicked" ? "bot_blocked_or_removed" : "bot_left" });
  ctx.linkedChat = null;
});
