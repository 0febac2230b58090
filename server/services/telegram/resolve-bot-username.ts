import type { Api } from "grammy";
import { createTelegramApi } from "../../../bot/runtime/telegram-api";
import type { TelegramConfig } from "../../../bot/telegram-config";
import { childLogger } from "../../logger";

const log = childLogger("telegram");

// A settings page must not hang on an unreachable Bot API.
const GET_ME_TIMEOUT_MS = 5_000;

// One getMe per token and process: the username never changes while the token stays the same.
const cache = new Map<string, Promise<string | null>>();

/**
 * The bot's @username for t.me links: TELEGRAM_BOT_USERNAME, else getMe (once). Null when Telegram cannot be reached;
 * a failed lookup is not cached, so the next request tries again.
 */
export function resolveBotUsername(config: Pick<TelegramConfig, "token" | "apiRoot" | "username">): Promise<string | null> {
  if (config.username) return Promise.resolve(config.username);
  const key = `${config.apiRoot}|${config.token}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = createTelegramApi(config)
      .getMe(AbortSignal.timeout(GET_ME_TIMEOUT_MS) as Parameters<Api["getMe"]>[0])
      .then((me) => me.username)
      .catch((error: unknown) => {
        cache.delete(key);
        log.warn({ err: error }, "could not read the bot's username from getMe");
        return null;
      });
    cache.set(key, pending);
  }
  return pending;
}
