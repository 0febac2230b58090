import type { NextFunction } from "grammy";
import { db } from "../../server/db";
import type { BotContext } from "../context";

/** Loads the chat's link (if any) before anything else, so locale and every command see it. */
export async function loadLinkedChat(ctx: BotContext, next: NextFunction): Promise<void> {
  ctx.linkedChat = ctx.chat ? await db.telegramChat.findUnique({ where: { telegramChatId: String(ctx.chat.id) } }) : null;
  await next();
}
