import { parseArgs } from "node:util";
import { registerBotCommands } from "../../../bot/commands-menu";
import { createTelegramApi } from "../../../bot/runtime/telegram-api";
import { readTelegramConfig } from "../../../bot/telegram-config";
import { TELEGRAM_WEBHOOK_PATH } from "../../services/telegram/describe-telegram-bot";
import { CliUsageError, type CliCommand } from "../cli-command";

/**
 * `telegram webhook`: points Telegram at this server's /api/telegram with the secret it must send back, and
 * publishes the command menu. `telegram webhook --delete` goes back to long polling (`npm run bot`).
 */
export const telegramCommand: CliCommand = {
  name: "telegram",
  summary: "register the Telegram webhook (setWebhook with the secret) and the command menu",
  usage: "telegram webhook [--url <public base URL>] [--delete]",
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { url: { type: "string" }, delete: { type: "boolean", default: false } } });
    if (positionals[0] !== "webhook" || positionals.length !== 1) throw new CliUsageError("Unknown subcommand.");
    const config = readTelegramConfig();
    if (!config) throw new Error("The Telegram bot is off: set TELEGRAM_BOT_TOKEN (from @BotFather) first.");
    const api = createTelegramApi(config);
    if (values.delete) {
      await api.deleteWebhook();
      console.log("Webhook removed: run `npm run bot` to receive updates by long polling.");
      return 0;
    }
    if (!config.webhookSecret) throw new Error("Set TELEGRAM_WEBHOOK_SECRET (openssl rand -hex 32): the webhook refuses updates without it.");
    const base = (values.url ?? config.appUrl).replace(/\/+$/, "");
    if (!base.startsWith("https://")) throw new Error(`Telegram only posts to https URLs; got ${base}. Pass --url https://… or set NEXTAUTH_URL.`);
    const url = `${base}${TELEGRAM_WEBHOOK_PATH}`;
    await api.setWebhook(url, { secret_token: config.webhookSecret });
    await registerBotCommands(api);
    const info = await api.getWebhookInfo();
    console.log(`Webhook set: ${info.url} (pending updates: ${info.pending_update_count}). The command menu is published in ru and en.`);
    return 0;
  },
};
