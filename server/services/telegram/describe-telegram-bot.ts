import { readTelegramConfig, type TelegramConfig } from "../../../bot/telegram-config";
import { resolveBotUsername } from "./resolve-bot-username";

export const TELEGRAM_WEBHOOK_PATH = "/api/telegram";

export type TelegramBotStatus =
  | { enabled: false }
  | {
      enabled: true;
      username: string | null;
      /** "webhook" when TELEGRAM_WEBHOOK_SECRET is set (Telegram posts to the webhook URL), else `npm run bot` polls. */
      mode: "webhook" | "polling";
      webhookUrl: string;
    };

/** What Settings shows about the bot. Never the token or the webhook secret. */
export async function describeTelegramBot(config: TelegramConfig | null = readTelegramConfig()): Promise<TelegramBotStatus> {
  if (!config) return { enabled: false };
  return {
    enabled: true,
    username: await resolveBotUsername(config),
    mode: config.webhookSecret ? "webhook" : "polling",
    webhookUrl: `${config.appUrl}${TELEGRAM_WEBHOOK_PATH}`,
  };
}
