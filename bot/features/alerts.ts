import { Composer, InlineKeyboard } from "grammy";
import { db } from "../../server/db";
import { toggleMutedAlert } from "../../server/notify/alerts/toggle-muted-alert";
import { receivesDigest } from "../../server/notify/digest/find-due-digest-chats";
import { ALERT_KINDS, type AlertKind } from "../../server/notify/telegram-alert";
import type { TelegramChat } from "../../server/db";
import type { BotContext } from "../context";
import { isMessageNotModified } from "../commands/message-not-modified";
import { requireLinkedChat } from "../middleware/require-linked-chat";
import { callerForChat } from "../runtime/chat-caller";
import { isTelegramChatAdmin } from "../runtime/is-chat-admin";

export const alertsFeature = new Composer<BotContext>();

const TOGGLE_PREFIX = "alerts:toggle:";

/** Callback data back to an alert kind; anything else (an old or forged button) is null. */
export function parseAlertToggle(data: string): AlertKind | null {
  if (!data.startsWith(TOGGLE_PREFIX)) return null;
  const kind = data.slice(TOGGLE_PREFIX.length);
  return ALERT_KINDS.find((candidate) => candidate === kind) ?? null;
}

/** The kinds this chat can receive: the weekly digest only reaches groups and executives' private chats. */
async function kindsFor(chat: TelegramChat): Promise<AlertKind[]> {
  const { role } = await callerForChat(chat).organization.current();
  return ALERT_KINDS.filter((kind) => kind !== "weekly_digest" || receivesDigest(chat, role));
}

/** One button per alert kind, showing whether the chat hears it; pressing one toggles it. */
function alertsKeyboard(ctx: BotContext, kinds: readonly AlertKind[], muted: readonly string[]): InlineKeyboard {
  return InlineKeyboard.from(
    kinds.map((kind) => [InlineKeyboard.text(ctx.t(muted.includes(kind) ? "alerts-button-off" : "alerts-button-on", { kind: ctx.t(`alerts-kind-${kind}`) }), `${TOGGLE_PREFIX}${kind}`)]),
  );
}

alertsFeature.command("alerts", requireLinkedChat, async (ctx) => {
  const chat = ctx.linkedChat!;
  const text = ctx.chat.type === "private" ? ctx.t("alerts-settings") : `${ctx.t("alerts-settings")}\n${ctx.t("alerts-settings-group")}`;
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: alertsKeyboard(ctx, await kindsFor(chat), chat.mutedAlerts) });
});

alertsFeature.callbackQuery(/^alerts:/, async (ctx) => {
  const kind = parseAlertToggle(ctx.callbackQuery.data);
  const kinds = ctx.linkedChat ? await kindsFor(ctx.linkedChat) : [];
  if (!kind || !kinds.includes(kind)) {
    await ctx.answerCallbackQuery({ text: ctx.t("alerts-unknown-button"), show_alert: true });
    return;
  }
  // In a group the alerts belong to the whole chat: only its Telegram admins change them.
  if (!(await isTelegramChatAdmin(ctx))) {
    await ctx.answerCallbackQuery({ text: ctx.t("alerts-admins-only"), show_alert: true });
    return;
  }
  const muted = await toggleMutedAlert(db, ctx.linkedChat!.id, kind);
  if (!muted) {
    await ctx.answerCallbackQuery({ text: ctx.t("alerts-unknown-button"), show_alert: true });
    return;
  }
  // Two admins tapping at once can ask for the same keyboard twice.
  await ctx.editMessageReplyMarkup({ reply_markup: alertsKeyboard(ctx, kinds, muted) }).catch((error: unknown) => {
    if (!isMessageNotModified(error)) throw error;
  });
  await ctx.answerCallbackQuery({ text: ctx.t(muted.includes(kind) ? "alerts-turned-off" : "alerts-turned-on", { kind: ctx.t(`alerts-kind-${kind}`) }) });
});
