/**
 * The bot's settings, read from the given source on every call (tests and the CLI switch them at run time).
 * No TELEGRAM_BOT_TOKEN: the bot is off — the webhook answers 404, `npm run bot` explains, Settings says how to enable it.
 */
export interface TelegramConfig {
  token: string;
  /** Bot API base URL; a test points it at a fake server on loopback. */
  apiRoot: string;
  /** Checked against X-Telegram-Bot-Api-Secret-Token on every webhook call; the webhook refuses to run without it. */
  webhookSecret: string | null;
  /** For t.me deep links; otherwise read once from getMe. */
  username: string | null;
  /** Where alert buttons point: the web app's public URL. */
  appUrl: string;
}

export const DEFAULT_TELEGRAM_API_ROOT = "https://api.telegram.org";

export function readTelegramConfig(source: Record<string, string | undefined> = process.env): TelegramConfig | null {
  const token = source.TELEGRAM_BOT_TOKEN?.trim();
  if (!token) return null;
  return {
    token,
    apiRoot: (source.TELEGRAM_API_ROOT?.trim() || DEFAULT_TELEGRAM_API_ROOT).replace(/\/+$/, ""),
    webhookSecret: source.TELEGRAM_WEBHOOK_SECRET?.trim() || null,
    username: source.TELEGRAM_BOT_USERNAME?.trim().replace(/^@/, "") || null,
    appUrl: (source.NEXTAUTH_URL?.trim() || "http://localhost:3000").replace(/\/+$/, ""),
  };
}
