import { SECRET_HEADER, secretMatches, webhookHandler } from "@/bot/runtime/webhook-bot";
import { readTelegramConfig } from "@/bot/telegram-config";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Telegram's webhook. Off (404) without TELEGRAM_BOT_TOKEN; refuses to run (503) without TELEGRAM_WEBHOOK_SECRET,
 * because anyone could otherwise post forged updates; a missing or wrong X-Telegram-Bot-Api-Secret-Token is 401.
 */
export async function POST(request: Request): Promise<Response> {
  const config = readTelegramConfig();
  if (!config) return Response.json({ error: "The Telegram bot is off: TELEGRAM_BOT_TOKEN is not set (see README, Telegram bot)." }, { status: 404 });
  const { webhookSecret } = config;
  if (!webhookSecret) {
    return Response.json(
      { error: "The Telegram webhook needs TELEGRAM_WEBHOOK_SECRET (openssl rand -hex 32), registered with setWebhook's secret_token; use `npm run bot` for long polling without it." },
      { status: 503 },
    );
  }
  if (!secretMatches(request.headers.get(SECRET_HEADER), webhookSecret)) return Response.json({ error: "Wrong or missing secret token." }, { status: 401 });
  return webhookHandler({ ...config, webhookSecret })(request);
}
