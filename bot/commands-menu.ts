import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { BotLocale } from "./i18n/bot-i18n";

interface MenuCommand {
  command: string;
  description: Record<BotLocale, string>;
  /** Where the command makes sense; /link only in groups. */
  chats: "all" | "groups";
}

/** The menu Telegram shows next to the input field (setMyCommands), in Russian and English. */
export const BOT_COMMANDS: readonly MenuCommand[] = [
  { command: "cost", chats: "all", description: { ru: "Затраты за сегодня, неделю или месяц", en: "Spend for today, the week or the month" } },
  { command: "top", chats: "all", description: { ru: "Самые дорогие ресурсы", en: "Most expensive resources" } },
  { command: "forecast", chats: "all", description: { ru: "Прогноз затрат на конец месяца", en: "Month-end spend forecast" } },
  { command: "balance", chats: "all", description: { ru: "Балансы и дни до отключения", en: "Balances and days until suspension" } },
  { command: "sync", chats: "all", description: { ru: "Запустить синхронизацию", en: "Start a sync" } },
  { command: "zombies", chats: "all", description: { ru: "Ресурсы-зомби и сироты", en: "Zombie and orphan resources" } },
  { command: "alerts", chats: "all", description: { ru: "Настройки оповещений", en: "Alert settings" } },
  { command: "lang", chats: "all", description: { ru: "Язык бота", en: "Bot language" } },
  { command: "help", chats: "all", description: { ru: "Справка по командам", en: "Command help" } },
  { command: "link", chats: "groups", description: { ru: "Связать группу с организацией: /link <код>", en: "Link this group: /link <code>" } },
  { command: "unlink", chats: "all", description: { ru: "Отвязать чат от InfraZen", en: "Unlink this chat from InfraZen" } },
];

export function menuCommands(locale: BotLocale, chats: "private" | "groups"): BotCommand[] {
  return BOT_COMMANDS.filter((item) => item.chats === "all" || chats === "groups").map((item) => ({ command: item.command, description: item.description[locale] }));
}

/**
 * Publishes the menu for private chats and groups: Russian for everyone, English for English-speaking clients
 * (Telegram picks the list by the user's app language).
 */
export async function registerBotCommands(api: Api): Promise<void> {
  for (const [chats, type] of [["private", "all_private_chats"], ["groups", "all_group_chats"]] as const) {
    await api.setMyCommands(menuCommands("ru", chats), { scope: { type } });
    await api.setMyCommands(menuCommands("en", chats), { scope: { type }, language_code: "en" });
  }
}
