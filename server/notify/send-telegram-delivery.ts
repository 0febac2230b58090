import { GrammyError, InlineKeyboard, type Api } from "grammy";
import type { PrismaClient } from "../db";

/** Telegram asked to wait: retry the delivery after `retryAfterSeconds`. */
export class TelegramRateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Telegram rate limit: retry after ${retryAfterSeconds} s`);
    this.name = "TelegramRateLimitedError";
  }
}

export type DeliveryOutcome = { status: "sent"; messageId: number; alreadySent: boolean } | { status: "failed"; error: string } | { status: "gone" };

/** 400/403 mean the chat is unreachable for good (bot blocked or removed, chat gone): retrying changes nothing. */
const isPermanent = (error: GrammyError) => error.error_code === 400 || error.error_code === 403;

/**
 * Sends one recorded delivery and records the outcome on its row: status, Telegram's message id, attempts, the
 * last error. Sending a delivery already sent does nothing (a retried step). A 429 is recorded and thrown as
 * TelegramRateLimitedError; network errors and 5xx are recorded and rethrown for the caller's retry.
 */
export async function sendTelegramDelivery(db: PrismaClient, api: Api, deliveryId: string): Promise<DeliveryOutcome> {
  const delivery = await db.telegramDelivery.findUnique({ where: { id: deliveryId }, include: { chat: { select: { telegramChatId: true } } } });
  if (!delivery) return { status: "gone" };
  if (delivery.status === "sent" && delivery.telegramMessageId !== null) return { status: "sent", messageId: delivery.telegramMessageId, alreadySent: true };
  if (delivery.status === "failed") return { status: "failed", error: delivery.error ?? "failed" };

  await db.telegramDelivery.update({ where: { id: deliveryId }, data: { attempts: { increment: 1 } } });
  const replyMarkup = delivery.buttonText && delivery.buttonUrl ? new InlineKeyboard().url(delivery.buttonText, delivery.buttonUrl) : undefined;
  try {
    const message = await api.sendMessage(delivery.chat.telegramChatId, delivery.text, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      reply_markup: replyMarkup,
    });
    await db.telegramDelivery.update({ where: { id: deliveryId }, data: { status: "sent", telegramMessageId: message.message_id, sentAt: new Date(), error: null } });
    return { status: "sent", messageId: message.message_id, alreadySent: false };
  } catch (error) {
    const text = error instanceof GrammyError ? `${error.error_code}: ${error.description}` : error instanceof Error ? error.message : String(error);
    if (error instanceof GrammyError && isPermanent(error)) {
      await db.telegramDelivery.update({ where: { id: deliveryId }, data: { status: "failed", error: text.slice(0, 1000) } });
      return { status: "failed", error: text };
    }
    await db.telegramDelivery.update({ where: { id: deliveryId }, data: { error: text.slice(0, 1000) } });
    if (error instanceof GrammyError && error.error_code === 429) throw new TelegramRateLimitedError(error.parameters.retry_after ?? 1);
    throw error;
  }
}

/** After the last retry: the delivery stays visible as failed with Telegram's last answer (or the given reason). */
export async function markTelegramDeliveryFailed(db: PrismaClient, deliveryId: string, reason: string): Promise<void> {
  const delivery = await db.telegramDelivery.findUnique({ where: { id: deliveryId }, select: { status: true, error: true } });
  if (delivery?.status !== "pending") return;
  await db.telegramDelivery.update({ where: { id: deliveryId }, data: { status: "failed", error: (delivery.error ?? reason).slice(0, 1000) } });
}
