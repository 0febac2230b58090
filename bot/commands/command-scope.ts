import type { TelegramChat } from "../../server/db";
import type { BotContext } from "../context";
import { toBotLocale, type BotLocale } from "../i18n/bot-i18n";
import { callerForChat, type ChatCaller } from "../runtime/chat-caller";

export type Translate = (key: string, variables?: Record<string, string | number>) => string;

/** What a read-only command needs: the chat's tRPC caller, its link (for the scope), its language and texts. */
export interface CommandScope {
  caller: ChatCaller;
  chat: TelegramChat;
  locale: BotLocale;
  t: Translate;
}

/** For handlers behind requireLinkedChat; null only if one is registered without it. */
export async function commandScopeOf(ctx: BotContext): Promise<CommandScope | null> {
  const chat = ctx.linkedChat;
  if (!chat) return null;
  return { caller: callerForChat(chat), chat, locale: toBotLocale(await ctx.i18n.getLocale()), t: (key, variables) => ctx.t(key, variables) };
}
