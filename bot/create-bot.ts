import { autoRetry } from "@grammyjs/auto-retry";
import { apiThrottler } from "@grammyjs/transformer-throttler";
import { TRPCError } from "@trpc/server";
import { Bot, type BotError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { childLogger } from "../server/logger";
import type { BotContext } from "./context";
import { alertsFeature } from "./features/alerts";
import { balanceFeature } from "./features/balance";
import { costFeature } from "./features/cost";
import { forecastFeature } from "./features/forecast";
import { helpFeature } from "./features/help";
import { languageFeature } from "./features/language";
import { linkGroupFeature } from "./features/link-group";
import { startFeature } from "./features/start";
import { syncFeature } from "./features/sync";
import { topFeature } from "./features/top";
import { zombiesFeature } from "./features/zombies";
import { botI18n } from "./i18n/bot-i18n";
import { loadLinkedChat } from "./middleware/load-linked-chat";

const log = childLogger("telegram");

export interface CreateBotOptions {
  token: string;
  /** Bot API base URL (TELEGRAM_API_ROOT); tests point it at a fake server on loopback. */
  apiRoot?: string;
  /** Known bot identity: skips getMe (tests; the webhook caches it). Without it, call `await bot.init()` first. */
  botInfo?: UserFromGetMe;
  /** Telegram's flood limits (30 msg/s overall, 20/min per group); off only where a test measures replies, not pacing. */
  throttle?: boolean;
}

/** A failed command answers in the chat's language; a refused tRPC call means the link lost its permissions. */
async function replyWithFailure(error: BotError<BotContext>): Promise<void> {
  const { ctx } = error;
  const refused = error.error instanceof TRPCError && (error.error.code === "FORBIDDEN" || error.error.code === "UNAUTHORIZED");
  if (!refused) log.error({ err: error.error, updateId: ctx.update.update_id }, "telegram update failed");
  if (!ctx.chat) return;
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    await ctx.reply(ctx.t(refused ? "errors-no-access" : "errors-generic"));
  } catch (replyError) {
    log.warn({ err: replyError }, "could not report a failed telegram update");
  }
}

/**
 * The InfraZen bot: no side effects until an update arrives (no network, no timers), so the webhook route, the
 * long-polling entry and tests each build their own. One composer per feature behind an error boundary; the Bot
 * API calls retry Telegram's 429s (auto-retry) and keep under its flood limits (throttler).
 */
export function createBot(options: CreateBotOptions) {
  const bot = new Bot<BotContext>(options.token, { botInfo: options.botInfo, client: { apiRoot: options.apiRoot } });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }));
  if (options.throttle !== false) bot.api.config.use(apiThrottler());

  bot.use(loadLinkedChat);
  bot.use(botI18n());
  bot
    .errorBoundary(replyWithFailure)
    .use(startFeature, linkGroupFeature, helpFeature, languageFeature, costFeature, topFeature, forecastFeature, balanceFeature, zombiesFeature, syncFeature, alertsFeature)
    // A button no feature took (an old message, forged data): answered, or Telegram keeps it spinning.
    .on("callback_query:data", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("errors-stale-button") }));

  bot.catch((error) => log.error({ err: error.error, updateId: error.ctx.update.update_id }, "telegram update failed outside the features"));
  return bot;
}

export type InfraZenBot = ReturnType<typeof createBot>;
