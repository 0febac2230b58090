import type { NextFunction } from "grammy";
import type { BotContext } from "../context";

/**
 * Guards the cost commands and their buttons: an unlinked chat is told how to link instead of getting anyone's
 * numbers (a button press is answered too, or Telegram keeps it spinning).
 */
export async function requireLinkedChat(ctx: BotContext, next: NextFunction): Promise<void> {
  if (!ctx.linkedChat) {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t(ctx.chat?.type === "private" ? "errors-not-linked-private" : "errors-not-linked-group"));
    return;
  }
  await next();
}
