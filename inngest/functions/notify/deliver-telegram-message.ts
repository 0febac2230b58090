import { NonRetriableError, RetryAfterError } from "inngest";
import { createTelegramApi } from "../../../bot/runtime/telegram-api";
import { readTelegramConfig } from "../../../bot/telegram-config";
import { db } from "../../../server/db";
import { markTelegramDeliveryFailed, sendTelegramDelivery, TelegramRateLimitedError } from "../../../server/notify/send-telegram-delivery";
import { inngest } from "../../client";
import { telegramDeliveryRequested } from "../../events";

export const DELIVERY_RETRIES = 5;

/**
 * `telegram/delivery.requested` → sends one recorded message and records the outcome. Telegram's 429 is retried
 * after exactly its `retry_after`; network errors and 5xx with Inngest's backoff; a blocked or vanished chat fails
 * at once. When the retries run out the delivery is marked failed with its last error.
 */
export const deliverTelegramMessageFunction = inngest.createFunction(
  {
    id: "deliver-telegram-message",
    name: "Send a Telegram message and record it",
    triggers: [telegramDeliveryRequested],
    retries: DELIVERY_RETRIES,
    // Telegram allows ~30 messages a second per bot: stay below it across every delivery.
    throttle: { limit: 25, period: "1s" },
    onFailure: async ({ event, error, step }) => {
      await step.run("mark-failed", () => markTelegramDeliveryFailed(db, event.data.event.data.deliveryId, error.message));
    },
  },
  async ({ event, step }) => {
    const config = readTelegramConfig();
    if (!config) throw new NonRetriableError("The Telegram bot is off (TELEGRAM_BOT_TOKEN is not set)");
    return step.run("send-message", async () => {
      try {
        return await sendTelegramDelivery(db, createTelegramApi(config), event.data.deliveryId);
      } catch (error) {
        if (error instanceof TelegramRateLimitedError) throw new RetryAfterError(error.message, `${error.retryAfterSeconds}s`, { cause: error });
        throw error;
      }
    });
  },
);
