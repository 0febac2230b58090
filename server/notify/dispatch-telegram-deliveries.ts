import type { Api } from "grammy";
import { inngest } from "../../inngest/client";
import { deliveryRequestedEvents } from "../../inngest/functions/notify/delivery-requested-events";
import { createTelegramApi } from "../../bot/runtime/telegram-api";
import { readTelegramConfig } from "../../bot/telegram-config";
import { db } from "../db";
import { resolveSyncMode } from "../env";
import { childLogger } from "../logger";
import { markTelegramDeliveryFailed, sendTelegramDelivery, TelegramRateLimitedError } from "./send-telegram-delivery";

const log = childLogger("notify");

export interface EmbeddedDeliveryOptions {
  api?: Api;
  /** Attempts per delivery, like the Inngest function's retries + 1. */
  attempts?: number;
  /** Longest wait this process accepts for one retry (Telegram may ask for minutes). */
  maxWaitSeconds?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The embedded mode's notify function: sends the deliveries one after another in this process, waiting out a
 * 429 for its `retry_after` and other transient errors with a short backoff; when attempts run out the delivery
 * is marked failed.
 */
export async function deliverTelegramInProcess(deliveryIds: string[], options: EmbeddedDeliveryOptions = {}): Promise<void> {
  const config = readTelegramConfig();
  const api = options.api ?? (config ? createTelegramApi(config) : null);
  if (!api) {
    log.warn({ count: deliveryIds.length }, "telegram bot is off: deliveries stay pending");
    return;
  }
  const attempts = options.attempts ?? 6;
  const sleep = options.sleep ?? defaultSleep;
  for (const deliveryId of deliveryIds) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await sendTelegramDelivery(db, api, deliveryId);
        break;
      } catch (error) {
        if (attempt >= attempts) {
          await markTelegramDeliveryFailed(db, deliveryId, error instanceof Error ? error.message : String(error));
          break;
        }
        const waitSeconds = error instanceof TelegramRateLimitedError ? error.retryAfterSeconds : 2 ** attempt;
        if (waitSeconds > (options.maxWaitSeconds ?? 120)) {
          await markTelegramDeliveryFailed(db, deliveryId, error instanceof Error ? error.message : String(error));
          break;
        }
        await sleep(waitSeconds * 1000);
      }
    }
  }
}

/**
 * Starts sending recorded deliveries: one `telegram/delivery.requested` each when Inngest runs the functions
 * (event id = delivery, so a repeated dispatch sends once), else in this process. Returns when Inngest has the
 * events, or when the embedded sends have finished.
 */
export async function dispatchTelegramDeliveries(deliveryIds: string[]): Promise<void> {
  if (deliveryIds.length === 0) return;
  if (resolveSyncMode(process.env) === "inngest") {
    await inngest.send(deliveryRequestedEvents(deliveryIds));
    return;
  }
  await deliverTelegramInProcess(deliveryIds);
}
