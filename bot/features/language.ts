import { Composer, InlineKeyboard } from "grammy";
import { db } from "../../server/db";
import { isMessageNotModified } from "../commands/message-not-modified";
import type { BotContext } from "../context";
import { BOT_LOCALES, type BotLocale } from "../i18n/bot-i18n";
import { isTelegramChatAdmin } from "../runtime/is-chat-admin";

export const languageFeature = new Composer<BotContext>();

const LANGUAGE_NAMES: Record<BotLocale, string> = { ru: "Русский", en: "English" };
const CALLBACK = /^lang:(ru|en)$/;

const isBotLocale = (value: string): value is BotLocale => (BOT_LOCALES as readonly string[]).includes(value);

/**
 * Answers from now on in `locale`: a linked chat keeps it (TelegramChat.locale, read by every later update and
 * by alerts); an unlinked one has nowhere to keep it, so only this answer switches.
 */
async function useLanguage(ctx: BotContext, locale: BotLocale): Promise<string> {
  // A group's language is the whole chat's (its alerts too): its Telegram admins choose it.
  if (ctx.linkedChat && !(await isTelegramChatAdmin(ctx))) return ctx.t("language-admins-only");
  if (ctx.linkedChat) ctx.linkedChat = await db.telegramChat.update({ where: { id: ctx.linkedChat.id }, data: { locale } });
  ctx.i18n.useLocale(locale);
  return ctx.t(ctx.linkedChat ? "language-saved" : "language-not-saved");
}

/** /lang: buttons for each language; "/lang en" switches at once. */
languageFeature.command("lang", async (ctx) => {
  const wanted = ctx.match.trim().toLowerCase();
  if (isBotLocale(wanted)) {
    await ctx.reply(await useLanguage(ctx, wanted));
    return;
  }
  const keyboard = new InlineKeyboard();
  for (const locale of BOT_LOCALES) keyboard.text(LANGUAGE_NAMES[locale], `lang:${locale}`);
  await ctx.reply(ctx.t("language-choose"), { reply_markup: keyboard });
});

languageFeature.callbackQuery(/^lang:/, async (ctx) => {
  const locale = CALLBACK.exec(ctx.callbackQuery.data)?.[1];
  if (!locale || !isBotLocale(locale)) {
    await ctx.answerCallbackQuery({ text: ctx.t("language-button-stale") });
    return;
  }
  const confirmation = await useLanguage(ctx, locale);
  try {
    await ctx.editMessageText(confirmation);
  } catch (error) {
    if (!isMessageNotModified(error)) throw error;
  }
  await ctx.answerCallbackQuery();
});
