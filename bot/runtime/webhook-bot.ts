import crypto from "node:crypto";
import { webhookCallback } from "grammy";
import { childLogger } from "../../server/logger";
import { createBot } from "../create-bot";
import type { TelegramConfig } from "../telegram-config";

const log = childLogger("telegram");

export const SECRET_HEADER = "x-telegram-bot-api-secret-token";

/**
 * Telegram waits for the answer and re-sends an update it considers failed, so a slow update is acknowledged after
 * this long instead of erroring (its work goes on); long work belongs in Inngest functions, not in handlers.
 */
const WEBHOOK_TIMEOUT_MS = 8_000;

type WebhookHandler = (request: Request) => Promise<Response>;

// One bot per process and configuration (tests switch the environment between cases); getMe runs once per bot.
const globalForBot = globalThis as unknown as { infrazenWebhookBot?: { key: string; handle: WebhookHandler } };

export function webhookHandler(config: TelegramConfig & { webhookSecret: string }): WebhookHandler {
  const key = [config.apiRoot, config.token, config.webhookSecret].join("|");
  if (globalForBot.infrazenWebhookBot?.key !== key) {
    const bot = createBot({ token: config.token, apiRoot: config.apiRoot });
    // grammY's callback runs getMe before its first update (retried on the next request if Telegram was unreachable).
    const handle = webhookCallback(bot, "std/http", {
      secretToken: config.webhookSecret,
      timeoutMilliseconds: WEBHOOK_TIMEOUT_MS,
      onTimeout: () => log.warn({ timeoutMs: WEBHOOK_TIMEOUT_MS }, "telegram update still running after the webhook answered"),
    });
    globalForBot.infrazenWebhookBot = { key, handle };
  }
  return globalForBot.infrazenWebhookBot.handle;
}

/** Constant-time comparison of the secret header, done before the bot (or getMe) is touched at all. */
export function secretMatches(header: string | null, secret: string): boolean {
  if (!header) return false;
  const digest = (value: string) => crypto.createHash("sha256").update(value).digest();
  return crypto.timingSafeEqual(digest(header), digest(secret));
}
