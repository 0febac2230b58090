import { Composer, InlineKeyboard } from "grammy";
import { db } from "../../server/db";
import { toggleMutedAlert } from "../../server/notify/alerts/toggle-muted-alert";
import { ALERT_KINDS, type AlertKind } from "../../server/notify/telegram-alert";
import type { BotContext } from "../context";
import { requireLinkedChat } from "../middleware/require-linked-chat";

export const alertsFeature = new Composer<BotContext>();

const TOGGLE_PREFIX = "alerts:toggle:";

/** Callback data back to an alert kind; anything else (an old or forged button) is null. */
export function parseAlertToggle(data: string): AlertKind | null {
  if (!data.startsWith(TOGGLE_PREFIX)) return null;
  const kind = data.slice(TOGGLE_PREFIX.length);
  return ALERT_KINDS.find((candidate) => candidate === kind) ?? null;
}

/** One button per alert kind, showing whether the chat hears it; pressing one toggles it. */
function alertsKeyboard(ctx: BotContext, muted: readonly string[]): InlineKeyboard {
  return InlineKeyboard.from(
    ALERT_KINDS.map((kind) => [InlineKeyboard.text(ctx.t(muted.includes(kind) ? "alerts-button-off" : "alerts-button-on", { kind: ctx.t(`alerts-kind-${kind}`) }), `${TOGGLE_PREFIX}${kind}`)]),
  );
}

/** In a group the alerts belong to the whole chat: only its Telegram admins change them. */
async function mayChangeAlerts(ctx: BotContext): Promise<boolean> {
  if (ctx.chat?.type === "private") return true;
  if (!ctx.from) return false;
  const member = await ctx.getChatMember(ctx.from.id);
  return member.status === "creator" || member.status === "administrator";
}

alertsFeature.command("alerts", requireLinkedChat, async (ctx) => {
  const muted = ctx.linkedChat?.mutedAlerts ?? [];
  const text = ctx.chat.type === "private" ? ctx.t("alerts-settings") : `${ctx.t("alerts-settings")}\n${ctx.t("alerts-settings-group")}`;
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: alertsKeyboard(ctx, muted) });
});

alertsFeature.callbackQuery(/^alerts:/, async (ctx) => {
  const kind = parseAlertToggle(ctx.callbackQuery.data);
  if (!kind || !ctx.linkedChat) {
    await ctx.answerCallbackQuery({ text: ctx.t("alerts-unknown-button"), show_alert: true });
    return;
  }
  if (!(await mayChangeAlerts(ctx))) {
    await ctx.answerCallbackQuery({ text: ctx.t("alerts-admins-only"), show_alert: true });
    return;
  }
  const muted = await toggleMutedAlert(db, ctx.linkedChat.id, kind);
  if (!muted) {
    await ctx.answerCallbackQuery({ text: ctx.t("alerts-unknown-button"), show_alert: true });
    return;
  }
  await ctx.editMessageReplyMarkup({ reply_markup: alertsKeyboard(ctx, muted) });
  await ctx.answerCallbackQuery({ text: ctx.t(muted.includes(kind) ? "alerts-turned-off" : "alerts-turned-on", { kind: ctx.t(`alerts-kind-${kind}`) }) });
});
