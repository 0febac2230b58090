import type { Context } from "grammy";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { TelegramChat } from "../server/db";

/** What every handler sees: grammY's context, translations, and the chat's link (null: not linked yet). */
export type BotContext = Context &
  I18nFlavor & {
    linkedChat: TelegramChat | null;
  };
