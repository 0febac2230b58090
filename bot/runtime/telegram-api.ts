import { Api } from "grammy";
import type { TelegramConfig } from "../telegram-config";

/**
 * Bot API calls outside an update (alerts, /sync progress). No auto-retry here: whoever sends decides how to
 * wait out a 429 (an Inngest retry after `retry_after`, or the embedded loop).
 */
export function createTelegramApi(config: Pick<TelegramConfig, "token" | "apiRoot">): Api {
  return new Api(config.token, { apiRoot: config.apiRoot });
}
