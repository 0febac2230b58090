import type { NextFunction } from "grammy";
import type { TelegramChat } from "../../server/db";
import type { BotContext } from "../context";

export type LinkedBotContext = BotContext & { linkedChat: TelegramChat };

/** Guards the cost commands: an unlinked chat is told how to link instead of getting anyone's numbers. */
export async function requireLinkedChat(ctx: BotContext, next: NextFunction): Promise<void> {
  if (!ctx.linkedChat) {
    await ctx.reply(ctx.t(ctx.chat?.type === "private" ? "errors-not-linked-private" : "errors-not-linked-group"));
    return;
  }
  await next();
}
